/**
 * Weekly summaries over GraphQL, for admins: settings, stored summaries, a preview that sends
 * nothing, a run for one week (enqueued; the compile is idempotent), and the email outbox with
 * retry. Thin: every read and write is features/summaries/service.ts or jobs.ts.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import * as v from 'valibot';
import { conflictError, missingMessage, notFoundError, parseInput, validationError } from '../domain/errors.ts';
import { enqueueCompile, enqueueSends } from '../features/summaries/queue.ts';
import type { CompiledSummary, SourceType, SummaryItem } from '../features/summaries/rules.ts';
import { isTimeZone, periodForKey, type SummaryPeriod } from '../features/summaries/schedule.ts';
import { abandon, previewSummary, readSettings, resetForRetry, saveSettings, type OutboxRow, type SettingsRow } from '../features/summaries/service.ts';
import { emailOutbox, OUTBOX_STATUSES, summaries, SUMMARY_LEVELS, type OutboxStatus, type SummaryLevel } from '../features/summaries/tables.ts';
import type { TenantContext } from './auth-scopes.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { upperEnum } from './enums.ts';
import { encodeId, localIdFor, tryDecodeId } from './global-ids.ts';
import { runMutation } from './mutations.ts';
import { UserErrorInterface } from './errors.ts';
import type { UserErrorData } from '../domain/errors.ts';

const PERMISSION = 'summaries:manage';
const SummaryLevelEnum = upperEnum<SummaryLevel>('SummaryLevel', SUMMARY_LEVELS);
const OutboxStatusEnum = upperEnum<OutboxStatus>('EmailOutboxStatus', OUTBOX_STATUSES);
const ItemSectionEnum = upperEnum<SummaryItem['section']>('SummaryItemSection', ['praise', 'focus', 'progress', 'figures', 'note']);

const SettingsType = builder.objectRef<SettingsRow>('SummarySettings').implement({
  description: "When the weekly summaries go out (the tenant's local weekday and hour), from whom, and which levels.",
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    timeZone: t.exposeString('timeZone', { description: 'IANA time zone, e.g. Europe/Lisbon.' }),
    weekday: t.exposeInt('weekday', { description: 'ISO weekday: 1 = Monday ... 7 = Sunday.' }),
    hour: t.exposeInt('hour', { description: 'Local hour, 0-23.' }),
    senderName: t.exposeString('senderName'),
    senderAddress: t.exposeString('senderAddress'),
    levels: t.field({ type: [SummaryLevelEnum], resolve: (row) => row.levels }),
    skipEmpty: t.exposeBoolean('skipEmpty', { description: 'Skip the email of someone nobody mentioned this week (otherwise a short note).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const SOURCE_TYPENAMES: Record<SourceType, string> = {
  feedback: 'Feedback', survey_call: 'SurveyCall', recognition: 'Recognition', points_entry: 'PointsEntry', budget_spend: 'BudgetSpend',
  suggestion: 'Suggestion', experiment: 'Experiment', employee: 'Employee', team: 'Team',
};

const FigureType = builder.objectRef<NonNullable<SummaryItem['figure']>>('SummaryFigure').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeFloat('value', { description: 'As SQL computed it.' }),
    previous: t.exposeFloat('previous', { nullable: true, description: 'The week before, where compared.' }),
  }),
});

const ItemType = builder.objectRef<SummaryItem>('SummaryItem').implement({
  description: 'One statement of a summary, with the records it rests on.',
  fields: (t) => ({
    section: t.field({ type: ItemSectionEnum, resolve: (item) => item.section }),
    text: t.exposeString('text'),
    quote: t.exposeString('quote', { nullable: true, description: "A customer's words, verbatim from the record." }),
    figure: t.field({ type: FigureType, nullable: true, resolve: (item) => item.figure }),
    sourceIds: t.idList({ description: 'Global ids of the records it rests on (Feedback, SurveyCall, ...), at most 50.', resolve: (item) => item.sources.map((s) => encodeId(SOURCE_TYPENAMES[s.type], s.id)) }),
    sourceCount: t.exposeInt('sourceCount', { description: 'How many records in all.' }),
  }),
});

// Summaries and outbox rows are objects rather than Relay nodes: they are for admins only, and
// `node(id)` does not check roles, so they are reached only through the admin fields below.
export const Summary = builder.drizzleObject('summaries', {
  name: 'Summary',
  description: 'A compiled weekly summary: one per level, subject and week.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeId('Summary', row.id) }),
    level: t.expose('level', { type: SummaryLevelEnum }),
    periodKey: t.exposeString('periodKey', { description: 'ISO week, e.g. 2026-W47 (in the tenant time zone).' }),
    periodStart: t.expose('periodStart', { type: 'DateTime' }),
    periodEnd: t.expose('periodEnd', { type: 'DateTime', description: 'Exclusive.' }),
    employee: t.relation('employee', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    empty: t.exposeBoolean('empty', { description: 'Nothing was said about the subject that week.' }),
    items: t.field({ type: [ItemType], resolve: (row) => row.items }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface PreviewShape extends CompiledSummary {
  period: SummaryPeriod;
}
const PreviewType = builder.objectRef<PreviewShape>('SummaryPreview').implement({
  description: 'A summary compiled now from the records, stored nowhere and sent to nobody.',
  fields: (t) => ({
    level: t.field({ type: SummaryLevelEnum, resolve: (p) => p.level }),
    periodKey: t.string({ resolve: (p) => p.period.key }),
    periodStart: t.field({ type: 'DateTime', resolve: (p) => p.period.start }),
    periodEnd: t.field({ type: 'DateTime', resolve: (p) => p.period.end }),
    empty: t.exposeBoolean('empty'),
    items: t.field({ type: [ItemType], resolve: (p) => p.items }),
  }),
});

export const EmailOutboxEntry = builder.drizzleObject('emailOutbox', {
  name: 'EmailOutboxEntry',
  description: 'One email of the weekly summaries: sent at most once, retried on failure, never lost.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeId('EmailOutboxEntry', row.id) }),
    recipient: t.relation('recipient'),
    summary: t.relation('summary'),
    kind: t.expose('kind', { type: SummaryLevelEnum }),
    periodKey: t.exposeString('periodKey'),
    status: t.expose('status', { type: OutboxStatusEnum }),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('lastError', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** A week key checked against the tenant's zone; a malformed key is a BAD_USER_INPUT error. */
function periodOrError(key: string, timeZone: string, argument: string): SummaryPeriod {
  const period = periodForKey(key, timeZone);
  if (!period) throw new GraphQLError(`${argument} must be an ISO week like 2026-W47.`, { extensions: { code: 'BAD_USER_INPUT' } });
  return period;
}

const SummaryFilter = builder.inputType('SummaryFilter', {
  fields: (t) => ({
    level: t.field({ type: SummaryLevelEnum }),
    subjectId: t.id({ description: 'An Employee or Team id.' }),
    periodKey: t.string({ description: 'ISO week, e.g. 2026-W47.' }),
  }),
});
const OutboxFilter = builder.inputType('EmailOutboxFilter', {
  fields: (t) => ({ status: t.field({ type: OutboxStatusEnum }), periodKey: t.string() }),
});

function summaryFilterSql(table: typeof summaries, filter: { level?: SummaryLevel | null; subjectId?: string | null; periodKey?: string | null } | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: SQL[] = [];
  if (filter.level) conditions.push(eq(table.level, filter.level));
  if (filter.periodKey) conditions.push(eq(table.periodKey, filter.periodKey));
  if (filter.subjectId) {
    const decoded = tryDecodeId(filter.subjectId);
    // An unknown or foreign id matches nothing, like any id that does not exist.
    if (!decoded || !['Employee', 'Team'].includes(decoded.typename)) conditions.push(sql`0 = 1`);
    else conditions.push(eq(decoded.typename === 'Employee' ? table.employeeId : table.teamId, decoded.id));
  }
  return conditions.length ? and(...conditions) : undefined;
}

function outboxFilterSql(table: typeof emailOutbox, filter: { status?: OutboxStatus | null; periodKey?: string | null } | null | undefined): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter?.status) conditions.push(eq(table.status, filter.status));
  if (filter?.periodKey) conditions.push(eq(table.periodKey, filter.periodKey));
  return conditions.length ? and(...conditions) : undefined;
}

builder.queryFields((t) => ({
  summarySettings: t.withAuth({ permission: PERMISSION, tenant: true }).field({
    type: SettingsType,
    nullable: true,
    description: 'The weekly summary settings; null until they are set (nothing is sent until then). Admins.',
    resolve: (_root, _args, ctx) => readSettings(ctx.tenant),
  }),
  summaries: t.withAuth({ permission: PERMISSION, tenant: true }).drizzleConnection({
    type: 'summaries',
    description: 'Stored weekly summaries, newest week first. Admins.',
    args: { filter: t.arg({ type: SummaryFilter }) },
    ...filteredConnection({ name: 'summaries', table: summaries, filter: summaryFilterSql, orderBy: { periodKey: 'desc', level: 'asc', id: 'asc' } }),
  }),
  previewSummary: t.withAuth({ permission: PERMISSION, tenant: true }).field({
    type: PreviewType,
    nullable: true,
    description: 'Compiles a summary now, from the records, without storing or sending anything. Null when the subject does not exist. Admins.',
    args: {
      level: t.arg({ type: SummaryLevelEnum, required: true }),
      subjectId: t.arg.id({ description: 'The Employee (EMPLOYEE) or Team (TEAM); omit for TENANT.' }),
      periodKey: t.arg.string({ required: true, description: 'ISO week, e.g. 2026-W47.' }),
    },
    resolve: async (_root, args, ctx) => {
      const tenant = ctx.tenant;
      const settings = await readSettings(tenant);
      const period = periodOrError(args.periodKey, settings?.timeZone ?? 'UTC', 'periodKey');
      const decoded = args.subjectId ? tryDecodeId(args.subjectId) : undefined;
      let subject: Parameters<typeof previewSummary>[2];
      if (args.level === 'tenant') subject = { level: 'tenant' };
      else if (args.level === 'employee' && decoded?.typename === 'Employee') subject = { level: 'employee', employeeId: decoded.id };
      else if (args.level === 'team' && decoded?.typename === 'Team') subject = { level: 'team', teamId: decoded.id };
      else return null;
      const compiled = await previewSummary(tenant, period, subject);
      return compiled ? { ...compiled, period } : null;
    },
  }),
  emailOutbox: t.withAuth({ permission: PERMISSION, tenant: true }).drizzleConnection({
    type: 'emailOutbox',
    description: 'Every summary email: status, attempts and the last error. Newest first. Admins.',
    args: { filter: t.arg({ type: OutboxFilter }) },
    ...filteredConnection({ name: 'emailOutbox', table: emailOutbox, filter: outboxFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
  }),
}));

const SettingsInput = builder.inputType('UpdateSummarySettingsInput', {
  fields: (t) => ({
    enabled: t.boolean({ required: true }),
    timeZone: t.string({ required: true, description: 'IANA time zone, e.g. Europe/Lisbon.' }),
    weekday: t.int({ required: true, description: '1 = Monday ... 7 = Sunday.' }),
    hour: t.int({ required: true, description: 'Local hour, 0-23.' }),
    senderName: t.string({ required: true }),
    senderAddress: t.string({ required: true, description: 'An address of a domain set up with your email provider.' }),
    levels: t.field({ type: [SummaryLevelEnum], required: true }),
    skipEmpty: t.boolean({ defaultValue: true }),
  }),
});
const settingsSchema = v.object({
  weekday: v.pipe(v.number(), v.integer(), v.minValue(1, 'Weekdays are 1 (Monday) to 7 (Sunday).'), v.maxValue(7, 'Weekdays are 1 (Monday) to 7 (Sunday).')),
  hour: v.pipe(v.number(), v.integer(), v.minValue(0, 'Hours are 0 to 23.'), v.maxValue(23, 'Hours are 0 to 23.')),
  senderName: v.pipe(v.string(), v.trim(), v.nonEmpty('Name the sender, e.g. "Brewline Coffee".'), v.maxLength(120, 'Sender names are at most 120 characters.')),
  senderAddress: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('Enter a valid sender address, like summaries@example.com.')),
  levels: v.pipe(v.array(v.picklist(SUMMARY_LEVELS)), v.minLength(1, 'Choose at least one level (or set enabled to false).')),
});

const SettingsPayload = builder.objectRef<{ settings: SettingsRow | null; errors: UserErrorData[] }>('SummarySettingsPayload').implement({
  fields: (t) => ({
    settings: t.field({ type: SettingsType, nullable: true, resolve: (p) => p.settings }),
    errors: t.field({ type: [UserErrorInterface], resolve: (p) => p.errors }),
  }),
});
const RunPayload = builder.objectRef<{ periodKey: string | null; enqueued: boolean | null; errors: UserErrorData[] }>('RunSummariesPayload').implement({
  fields: (t) => ({
    periodKey: t.string({ nullable: true, resolve: (p) => p.periodKey }),
    enqueued: t.boolean({ nullable: true, description: 'The run was queued. Summaries and emails already made for the week are not made again.', resolve: (p) => p.enqueued }),
    errors: t.field({ type: [UserErrorInterface], resolve: (p) => p.errors }),
  }),
});
const OutboxPayload = builder.objectRef<{ email: OutboxRow | null; errors: UserErrorData[] }>('EmailOutboxPayload').implement({
  fields: (t) => ({
    email: t.field({ type: EmailOutboxEntry, nullable: true, resolve: (p) => p.email }),
    errors: t.field({ type: [UserErrorInterface], resolve: (p) => p.errors }),
  }),
});
const RunInput = builder.inputType('RunSummariesInput', { fields: (t) => ({ periodKey: t.string({ required: true, description: 'ISO week, e.g. 2026-W47.' }) }) });
const EmailIdInput = builder.inputType('EmailOutboxIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });

async function outboxRow(ctx: TenantContext, globalId: string): Promise<OutboxRow> {
  const id = localIdFor('EmailOutboxEntry', globalId, ['input', 'id']);
  const row = await ctx.tenant.db.query.emailOutbox.findFirst({ where: { id } });
  if (!row) throw notFoundError(['input', 'id'], missingMessage('EmailOutboxEntry'));
  return row;
}

builder.mutationFields((t) => ({
  updateSummarySettings: t.withAuth({ permission: PERMISSION, tenant: true }).field({
    type: SettingsPayload,
    description: 'Sets when and how the weekly summaries go out. Admins.',
    args: { input: t.arg({ type: SettingsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const values = parseInput(settingsSchema, { weekday: input.weekday, hour: input.hour, senderName: input.senderName, senderAddress: input.senderAddress, levels: input.levels });
        if (!isTimeZone(input.timeZone)) throw validationError(['input', 'timeZone'], `"${input.timeZone.slice(0, 60)}" is not a time zone; use an IANA name like Europe/Lisbon or America/Chicago.`);
        const settings = await saveSettings(tenant, { ...values, enabled: input.enabled, timeZone: input.timeZone, skipEmpty: input.skipEmpty ?? true }, ctx.now);
        return { settings };
      }, { settings: null }),
  }),
  runSummaries: t.withAuth({ permission: PERMISSION, tenant: true }).field({
    type: RunPayload,
    description: 'Compiles and sends the summaries of one ended week now (queued). Running it again sends nothing twice. Admins.',
    args: { input: t.arg({ type: RunInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const settings = await readSettings(tenant);
        if (!settings) throw validationError(['input'], 'Set the summary settings first (updateSummarySettings): a summary needs a sender.');
        const period = periodForKey(input.periodKey, settings.timeZone);
        if (!period) throw validationError(['input', 'periodKey'], 'Give an ISO week like 2026-W47.');
        if (period.end.getTime() > ctx.now.getTime()) throw validationError(['input', 'periodKey'], `Week ${period.key} has not ended yet; preview it with previewSummary instead.`);
        await enqueueCompile(ctx.env, tenant.tenantId, period.key);
        return { periodKey: period.key, enqueued: true };
      }, { periodKey: null, enqueued: null }),
  }),
  retryEmail: t.withAuth({ permission: PERMISSION, tenant: true }).field({
    type: OutboxPayload,
    description: 'Sends a failed, abandoned or stuck (sending for longer than its 10-minute lease) summary email again. Admins.',
    args: { input: t.arg({ type: EmailIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const row = await outboxRow(ctx, input.id);
        const reset = await resetForRetry(tenant, row.id, ctx.now);
        if (!reset) throw conflictError(['input', 'id'], `This email is ${row.status}; only failed or abandoned emails, or ones stuck sending for over 10 minutes, can be retried.`);
        await enqueueSends(ctx.env, tenant.tenantId, [reset.id]);
        return { email: reset };
      }, { email: null }),
  }),
  abandonEmail: t.withAuth({ permission: PERMISSION, tenant: true }).field({
    type: OutboxPayload,
    description: 'Gives up on a failed, pending or stuck (sending for longer than its 10-minute lease) summary email: it stays listed and is never sent. Admins.',
    args: { input: t.arg({ type: EmailIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const row = await outboxRow(ctx, input.id);
        const done = await abandon(tenant, row.id, ctx.now);
        if (!done) throw conflictError(['input', 'id'], `This email is ${row.status}; only failed or pending emails, or ones stuck sending for over 10 minutes, can be abandoned.`);
        return { email: done };
      }, { email: null }),
  }),
}));

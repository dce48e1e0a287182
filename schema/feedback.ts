/** Feedback: praise, complaints and ideas about employees and teams, and their resolution. */
import { GraphQLError } from 'graphql';
import { findComplaint, resolveComplaint } from '../features/complaints/service.ts';
import { hasPermission } from '../worker/auth/permissions.ts';
import { parseInput, UserErrors, validationError, type UserErrorData } from '../domain/errors.ts';
import { sentimentLabel } from '../features/themes/service.ts';
import { feedbackRules, importRecordRules, resolutionRules, VOICE_LIMITS } from '../features/voice/rules/validation.ts';
import { importFeedbackRecords, recordFeedback, resolveFeedback, type ImportEntry } from '../features/voice/service.ts';
import { feedback } from '../features/voice/tables.ts';
import { textAnalyser } from '../features/themes/service.ts';
import { Theme } from './themes.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import type { TenantContext } from './auth-scopes.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { findEmployee } from './employees.ts';
import { UserErrorInterface } from './errors.ts';
import { FeedbackFilter, feedbackFilterSql } from './feedback-filter.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { findTeam } from './teams.ts';
import { FeedbackKindEnum, FeedbackSourceEnum, FeedbackStatusEnum, SentimentLabelEnum } from './voice-enums.ts';

export const Feedback = builder.drizzleNode('feedback', {
  name: 'Feedback',
  id: { column: (row) => row.id },
  fields: (t) => ({
    kind: t.expose('kind', { type: FeedbackKindEnum }),
    source: t.expose('source', { type: FeedbackSourceEnum }),
    body: t.exposeString('body', { description: "The customer's words." }),
    rating: t.exposeInt('rating', { nullable: true }),
    sentiment: t.exposeFloat('sentiment', { description: '-1 (negative) to 1 (positive); see the README for how it is computed.' }),
    sentimentLabel: t.field({ type: SentimentLabelEnum, select: { columns: { sentiment: true } }, resolve: (row) => sentimentLabel(row.sentiment) }),
    themes: t.exposeStringList('themes', { description: 'Labels of its themes in the organisation\'s taxonomy: the primary theme first, at most one more where it says two things.' }),
    primaryTheme: t.relation('primaryTheme', { type: Theme, nullable: true, description: 'The theme it is mainly about; null when it matched none.' }),
    status: t.expose('status', { type: FeedbackStatusEnum }),
    resolutionNote: t.exposeString('resolutionNote', { nullable: true }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    resolvedBy: t.relation('resolvedByEmployee', {
      nullable: true,
      description: 'The employee who resolved it; null when it was resolved with an API key.',
    }),
    externalRef: t.exposeString('externalRef', { nullable: true, description: 'Its id in the system it was imported from.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    employee: t.relation('employee', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    call: t.relation('call', { nullable: true, description: 'The survey call it was said on.' }),
  }),
});

export type { FeedbackRow } from '../features/voice/service.ts';

builder.queryFields((t) => ({
  feedback: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'feedback',
    description: 'Feedback, newest first. Every role sees it: customer feedback is for everyone.',
    args: { filter: t.arg({ type: FeedbackFilter }) },
    ...filteredConnection({ name: 'feedback', table: feedback, filter: feedbackFilterSql, orderBy: { receivedAt: 'desc' } }),
  }),
}));

// ---- recording and resolving -------------------------------------------------------------------

const FeedbackPayload = payloadType('FeedbackPayload', 'feedback', Feedback);

const RecordFeedbackInput = builder.inputType('RecordFeedbackInput', {
  fields: (t) => ({
    kind: t.field({ type: FeedbackKindEnum, required: true }),
    source: t.field({ type: FeedbackSourceEnum, required: true, description: 'Not SURVEY_CALL: log the call instead.' }),
    body: t.string({ required: true, description: `The customer's words, at most ${VOICE_LIMITS.body} characters.` }),
    employeeId: t.id({ description: 'The employee it is about. Their team is used when teamId is left out.' }),
    teamId: t.id({ description: 'The team it is about.' }),
    rating: t.int({ description: '1 to 5.' }),
    receivedAt: t.field({ type: 'DateTime', description: 'When the customer said it. Default: now.' }),
    externalRef: t.string({ description: 'Its id in another system; unique in your organisation.' }),
    customerName: t.string({ description: `Who complained, at most ${VOICE_LIMITS.customerName} characters. Shown only to the complaint's owner and managers.` }),
    customerContact: t.string({ description: 'Their email address or phone number, so the owner can make it right. Shown only to the owner and managers.' }),
  }),
});

const ResolveFeedbackInput = builder.inputType('ResolveFeedbackInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    note: t.string({ required: true, description: 'How it was made right.' }),
  }),
});

builder.mutationFields((t) => ({
  recordFeedback: t.withAuth({ permission: 'voice:write', tenant: true }).field({
    type: FeedbackPayload,
    description: 'Records praise, a complaint or an idea. Needs a manager or admin key, or a lead\'s employee token.',
    args: { input: t.arg({ type: RecordFeedbackInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const values = parseInput(feedbackRules(ctx.now), input);
        const person = input.employeeId
          ? await findEmployee(tenant, localIdFor('Employee', input.employeeId, ['input', 'employeeId']), ['input', 'employeeId'])
          : null;
        const teamId = input.teamId
          ? (await findTeam(tenant, localIdFor('Team', input.teamId, ['input', 'teamId']), ['input', 'teamId'])).id
          : (person?.teamId ?? null);
        return { feedback: await recordFeedback(tenant, values, { employee: person, teamId }, ctx.now, await textAnalyser(tenant)) };
      }, { feedback: null }),
  }),
  resolveFeedback: t.withAuth({ permission: 'feedback:resolve', tenant: true }).field({
    type: FeedbackPayload,
    description:
      "Marks feedback resolved, with a note on how it was made right. Leads, managers and admin or manager keys resolve any; a complaint's owner resolves their own complaint with their employee token.",
    args: { input: t.arg({ type: ResolveFeedbackInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      // Leads and managers resolve any feedback; anyone else only a complaint they own.
      const resolvesAny = hasPermission(ctx.principal, 'voice:write');
      return runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('Feedback', input.id, ['input', 'id']);
        const { note } = parseInput(resolutionRules, { note: input.note });
        const row = await findComplaint(tenant, id, ['input', 'id']);
        if (!resolvesAny && !(row.kind === 'complaint' && ctx.principal.kind === 'employee' && row.ownerId === ctx.principal.employeeId)) {
          throw new GraphQLError('Forbidden: resolving feedback needs a lead\'s, manager\'s or director\'s token or a manager or admin key; an employee resolves only complaints they own.', {
            extensions: { code: 'FORBIDDEN' },
          });
        }
        // Complaints resolve with their history (a RESOLVED event, the first action); other feedback as before.
        const feedback = row.kind === 'complaint'
          ? await resolveComplaint(tenant, row, note, actorIdOf(ctx.principal), ctx.now)
          : await resolveFeedback(tenant, id, note, actorIdOf(ctx.principal), ctx.now);
        return { feedback };
      }, { feedback: null });
    },
  }),
}));

// ---- importing complaint records -------------------------------------------------------------

const ImportRecordInput = builder.inputType('ComplaintRecordInput', {
  fields: (t) => ({
    externalRef: t.string({ required: true, description: 'Its id in your system: importing it again does not duplicate it.' }),
    kind: t.field({ type: FeedbackKindEnum, description: 'Default COMPLAINT.' }),
    body: t.string({ required: true }),
    rating: t.int(),
    receivedAt: t.field({ type: 'DateTime', required: true }),
    employeeId: t.id({ description: 'The employee it is about (or employeeEmail).' }),
    employeeEmail: t.string({ description: 'The employee it is about, by email.' }),
    teamId: t.id(),
    resolvedAt: t.field({ type: 'DateTime', description: 'When it was resolved, if it already was.' }),
    resolutionNote: t.string(),
    customerName: t.string({ description: "Who complained. Shown only to the complaint's owner and managers." }),
    customerContact: t.string({ description: 'Their email address or phone number.' }),
  }),
});

const ImportInput = builder.inputType('ImportComplaintRecordsInput', {
  fields: (t) => ({
    records: t.field({ type: [ImportRecordInput], required: true, description: `At most ${VOICE_LIMITS.importBatch} per call.` }),
  }),
});

interface RecordProblem {
  index: number;
  errors: UserErrorData[];
}

const RejectedRecord = builder.objectRef<RecordProblem>('RejectedRecord').implement({
  description: 'A record that was not imported, and why.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in input.records, from 0.' }),
    errors: t.field({ type: [UserErrorInterface], resolve: (problem) => problem.errors }),
  }),
});

const SkippedRecord = builder.objectRef<{ index: number; externalRef: string }>('SkippedRecord').implement({
  description: 'A record whose externalRef was imported before; it was left as it is.',
  fields: (t) => ({ index: t.exposeInt('index'), externalRef: t.exposeString('externalRef') }),
});

interface ImportResult {
  importedCount: number | null;
  skipped: { index: number; externalRef: string }[];
  rejected: RecordProblem[];
  errors: UserErrorData[];
}

const ImportPayload = builder.objectRef<ImportResult>('ImportComplaintRecordsPayload').implement({
  fields: (t) => ({
    importedCount: t.exposeInt('importedCount', { nullable: true, description: 'Records written (all valid new ones, in one batch).' }),
    skipped: t.field({ type: [SkippedRecord], resolve: (result) => result.skipped }),
    rejected: t.field({ type: [RejectedRecord], resolve: (result) => result.rejected }),
    errors: t.field({ type: [UserErrorInterface], resolve: (result) => result.errors }),
  }),
});

type RecordInput = typeof ImportRecordInput.$inferInput;

async function importRecords(ctx: TenantContext, records: RecordInput[]): Promise<Omit<ImportResult, 'errors'>> {
  const tenant = ctx.tenant;
  if (records.length > VOICE_LIMITS.importBatch) {
    throw validationError(['input', 'records'], `At most ${VOICE_LIMITS.importBatch} records per call: split the import (you sent ${records.length}).`);
  }
  const { now } = ctx;
  const rules = importRecordRules(now);
  const problems = new Map<number, UserErrorData[]>();
  const reject = (index: number, error: UserErrorData) => problems.set(index, [...(problems.get(index) ?? []), error]);
  const at = (index: number, field: string) => ['input', 'records', String(index), field];

  const parsed = records.map((record, index) => {
    try {
      const values = parseInput(rules, record, ['input', 'records', String(index)]);
      const employeeId = record.employeeId ? localIdFor('Employee', record.employeeId, at(index, 'employeeId')) : null;
      const teamId = record.teamId ? localIdFor('Team', record.teamId, at(index, 'teamId')) : null;
      return { index, values, employeeId, teamId, employeeEmail: record.employeeEmail?.trim().toLowerCase() || null };
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      for (const problem of error.errors) reject(index, problem);
      return null;
    }
  });
  const valid = parsed.filter((entry): entry is ImportEntry => entry !== null);

  // One read of the taxonomy for the whole import: every record is classified in memory.
  const outcome = await importFeedbackRecords(tenant, valid, actorIdOf(ctx.principal), now, await textAnalyser(tenant));
  for (const { index, error } of outcome.problems) reject(index, error);
  const rejected = [...problems.entries()].sort(([a], [b]) => a - b).map(([index, errors]) => ({ index, errors }));
  return { importedCount: outcome.importedCount, skipped: outcome.skipped, rejected };
}

builder.mutationField('importComplaintRecords', (t) =>
  t.withAuth({ permission: 'voice:import', tenant: true }).field({
    type: ImportPayload,
    description: `Imports up to ${VOICE_LIMITS.importBatch} complaint records. Valid new records are written together; invalid ones come back in \`rejected\` with their index; already imported ones in \`skipped\`. Needs a manager or admin key.`,
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(() => importRecords(ctx, input.records), { importedCount: null, skipped: [], rejected: [] }),
  }),
);

/**
 * The tenant's theme taxonomy (issue 12): `themes`, the edits (add, rename, edit rules, merge,
 * retire, restore), the re-theme run an edit starts (`themeRun`), and emerging themes with
 * `promoteEmergingTheme`. Parse, authorise, call features/themes/service.ts.
 */
import { type UserErrorData, parseInput } from '../domain/errors.ts';
import { resolveRange } from '../domain/periods.ts';
import { addThemeRules, editRulesRules, promoteRules, renameThemeRules } from '../features/themes/rules/edits.ts';
import {
  addTheme, editThemeRules, emergingThemes, findRun, mergeThemes, promoteEmergingTheme, renameTheme, restoreTheme, retireTheme,
  tenantThemes, themes, themeWhere, type EmergingTheme, type ThemeEdit, type ThemeRow, type ThemeRunRow,
} from '../features/themes/service.ts';
import { THEME_ORIGINS, THEME_STATUSES, type ThemeStatus } from '../features/themes/tables.ts';
import { builder } from './builder.ts';
import { tenantConnection } from './connections.ts';
import { UserErrorInterface } from './errors.ts';
import { localIdFor } from './global-ids.ts';
import { runMutation } from './mutations.ts';
import type { TenantContext } from './auth-scopes.ts';
import { rangeArgs } from './voice.ts';

const upper = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])) as Record<Uppercase<T>, { value: T }>;

export const ThemeStatusEnum = builder.enumType('ThemeStatus', { values: upper(THEME_STATUSES) });
export const ThemeOriginEnum = builder.enumType('ThemeOrigin', {
  description: 'Where a theme came from: the default taxonomy, a trade pack (CAFE, RETAIL, APPLIANCES), a manager (CUSTOM) or a promoted emerging phrase (EMERGING).',
  values: upper(THEME_ORIGINS),
});
const ThemeRunStatusEnum = builder.enumType('ThemeRunStatus', {
  values: {
    RUNNING: { value: 'running', description: 'Re-classifying, a page of records at a time.' },
    DONE: { value: 'done', description: 'Every record was re-classified.' },
    SUPERSEDED: { value: 'superseded', description: 'A later edit started a new run, which re-classifies everything.' },
  } as const,
});

export const Theme = builder.drizzleNode('themes', {
  name: 'Theme',
  description: 'A theme of the organisation\'s taxonomy, and the rules that recognise it in customers\' words.',
  id: { column: (theme) => theme.id },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable slug (`waiting-time`); renaming never changes it. FeedbackFilter.theme takes it.' }),
    label: t.exposeString('label'),
    terms: t.exposeStringList('terms', { description: 'Single words, matched by lemma; `~word` is a weak term (a product or person), deciding only when nothing stronger is said.' }),
    phrases: t.exposeStringList('phrases', { description: 'Multi-word phrases on lemmas: `#` any number, `£` an amount of money, `...` any distance within the sentence.' }),
    excludes: t.exposeStringList('excludes', { description: 'Words or phrases that veto the theme in their sentence.' }),
    status: t.expose('status', { type: ThemeStatusEnum }),
    origin: t.expose('origin', { type: ThemeOriginEnum }),
    mergedInto: t.relation('mergedInto', { nullable: true, description: 'The theme this one was merged into.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const ThemeRun = builder.objectRef<ThemeRunRow>('ThemeRun').implement({
  description: 'A re-classification of all the organisation\'s feedback after a taxonomy edit, done in the background.',
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: ThemeRunStatusEnum }),
    processed: t.exposeInt('processed'),
    total: t.exposeInt('total', { description: 'Records when the run started.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ThemeFilter = builder.inputType('ThemeFilter', {
  fields: (t) => ({ status: t.field({ type: ThemeStatusEnum }) }),
});

const EmergingThemeType = builder.objectRef<EmergingTheme>('EmergingTheme').implement({
  description: 'A phrase customers keep using in feedback that matched no theme: a candidate for a new theme.',
  fields: (t) => ({
    phrase: t.exposeString('phrase', { description: 'Lemmas, what promoteEmergingTheme takes ("oat milk").' }),
    words: t.exposeString('words', { description: 'As one customer wrote it.' }),
    count: t.exposeInt('count', { description: 'Records in the period that said it.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
  }),
});

const themesConnection = tenantConnection({
  name: 'themes', table: themes, orderBy: { position: 'asc', id: 'asc' },
  where: (table, args: { filter?: { status?: ThemeStatus | null } | null }) => themeWhere(table, args.filter),
});

builder.queryFields((t) => ({
  themes: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'themes',
    description: 'The organisation\'s theme taxonomy, in taxonomy order. Every role may read it.',
    args: { filter: t.arg({ type: ThemeFilter }) },
    totalCount: themesConnection.totalCount,
    resolve: async (query, parent, args, ctx) => {
      // A tenant created before the taxonomy existed gets its themes on the first read.
      await tenantThemes(ctx.tenant);
      return themesConnection.resolve(query, parent, args, ctx);
    },
  }),
  themeRun: t.withAuth({ permission: 'read', tenant: true }).field({
    type: ThemeRun,
    nullable: true,
    description: 'A re-theme run by id, or the newest one.',
    args: { id: t.arg.id() },
    resolve: (_root, args, ctx) => findRun(ctx.tenant, args.id ? String(args.id) : null),
  }),
  emergingThemes: t.withAuth({ permission: 'read', tenant: true }).field({
    type: [EmergingThemeType],
    description: 'Phrases of feedback that matched no theme, said in at least `minCount` records of the period (default: the last 90 days), most frequent first.',
    args: {
      ...rangeArgs(t.arg),
      minCount: t.arg.int({ defaultValue: 3, description: 'At least 2.' }),
      first: t.arg.int({ defaultValue: 20, description: 'At most 100.' }),
    },
    resolve: (_root, args, ctx) => {
      const tenant = ctx.tenant;
      const range = resolveRange(args, ctx.now, ['emergingThemes']);
      return emergingThemes(tenant, range, Math.max(2, args.minCount ?? 3), Math.max(1, Math.min(args.first ?? 20, 100)));
    },
  }),
}));

// ---- edits ------------------------------------------------------------------------------------

interface ThemePayloadShape {
  theme: ThemeRow | null;
  merged: ThemeRow | null;
  run: ThemeRunRow | null;
  errors: UserErrorData[];
}

const ThemePayload = builder.objectRef<ThemePayloadShape>('ThemePayload').implement({
  fields: (t) => ({
    theme: t.field({ type: Theme, nullable: true, description: 'The theme as it is now (for a merge, the theme merged into).', resolve: (p) => p.theme }),
    mergedTheme: t.field({ type: Theme, nullable: true, description: 'A merge: the theme that was merged (now retired).', resolve: (p) => p.merged }),
    run: t.field({ type: ThemeRun, nullable: true, description: 'The re-theme run the edit started: existing feedback is re-classified in the background.', resolve: (p) => p.run }),
    errors: t.field({ type: [UserErrorInterface], resolve: (p) => p.errors }),
  }),
});

const EMPTY = { theme: null, merged: null, run: null };
const done = (edit: ThemeEdit & { merged?: ThemeRow }) => ({ theme: edit.theme, merged: edit.merged ?? null, run: edit.run });
const manage = (ctx: TenantContext) => ({ tenant: ctx.tenant, producer: ctx.env.THEMES_QUEUE });
const themeId = (id: string | number, field = 'id') => localIdFor('Theme', String(id), ['input', field]);

const AddThemeInput = builder.inputType('AddThemeInput', {
  fields: (t) => ({
    label: t.string({ required: true }),
    terms: t.stringList({ description: 'Single words.' }),
    phrases: t.stringList({ description: 'Phrases of two or more words.' }),
    excludes: t.stringList(),
  }),
});
const RenameThemeInput = builder.inputType('RenameThemeInput', {
  fields: (t) => ({ id: t.id({ required: true }), label: t.string({ required: true }) }),
});
const EditThemeRulesInput = builder.inputType('EditThemeRulesInput', {
  description: 'The theme\'s rules as they should be (each list replaces the stored one).',
  fields: (t) => ({
    id: t.id({ required: true }),
    terms: t.stringList({ required: true }),
    phrases: t.stringList({ required: true }),
    excludes: t.stringList({ required: true }),
  }),
});
const MergeThemesInput = builder.inputType('MergeThemesInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The theme to merge (it is retired).' }),
    intoId: t.id({ required: true, description: 'The theme that takes over its rules and feedback.' }),
  }),
});
const ThemeIdInput = builder.inputType('ThemeIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const PromoteEmergingThemeInput = builder.inputType('PromoteEmergingThemeInput', {
  fields: (t) => ({
    phrase: t.string({ required: true, description: 'The phrase as emergingThemes lists it.' }),
    label: t.string({ required: true }),
  }),
});

const MANAGE = 'Needs an admin or manager key. Starts a re-theme run.';

builder.mutationFields((t) => ({
  addTheme: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Adds a theme to the taxonomy. ${MANAGE}`,
    args: { input: t.arg({ type: AddThemeInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      return done(await addTheme(tenant, producer, parseInput(addThemeRules, input)));
    }, EMPTY),
  }),
  renameTheme: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Changes a theme's label (its key stays). ${MANAGE}`,
    args: { input: t.arg({ type: RenameThemeInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      const id = themeId(input.id);
      return done(await renameTheme(tenant, producer, id, parseInput(renameThemeRules, { label: input.label }).label));
    }, EMPTY),
  }),
  editThemeRules: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Replaces a theme's terms, phrases and excludes. ${MANAGE}`,
    args: { input: t.arg({ type: EditThemeRulesInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      const id = themeId(input.id);
      const rules = parseInput(editRulesRules, { terms: input.terms, phrases: input.phrases, excludes: input.excludes });
      return done(await editThemeRules(tenant, producer, id, rules));
    }, EMPTY),
  }),
  mergeThemes: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Merges a theme into another: the other takes its rules, it is retired, its feedback re-themed. ${MANAGE}`,
    args: { input: t.arg({ type: MergeThemesInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      return done(await mergeThemes(tenant, producer, themeId(input.id), themeId(input.intoId, 'intoId')));
    }, EMPTY),
  }),
  retireTheme: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Retires a theme: it no longer matches; its feedback is re-themed. ${MANAGE}`,
    args: { input: t.arg({ type: ThemeIdInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      return done(await retireTheme(tenant, producer, themeId(input.id)));
    }, EMPTY),
  }),
  restoreTheme: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Makes a retired (or merged) theme active again. ${MANAGE}`,
    args: { input: t.arg({ type: ThemeIdInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      return done(await restoreTheme(tenant, producer, themeId(input.id)));
    }, EMPTY),
  }),
  promoteEmergingTheme: t.withAuth({ permission: 'themes:manage', tenant: true }).field({
    type: ThemePayload, description: `Creates a theme from an emerging phrase. ${MANAGE}`,
    args: { input: t.arg({ type: PromoteEmergingThemeInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(async () => {
      const { tenant, producer } = manage(ctx);
      const values = parseInput(promoteRules, input);
      return done(await promoteEmergingTheme(tenant, producer, values.phrase, values.label));
    }, EMPTY),
  }),
}));

/**
 * The tenant's theme taxonomy: its stored themes (seeded from the default taxonomy and the tenant's
 * trade pack, then edited by managers), the text analyser that voice's writers classify with,
 * re-theme runs after an edit, and emerging themes. Every read and write goes through TenantScope;
 * nothing here knows GraphQL. Other features import this file only.
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch } from '../../db/batching.ts';
import { newId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import type { TenantTrade } from '../../db/tenants.ts';
import { conflictError, notFoundError, validationError } from '../../domain/errors.ts';
import type { DateRange } from '../../domain/periods.ts';
import { candidatePhraseCounts, feedbackCount, type TextAnalyser, type ThemeRef } from '../voice/service.ts';
import type { ThemeDefinition } from './rules/definition.ts';
import { THEME_LIMITS, themeKeyFor } from './rules/edits.ts';
import { classifyThemes, unmatchedPhrases } from './rules/matcher.ts';
import { sentimentOf } from './rules/sentiment.ts';
import { TRADE_PACKS, taxonomyFor } from './rules/taxonomy.ts';
import type { ThemesProducer } from './queue.ts';
import { themeRuns, themes, type ThemeOrigin, type ThemeStatus } from './tables.ts';

export type ThemeRow = typeof themes.$inferSelect;
export type ThemeRunRow = typeof themeRuns.$inferSelect;
export { themes, themeRuns } from './tables.ts';
/** The label cut of the sentiment score this feature computes (the API shows both). */
export { sentimentLabel, type SentimentLabel } from './rules/sentiment.ts';
export type { ThemesEnv, ThemesMessage, ThemesProducer } from './queue.ts';

const missing = 'No theme with this id exists in your organisation.';

// ---- seeding --------------------------------------------------------------------------------

/** The themes a new tenant of `trade` starts with, as rows to insert (ids are new). */
export function taxonomySeedRows(tenantId: string, trade: TenantTrade, now: Date): (typeof themes.$inferInsert)[] {
  const pack = trade === 'general' ? null : trade;
  const packKeys = new Set(pack ? TRADE_PACKS[pack].themes.map((theme) => theme.key) : []);
  return taxonomyFor(pack).map((definition, i) => ({
    id: newId('thm'),
    tenantId,
    key: definition.key,
    label: definition.label,
    terms: [...definition.terms],
    phrases: [...definition.phrases],
    excludes: [...definition.excludes],
    status: 'active' as const,
    mergedIntoId: null,
    origin: (pack && packKeys.has(definition.key) ? pack : 'default') as ThemeOrigin,
    position: i + 1,
    createdAt: now,
    updatedAt: now,
  }));
}

/**
 * Seeds the tenant's taxonomy from its trade when it has no themes yet (tenants created before the
 * taxonomy existed): one INSERT ... SELECT guarded by NOT EXISTS, so two requests seeding at once
 * write it once.
 */
async function seedIfEmpty(tenant: TenantScope): Promise<void> {
  const [row] = await tenant.rows<{ trade: TenantTrade }>(sql`SELECT trade FROM tenants WHERE id = ${tenant.tenantId}`);
  const seed = taxonomySeedRows(tenant.tenantId, row?.trade ?? 'general', tenant.now).map((theme) => ({
    ...theme, terms: JSON.stringify(theme.terms), phrases: JSON.stringify(theme.phrases), excludes: JSON.stringify(theme.excludes),
  }));
  const field = (name: string) => sql`value ->> ${name}`;
  await runBatch(tenant, [
    tenant.insertSelect(themes, {
      id: field('id'), key: field('key'), label: field('label'), terms: field('terms'), phrases: field('phrases'), excludes: field('excludes'),
      status: field('status'), mergedIntoId: null, origin: field('origin'), position: field('position'),
    }, sql`FROM json_each(${JSON.stringify(seed)}) WHERE NOT EXISTS (SELECT 1 FROM themes WHERE tenant_id = ${tenant.tenantId})`),
  ]);
}

/**
 * Every theme of the tenant (active and retired), in taxonomy order; seeds the taxonomy first when
 * the tenant has none. One statement when it exists.
 */
export async function tenantThemes(tenant: TenantScope): Promise<ThemeRow[]> {
  const read = () => tenant.select({ theme: themes }).from(themes).orderBy(asc(themes.position), asc(themes.id));
  let rows = await read();
  if (rows.length === 0) {
    await seedIfEmpty(tenant);
    rows = await read();
  }
  return rows.map((row) => row.theme);
}

// ---- classification ---------------------------------------------------------------------------

const definitionOf = (row: ThemeRow): ThemeDefinition => ({ key: row.key, label: row.label, terms: row.terms, phrases: row.phrases, excludes: row.excludes });

/** The analyser for a taxonomy: its active themes classify; retired ones never match. */
export function analyserFor(rows: readonly Pick<ThemeRow, 'id' | 'key' | 'label' | 'terms' | 'phrases' | 'excludes' | 'status'>[]): TextAnalyser {
  const active = rows.filter((row) => row.status === 'active');
  // One array for the analyser's life: the matcher compiles the rules once per array.
  const definitions = active.map((row) => definitionOf(row as ThemeRow));
  const byKey = new Map<string, ThemeRef>(active.map((row) => [row.key, { id: row.id, key: row.key, label: row.label }]));
  return {
    themesOf(text) {
      const { primary, secondary } = classifyThemes(text, definitions);
      return [primary, secondary].flatMap((match) => {
        const theme = match ? byKey.get(match.key) : undefined;
        return theme && match ? [match.learnedOnly ? { ...theme, learnedOnly: true } : theme] : [];
      });
    },
    unmatchedPhrases: (text, ignore) => unmatchedPhrases(text, definitions, { ignore }),
    sentimentOf: (text, told) => sentimentOf({ text, ...told }),
  };
}

/** The analyser of the tenant's active taxonomy: one read per request or batch (imports classify in memory). */
export async function textAnalyser(tenant: TenantScope): Promise<TextAnalyser> {
  return analyserFor(await tenantThemes(tenant));
}

// ---- the taxonomy's filter --------------------------------------------------------------------

export function themeWhere(table: typeof themes, filter: { status?: ThemeStatus | null } | null | undefined): SQL | undefined {
  return filter?.status ? eq(table.status, filter.status) : undefined;
}

// ---- edits ------------------------------------------------------------------------------------

export interface ThemeEdit {
  theme: ThemeRow;
  run: ThemeRunRow;
}

async function findTheme(tenant: TenantScope, id: string, path: string[]): Promise<ThemeRow> {
  const theme = await tenant.db.query.themes.findFirst({ where: { id } });
  if (!theme) throw notFoundError(path, missing);
  return theme;
}

function assertLabelFree(all: readonly ThemeRow[], label: string, except: string | null) {
  const clash = all.find((theme) => theme.id !== except && theme.label.toLowerCase() === label.toLowerCase());
  if (clash) {
    throw conflictError(['input', 'label'], `The theme "${clash.label}" (${clash.status}) already has this label; choose another${clash.status === 'retired' ? ' or restore it' : ''}.`);
  }
}

/** Rows per re-theme page: one page is one read and one batch of about five writes. */
export const RETHEME_PAGE = 200;

/**
 * Starts a re-theme run of all the tenant's feedback (superseding a run still going: the newest
 * taxonomy wins) and returns the statements that record it, to run in the edit's batch.
 */
async function newRun(tenant: TenantScope, reason: string): Promise<{ run: ThemeRunRow; writes: BatchItem<'sqlite'>[] }> {
  const total = await feedbackCount(tenant);
  const now = tenant.now;
  const run: ThemeRunRow = {
    id: newId('trun'), tenantId: tenant.tenantId, reason, status: total === 0 ? 'done' : 'running', total, processed: 0, cursor: null,
    finishedAt: total === 0 ? now : null, createdAt: now, updatedAt: now,
  };
  return {
    run,
    writes: [
      tenant.updateWhere(themeRuns, { status: 'superseded', finishedAt: now }, sql`${themeRuns.status} = 'running'`),
      tenant.insert(themeRuns, run),
    ],
  };
}

async function enqueueRun(producer: ThemesProducer, run: ThemeRunRow): Promise<void> {
  if (run.status === 'running') await producer.send({ type: 'retheme', tenantId: run.tenantId, runId: run.id, afterId: null });
}

/** Writes `writes` and the new run in one batch, then enqueues the run's first page. */
async function commitEdit(tenant: TenantScope, producer: ThemesProducer, id: string, reason: string, writes: BatchItem<'sqlite'>[]): Promise<ThemeEdit> {
  const { run, writes: runWrites } = await newRun(tenant, reason);
  await runBatch(tenant, [...writes, ...runWrites]);
  await enqueueRun(producer, run);
  return { theme: await findTheme(tenant, id, ['input', 'id']), run };
}

export interface NewTheme {
  label: string;
  terms: string[];
  phrases: string[];
  excludes: string[];
}

export async function addTheme(tenant: TenantScope, producer: ThemesProducer, values: NewTheme, origin: ThemeOrigin = 'custom'): Promise<ThemeEdit> {
  const all = await tenantThemes(tenant);
  if (all.length >= THEME_LIMITS.themes) throw validationError(['input'], `A taxonomy has at most ${THEME_LIMITS.themes} themes; merge or retire some first.`);
  assertLabelFree(all, values.label, null);
  const key = themeKeyFor(values.label, new Set(all.map((theme) => theme.key)));
  const id = newId('thm');
  const position = Math.max(0, ...all.map((theme) => theme.position)) + 1;
  const insert = tenant.insert(themes, { id, key, label: values.label, terms: values.terms, phrases: values.phrases, excludes: values.excludes, status: 'active', mergedIntoId: null, origin, position });
  return commitEdit(tenant, producer, id, `add ${key}`, [insert]);
}

export async function renameTheme(tenant: TenantScope, producer: ThemesProducer, id: string, label: string): Promise<ThemeEdit> {
  const theme = await findTheme(tenant, id, ['input', 'id']);
  assertLabelFree(await tenantThemes(tenant), label, theme.id);
  // Trends show the current label at once; the run rewrites the labels stored on the records.
  return commitEdit(tenant, producer, id, `rename ${theme.key}`, [tenant.updateById(themes, id, { label })]);
}

export async function editThemeRules(tenant: TenantScope, producer: ThemesProducer, id: string, rules: Omit<NewTheme, 'label'>): Promise<ThemeEdit> {
  const theme = await findTheme(tenant, id, ['input', 'id']);
  return commitEdit(tenant, producer, id, `edit rules of ${theme.key}`, [tenant.updateById(themes, id, rules)]);
}

export async function retireTheme(tenant: TenantScope, producer: ThemesProducer, id: string): Promise<ThemeEdit> {
  const theme = await findTheme(tenant, id, ['input', 'id']);
  if (theme.status === 'retired') throw conflictError(['input', 'id'], `"${theme.label}" is already retired.`);
  return commitEdit(tenant, producer, id, `retire ${theme.key}`, [tenant.updateById(themes, id, { status: 'retired' })]);
}

export async function restoreTheme(tenant: TenantScope, producer: ThemesProducer, id: string): Promise<ThemeEdit> {
  const theme = await findTheme(tenant, id, ['input', 'id']);
  if (theme.status === 'active') throw conflictError(['input', 'id'], `"${theme.label}" is active already.`);
  return commitEdit(tenant, producer, id, `restore ${theme.key}`, [tenant.updateById(themes, id, { status: 'active', mergedIntoId: null })]);
}

/**
 * Merges theme `id` into `intoId`: the target takes the source's terms, phrases and excludes (so
 * what the source matched now matches the target), the source is retired with mergedInto, and the
 * run re-themes the source's feedback. Returns the target.
 */
export async function mergeThemes(tenant: TenantScope, producer: ThemesProducer, id: string, intoId: string): Promise<ThemeEdit & { merged: ThemeRow }> {
  const [source, target] = await Promise.all([findTheme(tenant, id, ['input', 'id']), findTheme(tenant, intoId, ['input', 'intoId'])]);
  if (source.id === target.id) throw validationError(['input', 'intoId'], 'A theme cannot be merged into itself; choose another theme.');
  if (source.status === 'retired') throw conflictError(['input', 'id'], `"${source.label}" is retired already; restore it first to merge it.`);
  if (target.status === 'retired') throw validationError(['input', 'intoId'], `"${target.label}" is retired; merge into an active theme.`);
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const edit = await commitEdit(tenant, producer, target.id, `merge ${source.key} into ${target.key}`, [
    tenant.updateById(themes, target.id, {
      terms: union(target.terms, source.terms), phrases: union(target.phrases, source.phrases), excludes: union(target.excludes, source.excludes),
    }),
    tenant.updateById(themes, source.id, { status: 'retired', mergedIntoId: target.id }),
  ]);
  return { ...edit, merged: await findTheme(tenant, source.id, ['input', 'id']) };
}

// ---- runs ------------------------------------------------------------------------------------

/** A run by id, or the tenant's newest when `id` is null. */
export async function findRun(tenant: TenantScope, id: string | null): Promise<ThemeRunRow | null> {
  const [row] = await tenant
    .select({ run: themeRuns })
    .from(themeRuns, id ? eq(themeRuns.id, id) : undefined)
    .orderBy(sql`${themeRuns.createdAt} DESC`, sql`${themeRuns.id} DESC`)
    .limit(1);
  return row?.run ?? null;
}

// ---- emerging themes -------------------------------------------------------------------------

export interface EmergingTheme {
  phrase: string;
  words: string;
  count: number;
  lastSeenAt: Date;
}

/**
 * Phrases of feedback that matched no theme, said in at least `minCount` records of the period,
 * most frequent first. A phrase that is already a term or phrase of an active theme is left out
 * (its records are re-themed by the run that added it).
 */
export async function emergingThemes(tenant: TenantScope, range: DateRange, minCount: number, limit: number): Promise<EmergingTheme[]> {
  const [counts, all] = await Promise.all([candidatePhraseCounts(tenant, range, minCount, limit * 2), tenantThemes(tenant)]);
  const covered = new Set(all.filter((theme) => theme.status === 'active').flatMap((theme) => [...theme.terms, ...theme.phrases]));
  const open = counts.filter((count) => !covered.has(count.phrase) && !covered.has(count.words));
  // "oat" said exactly where "oat flapjack" is adds nothing: keep the longer phrase.
  const within = (short: string, long: string) => short !== long && ` ${long} `.includes(` ${short} `);
  return open.filter((count) => !open.some((other) => within(count.phrase, other.phrase) && other.count >= count.count)).slice(0, limit);
}

/** Creates a theme from an emerging phrase (a phrase of several words, or a term), then re-themes. */
export async function promoteEmergingTheme(tenant: TenantScope, producer: ThemesProducer, phrase: string, label: string): Promise<ThemeEdit> {
  const rule = phrase.trim().toLowerCase();
  const oneWord = !/\s/.test(rule);
  return addTheme(tenant, producer, { label, terms: oneWord ? [rule] : [], phrases: oneWord ? [] : [rule], excludes: [] }, 'emerging');
}


/**
 * The tenant's stored taxonomy through the API (issue 12): seeded per trade, read in a fixed number
 * of statements, edited by managers with clear errors, never across tenants; records classified
 * with it; edits re-theme existing feedback through the bounded background job.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';
import type { Env } from '../../worker/env.ts';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { createTenant, data, gql, localId, TEST_NOW, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';
import { handleRethemeMessage, resumeStalledRuns } from './jobs.ts';
import type { ThemesMessage, ThemesProducer } from './queue.ts';
import { renameTheme } from './service.ts';

type ThemeNode = { id: string; key: string; label: string; status: 'ACTIVE' | 'RETIRED'; origin: string; terms: string[]; phrases: string[]; mergedInto: { key: string } | null };
type UserError = { code: UserErrorCode; path: string[]; message: string };
type Run = { id: string; status: 'RUNNING' | 'DONE' | 'SUPERSEDED'; processed: number; total: number };
type Payload = { theme: ThemeNode | null; mergedTheme: ThemeNode | null; run: Run | null; errors: UserError[] };

const THEME_FIELDS = 'id key label status origin terms phrases mergedInto { key }';
const THEMES = `query($f: ThemeFilter) { themes(first: 100, filter: $f) { totalCount edges { node { ${THEME_FIELDS} } } } }`;
const PAYLOAD = `theme { ${THEME_FIELDS} } mergedTheme { ${THEME_FIELDS} } run { id status processed total } errors { code path message }`;
const IMPORT = 'mutation($input: ImportComplaintRecordsInput!) { importComplaintRecords(input: $input) { importedCount errors { message } } }';
const TRENDS = '{ complaintTrends(granularity: MONTH, themesPerPeriod: 50) { theme themeKey count } }';
const FEEDBACK = 'query($f: FeedbackFilter) { feedback(first: 100, filter: $f) { totalCount edges { node { body themes primaryTheme { key label } } } } }';

async function themesOf(key: string, filter: Record<string, unknown> = {}): Promise<ThemeNode[]> {
  return (await data<{ themes: { edges: { node: ThemeNode }[] } }>(key, THEMES, { f: filter })).themes.edges.map((edge) => edge.node);
}
const byKey = async (tenant: TestTenant, key: string) => (await themesOf(tenant.reader)).find((theme) => theme.key === key)!;

async function mutate(key: string, name: string, inputType: string, input: Record<string, unknown>): Promise<Payload> {
  const result = await data<Record<string, Payload>>(key, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${PAYLOAD} } }`, { input });
  return result[name]!;
}

const received = new Date(TEST_NOW.getTime() - 3 * 86_400_000).toISOString();
async function importTexts(tenant: TestTenant, prefix: string, bodies: string[]) {
  const records = bodies.map((body, i) => ({ externalRef: `${prefix}-${i}`, body, receivedAt: received }));
  const result = await data<{ importComplaintRecords: { importedCount: number } }>(tenant.admin, IMPORT, { input: { records } });
  expect(result.importComplaintRecords.importedCount).toBe(bodies.length);
}
async function feedbackOf(tenant: TestTenant, filter: Record<string, unknown> = {}) {
  return (await data<{ feedback: { totalCount: number; edges: { node: { body: string; themes: string[]; primaryTheme: { key: string; label: string } | null } }[] } }>(tenant.reader, FEEDBACK, { f: filter })).feedback;
}

/** Waits for the tenant's newest run to finish: the local queue delivers on its own schedule. */
async function runFinished(tenant: TestTenant): Promise<Run> {
  for (let i = 0; i < 100; i++) {
    const run = (await data<{ themeRun: Run | null }>(tenant.reader, '{ themeRun { id status processed total } }')).themeRun;
    if (run && run.status !== 'RUNNING') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the re-theme run did not finish in 20 s');
}

class RecordingProducer implements ThemesProducer {
  sent: ThemesMessage[] = [];
  async send(message: ThemesMessage): Promise<void> {
    this.sent.push(message);
  }
}

describe('a tenant\'s taxonomy', () => {
  it('is seeded from its trade when it is created', async () => {
    const cafe = await createTenant(undefined, 'CAFE');
    const general = await createTenant();
    const cafeThemes = await themesOf(cafe.reader);
    expect(cafeThemes.map((theme) => theme.key)).toContain('food-drink-quality');
    expect(cafeThemes.find((theme) => theme.key === 'food-drink-quality')!.origin).toBe('CAFE');
    expect(cafeThemes.find((theme) => theme.key === 'waiting-time')).toMatchObject({ label: 'Waiting time', status: 'ACTIVE', origin: 'DEFAULT' });
    expect((await themesOf(general.reader)).map((theme) => theme.key)).not.toContain('food-drink-quality');
  });

  it('is seeded on the first read for a tenant that has none (tenants older than the taxonomy)', async () => {
    const old = await createTenant(undefined, 'APPLIANCES');
    await env.DB.prepare('DELETE FROM themes WHERE tenant_id = ?').bind(localId(old.id)).run();
    const themes = await themesOf(old.reader);
    expect(themes.map((theme) => theme.key)).toEqual(expect.arrayContaining(['waiting-time', 'installation', 'repairs-warranty']));
    // Read again: the same themes, not a second copy.
    expect((await themesOf(old.reader)).length).toBe(themes.length);
  });

  it('is listed in a fixed number of statements, filtered by status', async () => {
    const tenant = await createTenant();
    const result = await gql<{ themes: { totalCount: number; edges: { node: ThemeNode }[] } }>(tenant.reader, THEMES, { f: {} });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.themes.totalCount).toBe(result.body.data!.themes.edges.length);
    // authentication, the seed check, the page (with mergedInto), the count
    expect(result.statements).toBeLessThanOrEqual(5);
    expect(await themesOf(tenant.reader, { status: 'RETIRED' })).toEqual([]);
  });

  it('classifies new records: one primary theme, the labels on the record', async () => {
    const tenant = await createTenant(undefined, 'CAFE');
    await importTexts(tenant, 'N', ['Waited 25 minutes for a flat white', 'The queue took ages', 'My latte was stone cold', 'Ana remembered my name, lovely']);
    const { edges } = await feedbackOf(tenant);
    const of = (body: string) => edges.find((edge) => edge.node.body === body)!.node;
    expect(of('Waited 25 minutes for a flat white').primaryTheme).toEqual({ key: 'waiting-time', label: 'Waiting time' });
    expect(of('The queue took ages').primaryTheme).toEqual({ key: 'waiting-time', label: 'Waiting time' });
    expect(of('My latte was stone cold')).toMatchObject({ themes: ['Food and drink quality'], primaryTheme: { key: 'food-drink-quality' } });
    // Names, numbers and filler are never themes.
    expect(edges.flatMap((edge) => edge.node.themes).some((label) => /ana|25|minutes/i.test(label))).toBe(false);
  });
});

describe('editing the taxonomy', () => {
  it('validates input with errors that say what to fix, and writes nothing', async () => {
    const tenant = await createTenant();
    const before = (await themesOf(tenant.reader)).length;
    const cases: [Record<string, unknown>, Partial<UserError>][] = [
      [{ label: '', terms: ['oat'] }, { code: 'VALIDATION', path: ['input', 'label'] }],
      [{ label: 'x'.repeat(61), terms: ['oat'] }, { code: 'VALIDATION', path: ['input', 'label'], message: 'Labels are at most 60 characters.' }],
      [{ label: 'Oat milk' }, { code: 'VALIDATION', path: ['input', 'terms'], message: 'A theme needs at least one term or phrase, or it can never match.' }],
      [{ label: 'Oat milk', terms: ['oat', 'OAT '] }, { code: 'VALIDATION', path: ['input', 'terms'], message: 'The terms list has "oat" twice; keep one.' }],
      [{ label: 'Oat milk', phrases: ['  '] }, { code: 'VALIDATION', path: ['input', 'phrases', '0'] }],
      [{ label: 'waiting TIME', terms: ['oat'] }, { code: 'CONFLICT', path: ['input', 'label'] }],
    ];
    for (const [input, expected] of cases) {
      const payload = await mutate(tenant.manager, 'addTheme', 'AddThemeInput', input);
      expect(payload.theme).toBeNull();
      expect(payload.errors).toEqual([expect.objectContaining(expected)]);
    }
    expect((await themesOf(tenant.reader)).length).toBe(before);
    const waiting = await byKey(tenant, 'waiting-time');
    expect((await mutate(tenant.manager, 'editThemeRules', 'EditThemeRulesInput', { id: waiting.id, terms: [], phrases: [], excludes: [] })).errors)
      .toEqual([expect.objectContaining({ code: 'VALIDATION', path: ['input', 'terms'] })]);
    expect((await mutate(tenant.manager, 'mergeThemes', 'MergeThemesInput', { id: waiting.id, intoId: waiting.id })).errors)
      .toEqual([expect.objectContaining({ code: 'VALIDATION', path: ['input', 'intoId'] })]);
  });

  it('needs an admin or manager', async () => {
    const tenant = await createTenant();
    const result = await gql(tenant.reader, `mutation { addTheme(input: { label: "Oat milk", terms: ["oat"] }) { errors { code } } }`);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never reaches another tenant: its ids are NOT_FOUND, its edits change nothing here', async () => {
    const mine = await createTenant(undefined, 'CAFE');
    const theirs = await createTenant(undefined, 'CAFE');
    const theirWaiting = await byKey(theirs, 'waiting-time');
    const myWaiting = await byKey(mine, 'waiting-time');
    for (const [name, type, input] of [
      ['renameTheme', 'RenameThemeInput', { id: theirWaiting.id, label: 'Queues' }],
      ['retireTheme', 'ThemeIdInput', { id: theirWaiting.id }],
      ['editThemeRules', 'EditThemeRulesInput', { id: theirWaiting.id, terms: ['x'], phrases: [], excludes: [] }],
      ['mergeThemes', 'MergeThemesInput', { id: myWaiting.id, intoId: theirWaiting.id }],
    ] as const) {
      const payload = await mutate(mine.manager, name, type, input);
      expect(payload.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', message: 'No theme with this id exists in your organisation.' })]);
    }
    const node = await data<{ node: unknown }>(mine.reader, 'query($id: ID!) { node(id: $id) { id } }', { id: theirWaiting.id });
    expect(node.node).toBeNull();
    // A filter by their theme's id finds nothing here.
    await importTexts(mine, 'X', ['The queue took ages']);
    expect((await feedbackOf(mine, { theme: theirWaiting.id })).totalCount).toBe(0);
    expect((await feedbackOf(mine, { theme: myWaiting.id })).totalCount).toBe(1);

    // They retire "waiting time" and add an "Queue" theme: my classification and trends do not change.
    await mutate(theirs.manager, 'retireTheme', 'ThemeIdInput', { id: (await byKey(theirs, 'waiting-time')).id });
    await mutate(theirs.manager, 'addTheme', 'AddThemeInput', { label: 'Queue', terms: ['queue'] });
    await importTexts(mine, 'Y', ['The queue took ages again']);
    const trends = (await data<{ complaintTrends: { themeKey: string; theme: string; count: number }[] }>(mine.reader, TRENDS)).complaintTrends;
    expect(trends).toEqual([{ themeKey: 'waiting-time', theme: 'Waiting time', count: 2 }]);
    await runFinished(theirs);
  });
});

describe('re-theming after an edit', () => {
  it('rename: trends show the new label at once, the job rewrites the labels on the records', async () => {
    const tenant = await createTenant(undefined, 'CAFE');
    await importTexts(tenant, 'R', ['The queue took ages', 'Waited 20 minutes', 'My latte was cold']);
    const waiting = await byKey(tenant, 'waiting-time');
    const renamed = await mutate(tenant.manager, 'renameTheme', 'RenameThemeInput', { id: waiting.id, label: 'Queues and waits' });
    expect(renamed.errors).toEqual([]);
    expect(renamed.theme).toMatchObject({ key: 'waiting-time', label: 'Queues and waits' });
    expect(renamed.run).toMatchObject({ status: 'RUNNING', total: 3 });
    const trends = (await data<{ complaintTrends: { themeKey: string; theme: string; count: number }[] }>(tenant.reader, TRENDS)).complaintTrends;
    expect(trends).toContainEqual({ themeKey: 'waiting-time', theme: 'Queues and waits', count: 2 });
    expect(await runFinished(tenant)).toMatchObject({ status: 'DONE', processed: 3, total: 3 });
    const { edges } = await feedbackOf(tenant, { theme: 'waiting-time' });
    expect(edges.map((edge) => edge.node.themes)).toEqual([['Queues and waits'], ['Queues and waits']]);
  });

  it('merge: the merged theme is retired with mergedInto, its feedback moves to the other theme', async () => {
    const tenant = await createTenant();
    await importTexts(tenant, 'M', ['The app keeps crashing', 'The website would not load', 'Far too expensive for what it is']);
    const digital = await byKey(tenant, 'digital-channels');
    const price = await byKey(tenant, 'price-value');
    const merged = await mutate(tenant.manager, 'mergeThemes', 'MergeThemesInput', { id: digital.id, intoId: price.id });
    expect(merged.errors).toEqual([]);
    expect(merged.mergedTheme).toMatchObject({ key: 'digital-channels', status: 'RETIRED', mergedInto: { key: 'price-value' } });
    expect(merged.theme!.terms).toEqual(expect.arrayContaining(digital.terms));
    expect(await runFinished(tenant)).toMatchObject({ status: 'DONE', processed: 3 });
    expect((await feedbackOf(tenant, { theme: 'price-value' })).totalCount).toBe(3);
    expect((await feedbackOf(tenant, { theme: 'digital-channels' })).totalCount).toBe(0);
    const trends = (await data<{ complaintTrends: { themeKey: string; count: number }[] }>(tenant.reader, TRENDS)).complaintTrends;
    expect(trends.map((trend) => [trend.themeKey, trend.count])).toEqual([['price-value', 3]]);
    expect((await themesOf(tenant.reader, { status: 'RETIRED' })).map((theme) => theme.key)).toEqual(['digital-channels']);
  });

  it('retire and restore: a retired theme matches nothing; restored, it matches again', async () => {
    const tenant = await createTenant();
    await importTexts(tenant, 'T', ['The floor was filthy']);
    const cleanliness = await byKey(tenant, 'cleanliness');
    expect((await mutate(tenant.manager, 'retireTheme', 'ThemeIdInput', { id: cleanliness.id })).theme).toMatchObject({ status: 'RETIRED' });
    await runFinished(tenant);
    expect((await feedbackOf(tenant)).edges[0]!.node).toMatchObject({ themes: [], primaryTheme: null });
    expect((await mutate(tenant.manager, 'retireTheme', 'ThemeIdInput', { id: cleanliness.id })).errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect((await mutate(tenant.manager, 'restoreTheme', 'ThemeIdInput', { id: cleanliness.id })).theme).toMatchObject({ status: 'ACTIVE' });
    await runFinished(tenant);
    expect((await feedbackOf(tenant)).edges[0]!.node).toMatchObject({ themes: ['Cleanliness'], primaryTheme: { key: 'cleanliness' } });
  });

  it('the job works in bounded pages and is idempotent under redelivery', async () => {
    const tenant = await createTenant();
    await importTexts(tenant, 'P', Array.from({ length: 7 }, (_, i) => `The queue took ages (${i})`));
    const scope = new TenantScope(createDatabase(env.DB), localId(tenant.id), TEST_NOW);
    const producer = new RecordingProducer();
    const waiting = await byKey(tenant, 'waiting-time');
    const { run } = await renameTheme(scope, producer, localId(waiting.id), 'Queueing');
    expect(producer.sent).toEqual([{ type: 'retheme', tenantId: localId(tenant.id), runId: run.id, afterId: null }]);

    const first = producer.sent.shift()!;
    expect(await handleRethemeMessage(scope, producer, first, 3)).toBe('processed');
    // Redelivered: its page is done, nothing changes, nothing more is sent.
    expect(await handleRethemeMessage(scope, producer, first, 3)).toBe('skipped');
    expect(producer.sent).toHaveLength(1);
    const second = producer.sent.shift()!;
    // A message for a later page than the cursor (its predecessor not yet written) waits.
    expect(await handleRethemeMessage(scope, producer, { ...second, afterId: `${second.afterId}~` }, 3)).toBe('early');
    expect(await handleRethemeMessage(scope, producer, second, 3)).toBe('processed');
    expect(await handleRethemeMessage(scope, producer, producer.sent.shift()!, 3)).toBe('finished');
    expect(producer.sent).toEqual([]);
    const stored = await env.DB.prepare('SELECT status, processed, total FROM theme_runs WHERE id = ?').bind(run.id).first();
    expect(stored).toEqual({ status: 'done', processed: 7, total: 7 });
    const labels = await env.DB.prepare("SELECT DISTINCT label FROM feedback_themes WHERE tenant_id = ?").bind(localId(tenant.id)).all();
    expect(labels.results).toEqual([{ label: 'Queueing' }]);
  });

  it('a run whose messages were lost (dead-lettered) is resumed by the hourly cron from its cursor', async () => {
    const tenant = await createTenant();
    await importTexts(tenant, 'S', Array.from({ length: 5 }, (_, i) => `The queue took ages (${i})`));
    const scope = new TenantScope(createDatabase(env.DB), localId(tenant.id), TEST_NOW);
    const producer = new RecordingProducer();
    const waiting = await byKey(tenant, 'waiting-time');
    const { run } = await renameTheme(scope, producer, localId(waiting.id), 'Queueing');
    expect(await handleRethemeMessage(scope, producer, producer.sent.shift()!, 2)).toBe('processed');
    const next = producer.sent.shift()!; // lost: never delivered
    const hour = 3_600_000;
    // Not yet stalled: touched within the hour.
    expect((await resumeStalledRuns(createDatabase(env.DB), producer, new Date(TEST_NOW.getTime() + hour - 1))).filter((m) => m.runId === run.id)).toEqual([]);
    const resumed = (await resumeStalledRuns(createDatabase(env.DB), producer, new Date(TEST_NOW.getTime() + hour + 1))).filter((m) => m.runId === run.id);
    expect(resumed).toEqual([next]);
    expect(producer.sent.filter((m) => m.runId === run.id)).toEqual([next]);
    while (producer.sent.length > 0) await handleRethemeMessage(scope, producer, producer.sent.shift()!, 2);
    const stored = await env.DB.prepare('SELECT status, processed FROM theme_runs WHERE id = ?').bind(run.id).first();
    expect(stored).toEqual({ status: 'done', processed: 5 });
    // The Worker's hourly cron does the same sweep (here with a run stalled again on purpose).
    await env.DB.prepare("UPDATE theme_runs SET status = 'running', updated_at = ? WHERE id = ?").bind(TEST_NOW.getTime() - 2 * hour, run.id).run();
    const cronProducer = new RecordingProducer();
    await worker.scheduled({ scheduledTime: TEST_NOW.getTime(), cron: '0 * * * *', noRetry: () => undefined }, { ...env, THEMES_QUEUE: cronProducer } as unknown as Env);
    expect(cronProducer.sent.filter((m) => m.runId === run.id)).toHaveLength(1);
    await env.DB.prepare("UPDATE theme_runs SET status = 'done' WHERE id = ?").bind(run.id).run();
    // A finished run is never resumed.
    expect((await resumeStalledRuns(createDatabase(env.DB), producer, new Date(TEST_NOW.getTime() + 10 * hour))).filter((m) => m.runId === run.id)).toEqual([]);
  });

  it('the Worker\'s queue handler routes the "themes" queue to the job and acks done pages', async () => {
    const tenant = await createTenant();
    await importTexts(tenant, 'Q', ['The queue took ages', 'The floor was filthy']);
    const scope = new TenantScope(createDatabase(env.DB), localId(tenant.id), TEST_NOW);
    const producer = new RecordingProducer();
    const { run } = await renameTheme(scope, producer, localId((await byKey(tenant, 'waiting-time')).id), 'Queues');
    const deliver = async (body: ThemesMessage) => {
      const batch = createMessageBatch<ThemesMessage>('themes', [{ id: `m-${crypto.randomUUID()}`, timestamp: TEST_NOW, attempts: 1, body }]);
      const ctx = createExecutionContext();
      await worker.queue(batch, { ...env, THEMES_QUEUE: producer } as unknown as Env);
      return getQueueResult(batch, ctx);
    };
    const first = producer.sent.shift()!;
    expect(await deliver(first)).toMatchObject({ explicitAcks: [expect.any(String)], retryMessages: [] });
    expect(await env.DB.prepare('SELECT status, processed FROM theme_runs WHERE id = ?').bind(run.id).first()).toEqual({ status: 'done', processed: 2 });
    // Redelivered after it finished: acked, nothing changes.
    expect(await deliver(first)).toMatchObject({ explicitAcks: [expect.any(String)], retryMessages: [] });
    expect(await env.DB.prepare('SELECT processed FROM theme_runs WHERE id = ?').bind(run.id).first()).toEqual({ processed: 2 });
  });

  it('a page is one read and one batch, whatever its size', async () => {
    const tenant = await createTenant();
    await importTexts(tenant, 'S', Array.from({ length: 60 }, (_, i) => (i % 2 ? `The queue took ages (${i})` : `Where has the oat flapjack gone? ${i}`)));
    let statements = 0;
    const db = createDatabase(env.DB, { onStatement: () => void statements++ });
    const scope = new TenantScope(db, localId(tenant.id), TEST_NOW);
    const producer = new RecordingProducer();
    await renameTheme(scope, producer, localId((await byKey(tenant, 'waiting-time')).id), 'Queues');
    statements = 0;
    expect(await handleRethemeMessage(scope, producer, producer.sent.shift()!, 200)).toBe('finished');
    // run, taxonomy, page, then one batch of: update, 2 deletes, 2 inserts, progress
    expect(statements).toBeLessThanOrEqual(9);
  });
});

describe('emerging themes', () => {
  it('lists frequent phrases of unthemed feedback, and a promoted phrase becomes a theme', async () => {
    const tenant = await createTenant(undefined, 'CAFE');
    await importTexts(tenant, 'E', [
      'Any chance of an oat flapjack?',
      'Where has the oat flapjack gone?',
      'We want the oat flapjack on the menu',
      'The queue took ages',
      'Parking outside is impossible',
    ]);
    const emerging = (await data<{ emergingThemes: { phrase: string; words: string; count: number }[] }>(tenant.reader, '{ emergingThemes(minCount: 3) { phrase words count } }')).emergingThemes;
    expect(emerging).toContainEqual(expect.objectContaining({ phrase: 'oat flapjack', count: 3 }));
    expect(emerging.every((candidate) => candidate.count >= 3)).toBe(true);
    expect(emerging.map((candidate) => candidate.phrase)).not.toContain('park');
    // "oat" and "flapjack" alone are said exactly where "oat flapjack" is: only the phrase is listed.
    expect(emerging.map((candidate) => candidate.phrase)).not.toContain('flapjack');

    const promoted = await mutate(tenant.manager, 'promoteEmergingTheme', 'PromoteEmergingThemeInput', { phrase: 'oat flapjack', label: 'Oat flapjacks' });
    expect(promoted.errors).toEqual([]);
    expect(promoted.theme).toMatchObject({ key: 'oat-flapjacks', label: 'Oat flapjacks', origin: 'EMERGING', phrases: ['oat flapjack'], status: 'ACTIVE' });
    await runFinished(tenant);
    expect((await feedbackOf(tenant, { theme: 'oat-flapjacks' })).totalCount).toBe(3);
    const after = (await data<{ emergingThemes: { phrase: string }[] }>(tenant.reader, '{ emergingThemes(minCount: 2) { phrase } }')).emergingThemes;
    expect(after.map((candidate) => candidate.phrase)).not.toContain('oat flapjack');
  });
});

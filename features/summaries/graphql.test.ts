/** The summaries' GraphQL API: admin only, previews that send nothing, outbox retries, tenant isolation. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, localId, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';
import { createTemplate, logCall } from '../../test/voice-helpers.ts';
import { memoryMailbox } from './mailer/memory.ts';
import { deliver, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
let a: TestTenant;
let b: TestTenant;
let ana: string;
let anaEmail: string;
let bEmployee: string;
const PRAISE = 'Ana talked me through the warranty with real patience.';

const SETTINGS = `mutation($input: UpdateSummarySettingsInput!) { updateSummarySettings(input: $input) {
  settings { enabled timeZone weekday hour senderName senderAddress levels skipEmpty } errors { code path message } } }`;
type SettingsResult = { updateSummarySettings: { settings: { enabled: boolean; timeZone: string; weekday: number; hour: number; senderName: string; senderAddress: string; levels: ('EMPLOYEE' | 'TEAM' | 'TENANT')[]; skipEmpty: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const settingsInput = (extra: Record<string, unknown> = {}) => ({
  enabled: true, timeZone: 'Europe/Lisbon', weekday: 1, hour: 8, senderName: 'Acme', senderAddress: 'Summaries@Acme.example', levels: ['EMPLOYEE', 'TENANT'], ...extra,
});
const PREVIEW = `query($level: SummaryLevel!, $subject: ID, $period: String!) { previewSummary(level: $level, subjectId: $subject, periodKey: $period) {
  level periodKey periodStart empty items { section text quote figure { name value previous } sourceIds sourceCount } } }`;
interface PreviewData {
  level: string;
  periodKey: string;
  periodStart: string;
  empty: boolean;
  items: { section: string; text: string; quote: string | null; figure: { name: string; value: number; previous: number | null } | null; sourceIds: string[]; sourceCount: number }[];
}
const rows = <T>(query: string, ...binds: unknown[]) => env.DB.prepare(query).bind(...binds).all<T>().then((result) => result.results);

beforeAll(async () => {
  a = await createTenant();
  b = await createTenant();
  anaEmail = `ana.${crypto.randomUUID().slice(0, 8)}@example.com`;
  ana = await createEmployee(a.admin, { name: 'Ana Alves', email: anaEmail });
  bEmployee = await createEmployee(b.admin, { name: 'Bea Other' });
  const template = await createTemplate(a.admin);
  await logCall(a.admin, { template, callerId: ana, calledAt: '2026-11-04T12:00:00Z', satisfaction: 4, mentions: [{ employeeId: ana, kind: 'PRAISE', quote: PRAISE }] });
});

describe('summary settings', () => {
  it('admins set them; bad values are typed errors that say what to fix', async () => {
    const saved = await data<SettingsResult>(a.admin, SETTINGS, { input: settingsInput() });
    expect(saved.updateSummarySettings).toEqual({
      settings: { enabled: true, timeZone: 'Europe/Lisbon', weekday: 1, hour: 8, senderName: 'Acme', senderAddress: 'summaries@acme.example', levels: ['EMPLOYEE', 'TENANT'], skipEmpty: true },
      errors: [],
    });
    const bad = await data<SettingsResult>(a.admin, SETTINGS, { input: settingsInput({ timeZone: 'Mars/Olympus', hour: 24, levels: [] }) });
    expect(bad.updateSummarySettings.settings).toBeNull();
    expect(bad.updateSummarySettings.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual(['input.hour', 'input.levels']);
    const zone = await data<SettingsResult>(a.admin, SETTINGS, { input: settingsInput({ timeZone: 'Mars/Olympus' }) });
    expect(zone.updateSummarySettings.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'timeZone'], message: expect.stringContaining('IANA') }]);
    expect((await data<{ summarySettings: { timeZone: string } | null }>(a.admin, '{ summarySettings { timeZone } }')).summarySettings).toEqual({ timeZone: 'Europe/Lisbon' });
    expect((await data<{ summarySettings: { timeZone: string } | null }>(b.admin, '{ summarySettings { timeZone } }')).summarySettings).toBeNull();
  });

  it('every summaries field is for admins only: managers, readers and employee tokens are FORBIDDEN', async () => {
    const token = await employeeToken(a.admin, ana);
    for (const key of [a.manager, a.reader, token]) {
      for (const query of ['{ summarySettings { hour } }', '{ summaries(first: 1) { totalCount } }', '{ emailOutbox(first: 1) { totalCount } }',
        '{ previewSummary(level: TENANT, periodKey: "2026-W45") { empty } }']) {
        const result = await gql(key, query);
        expect(result.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      }
      const run = await gql(key, 'mutation { runSummaries(input: { periodKey: "2026-W45" }) { enqueued } }');
      expect(run.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('previewSummary', () => {
  it("shows the items with their sources, and sends and stores nothing", async () => {
    const before = memoryMailbox.delivered.length;
    const response = await gql(a.admin, PREVIEW, { level: 'EMPLOYEE', subject: ana, period: '2026-W45' });
    // Settings, then one statement per source of facts, whatever the tenant's size.
    expect(response.statements).toBeLessThanOrEqual(15);
    const preview = (response.body.data as { previewSummary: PreviewData }).previewSummary;
    // Lisbon is UTC+0 in November: the week starts at midnight UTC.
    expect(preview).toMatchObject({ level: 'EMPLOYEE', periodKey: '2026-W45', periodStart: '2026-11-02T00:00:00.000Z', empty: false });
    const praise = preview.items[0]!;
    expect(praise.quote).toBe(PRAISE);
    expect(praise.text).toBe(`“${PRAISE}” (a phone call on Wed 4 Nov)`);
    // The sources are real records of this tenant: the feedback says the quote.
    const feedbackId = localId(praise.sourceIds[0]!);
    expect(await rows('SELECT body FROM feedback WHERE tenant_id = ? AND id = ?', localId(a.id), feedbackId)).toEqual([{ body: PRAISE }]);
    const figure = preview.items.find((item) => item.figure?.name === 'averageSatisfaction');
    expect(figure?.figure?.value).toBe(4);
    expect(memoryMailbox.delivered.length).toBe(before);
    expect(await rows('SELECT id FROM summaries WHERE tenant_id = ?', localId(a.id))).toEqual([]);
  });

  it("answers another tenant's employee exactly like one that does not exist; a bad week is BAD_USER_INPUT", async () => {
    const foreign = await gql(a.admin, PREVIEW, { level: 'EMPLOYEE', subject: bEmployee, period: '2026-W45' });
    const missing = await gql(a.admin, PREVIEW, { level: 'EMPLOYEE', subject: bEmployee.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), period: '2026-W45' });
    expect(foreign.body).toEqual({ data: { previewSummary: null } });
    expect(missing.body.data).toEqual({ previewSummary: null });
    const bad = await gql(a.admin, PREVIEW, { level: 'TENANT', period: 'last week' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('stored summaries and the outbox', () => {
  beforeAll(async () => {
    memoryMailbox.failNext(anaEmail, 1);
    await deliver(worker, [{ type: 'compile', tenantId: localId(a.id), periodKey: '2026-W45' }]);
    await deliver(worker, queue.take(localId(a.id)));
  });

  it('lists summaries with filters, and nothing of another tenant', async () => {
    const query = `query($filter: SummaryFilter) { summaries(first: 10, filter: $filter) { totalCount edges { node { level periodKey employee { name } items { quote } } } } }`;
    type QueryResult = { summaries: { totalCount: number; edges: { node: { level: 'EMPLOYEE' | 'TEAM' | 'TENANT'; periodKey: string; employee: { name: string } | null; items: { quote: string | null }[] } }[] } };
    const all = await data<QueryResult>(a.admin, query);
    expect(all.summaries.totalCount).toBe(2);
    const mine = await data<QueryResult>(a.admin, query, { filter: { level: 'EMPLOYEE', subjectId: ana, periodKey: '2026-W45' } });
    expect(mine.summaries.edges).toEqual([{ node: { level: 'EMPLOYEE', periodKey: '2026-W45', employee: { name: 'Ana Alves' }, items: expect.arrayContaining([{ quote: PRAISE }]) } }]);
    expect((await data<QueryResult>(a.admin, query, { filter: { periodKey: '2026-W44' } })).summaries.totalCount).toBe(0);
    expect((await data<QueryResult>(b.admin, query)).summaries).toEqual({ totalCount: 0, edges: [] });
    expect((await data<QueryResult>(b.admin, query, { filter: { subjectId: ana } })).summaries.totalCount).toBe(0);
  });

  it('shows the failed email with its error; an admin retries it, or gives up on it', async () => {
    const outbox = await data<{ emailOutbox: { totalCount: number; edges: { node: { id: string; kind: 'EMPLOYEE' | 'TEAM' | 'TENANT'; periodKey: string; status: 'ABANDONED' | 'FAILED' | 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED'; attempts: number; lastError: string | null; recipient: { name: string } } }[] } }>(a.admin, `{ emailOutbox(first: 10, filter: { status: FAILED }) { totalCount edges { node { id kind periodKey status attempts lastError recipient { name } } } } }`);
    expect(outbox.emailOutbox.totalCount).toBe(1);
    const { node } = outbox.emailOutbox.edges[0]!;
    expect(node).toMatchObject({ kind: 'EMPLOYEE', periodKey: '2026-W45', status: 'FAILED', attempts: 1, lastError: `Mailbox unavailable for ${anaEmail} (test failure)`, recipient: { name: 'Ana Alves' } });
    // Another tenant cannot see or touch it.
    expect((await data<{ emailOutbox: { totalCount: number } }>(b.admin, '{ emailOutbox(first: 10) { totalCount } }')).emailOutbox.totalCount).toBe(0);
    const foreign = await data<{ retryEmail: { email: { status: 'ABANDONED' | 'FAILED' | 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED' } | null; errors: { code: UserErrorCode; message: string }[] } }>(b.admin, `mutation($id: ID!) { retryEmail(input: { id: $id }) { email { status } errors { code message } } }`, { id: node.id });
    expect(foreign.retryEmail).toEqual({ email: null, errors: [{ code: 'NOT_FOUND', message: 'No EmailOutboxEntry with this id exists in your organisation.' }] });

    const abandoned = await data<{ abandonEmail: { email: { status: 'ABANDONED' | 'FAILED' | 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED' } | null; errors: { code: UserErrorCode }[] } }>(a.admin, `mutation($id: ID!) { abandonEmail(input: { id: $id }) { email { status } errors { code } } }`, { id: node.id });
    expect(abandoned.abandonEmail).toEqual({ email: { status: 'ABANDONED' }, errors: [] });
    const retried = await data<{ retryEmail: { email: { status: 'ABANDONED' | 'FAILED' | 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED'; attempts: number } | null; errors: { code: UserErrorCode }[] } }>(a.admin, `mutation($id: ID!) { retryEmail(input: { id: $id }) { email { status attempts } errors { code } } }`, { id: node.id });
    expect(retried.retryEmail).toEqual({ email: { status: 'PENDING', attempts: 1 }, errors: [] });
    // Not reachable through node(id): the outbox is for admins only.
    expect((await data<{ node: { id: string } | null }>(a.reader, 'query($id: ID!) { node(id: $id) { id } }', { id: node.id })).node).toBeNull();
  });

  it('runSummaries enqueues an ended week and refuses one that has not ended', async () => {
    const future = await data<{ runSummaries: { enqueued: boolean | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(a.admin, 'mutation { runSummaries(input: { periodKey: "2099-W01" }) { enqueued errors { code path message } } }');
    expect(future.runSummaries).toEqual({ enqueued: null, errors: [{ code: 'VALIDATION', path: ['input', 'periodKey'], message: 'Week 2099-W01 has not ended yet; preview it with previewSummary instead.' }] });
    const noSettings = await data<{ runSummaries: { enqueued: boolean | null; errors: { code: UserErrorCode; message: string }[] } }>(b.admin, 'mutation { runSummaries(input: { periodKey: "2026-W45" }) { enqueued errors { code message } } }');
    expect(noSettings.runSummaries.errors[0]!.code).toBe('VALIDATION');
    const run = await data<{ runSummaries: { periodKey: string | null; enqueued: boolean | null; errors: { code: UserErrorCode }[] } }>(a.admin, 'mutation { runSummaries(input: { periodKey: "2026-W45" }) { periodKey enqueued errors { code } } }');
    expect(run.runSummaries).toEqual({ periodKey: '2026-W45', enqueued: true, errors: [] });
  });
});

/** Feedback: recording, resolving, importing complaint records, filters and typed errors. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let team: string;
let employee: string;

beforeAll(async () => {
  tenant = await createTenant();
  team = await createTeam(tenant.admin, 'Delivery');
  employee = await createEmployee(tenant.admin, { name: 'Pedro Santos', teamId: team, email: 'pedro@example.com' });
});

const RECORD = `mutation($input: RecordFeedbackInput!) {
  recordFeedback(input: $input) { feedback { id kind source body rating status sentimentLabel themes employee { name } team { name } } errors { code path message } }
}`;
type RecordResult = { recordFeedback: { feedback: { id: string; kind: 'COMPLAINT' | 'IDEA' | 'PRAISE'; source: 'COMPLAINT_RECORD' | 'IMPORT' | 'MANAGER' | 'PEER' | 'SURVEY_CALL' | 'WIDGET'; body: string; rating: number | null; status: 'OPEN' | 'RESOLVED'; sentimentLabel: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE'; themes: string[]; employee: { name: string } | null; team: { name: string } | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const IMPORT = `mutation($input: ImportComplaintRecordsInput!) {
  importComplaintRecords(input: $input) { importedCount skipped { index externalRef } rejected { index errors { code path message } } errors { code path message } }
}`;
type ImportResult = { importComplaintRecords: { importedCount: number | null; skipped: { index: number; externalRef: string }[]; rejected: { index: number; errors: { code: UserErrorCode; path: string[]; message: string }[] }[]; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

describe('feedback', () => {
  it('is recorded about an employee (and their team), with sentiment and themes', async () => {
    const result = await data<RecordResult>(tenant.manager, RECORD, {
      input: { kind: 'COMPLAINT', source: 'COMPLAINT_RECORD', body: 'The fridge arrived damaged and the installation was rushed.', employeeId: employee, rating: 2 },
    });
    expect(result.recordFeedback.errors).toEqual([]);
    expect(result.recordFeedback.feedback).toMatchObject({
      kind: 'COMPLAINT',
      source: 'COMPLAINT_RECORD',
      status: 'OPEN',
      rating: 2,
      sentimentLabel: 'NEGATIVE',
      employee: { name: 'Pedro Santos' },
      team: { name: 'Delivery' },
    });
    expect(result.recordFeedback.feedback!.themes.length).toBeGreaterThan(0);
  });

  it('is recorded whatever words the customer used, "constructor" included (it once made theming throw)', async () => {
    const result = await data<RecordResult>(tenant.manager, RECORD, {
      input: { kind: 'COMPLAINT', source: 'WIDGET', body: 'The constructor kit came with half the pieces missing and the staff were rude about it.', teamId: team },
    });
    expect(result.recordFeedback.errors).toEqual([]);
    expect(result.recordFeedback.feedback).toMatchObject({ sentimentLabel: 'NEGATIVE', body: 'The constructor kit came with half the pieces missing and the staff were rude about it.' });
    expect(result.recordFeedback.feedback!.themes.length).toBeGreaterThan(0);
  });

  it('is resolved once, with a note and who resolved it', async () => {
    const created = await data<RecordResult>(tenant.manager, RECORD, { input: { kind: 'COMPLAINT', source: 'WIDGET', body: 'Cold coffee again', teamId: team } });
    const id = created.recordFeedback.feedback!.id;
    const resolve = `mutation($input: ResolveFeedbackInput!) { resolveFeedback(input: $input) { feedback { status resolutionNote resolvedAt resolvedBy { name } } errors { code path message } } }`;
    type ResolveResult = { resolveFeedback: { feedback: { status: 'OPEN' | 'RESOLVED'; resolutionNote: string | null; resolvedAt: string | null; resolvedBy: { name: string } | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
    const leadToken = await employeeToken(tenant.admin, await createEmployee(tenant.admin, { name: 'Lea Lead', role: 'LEAD', teamId: team }));
    const done = await data<ResolveResult>(leadToken, resolve, { input: { id, note: 'Replaced the drink and apologised.' } });
    expect(done.resolveFeedback.feedback).toMatchObject({ status: 'RESOLVED', resolutionNote: 'Replaced the drink and apologised.', resolvedBy: { name: 'Lea Lead' } });
    const row = await env.DB.prepare('SELECT resolved_by FROM feedback WHERE id = ?').bind(localId(id)).first<{ resolved_by: string }>();
    expect(row?.resolved_by).toMatch(/^emp_/);
    const twice = await data<ResolveResult>(tenant.manager, resolve, { input: { id, note: 'Again' } });
    expect(twice.resolveFeedback.errors[0]).toMatchObject({ code: 'CONFLICT', path: ['input', 'id'] });
    const blank = await data<ResolveResult>(tenant.manager, resolve, { input: { id, note: '  ' } });
    expect(blank.resolveFeedback.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'note'], message: 'Say how it was resolved.' }]);
  });

  it('refuses bad input with typed errors', async () => {
    const cases: [Record<string, unknown>, { code: string; path: string[]; message?: string }][] = [
      [{ body: 'x'.repeat(100 * 1024) }, { code: 'VALIDATION', path: ['input', 'body'], message: 'Feedback bodies are at most 10,000 characters.' }],
      [{ rating: 9 }, { code: 'VALIDATION', path: ['input', 'rating'], message: 'Ratings are whole numbers from 1 to 5.' }],
      [{ receivedAt: new Date(TEST_NOW.getTime() + 86_400_000).toISOString() }, { code: 'VALIDATION', path: ['input', 'receivedAt'], message: 'receivedAt cannot be in the future.' }],
      [{ source: 'SURVEY_CALL' }, { code: 'VALIDATION', path: ['input', 'source'], message: 'Feedback from survey calls is recorded by logging the call (logSurveyCall).' }],
    ];
    for (const [override, expected] of cases) {
      const result = await data<RecordResult>(tenant.manager, RECORD, { input: { kind: 'PRAISE', source: 'MANAGER', body: 'Great help', ...override } });
      expect(result.recordFeedback).toEqual({ feedback: null, errors: [expect.objectContaining(expected)] });
    }
    const reader = await gql<RecordResult>(tenant.reader, RECORD, { input: { kind: 'PRAISE', source: 'MANAGER', body: 'x' } });
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('filters by kind, source, status, employee, team, theme and date', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (await data<{ feedback: { totalCount: number } }>(tenant.reader, 'query($f: FeedbackFilter) { feedback(first: 50, filter: $f) { totalCount } }', { f: filter })).feedback.totalCount;
    const all = await list({});
    expect(all).toBeGreaterThanOrEqual(2);
    expect(await list({ kind: 'COMPLAINT', employeeId: employee })).toBe(1);
    expect(await list({ teamId: team, status: 'RESOLVED' })).toBe(1);
    // "The fridge arrived damaged and the installation was rushed." is mainly product condition; the
    // filter takes a theme's label (any case) or key.
    expect(await list({ theme: 'Product condition' })).toBe(1);
    expect(await list({ theme: 'product-condition' })).toBe(1);
    expect(await list({ theme: 'no-such-theme' })).toBe(0);
    expect(await list({ source: 'IMPORT', kind: 'IDEA' })).toBe(0);
    expect(await list({ from: '2000-01-01T00:00:00Z', to: '2001-01-01T00:00:00Z' })).toBe(0);
  });
});

describe('importing complaint records', () => {
  const received = new Date(TEST_NOW.getTime() - 7 * 86_400_000).toISOString();
  const record = (ref: string, extra: Record<string, unknown> = {}) => ({ externalRef: ref, body: `Complaint ${ref}: the delivery was late`, receivedAt: received, ...extra });

  it('writes valid records together, returns invalid ones with their index, and never duplicates', async () => {
    const first = await data<ImportResult>(tenant.admin, IMPORT, {
      input: {
        records: [
          record('ZD-1', { employeeEmail: 'PEDRO@example.com' }),
          record('ZD-2', { rating: 7 }),
          record('ZD-3', { teamId: team, resolvedAt: received, resolutionNote: 'Refunded delivery fee' }),
          record('ZD-4', { employeeEmail: 'nobody@example.com' }),
          record('ZD-1'),
        ],
      },
    });
    expect(first.importComplaintRecords).toEqual({
      importedCount: 2,
      skipped: [],
      rejected: [
        { index: 1, errors: [{ code: 'VALIDATION', path: ['input', 'records', '1', 'rating'], message: 'Ratings are whole numbers from 1 to 5.' }] },
        { index: 3, errors: [{ code: 'NOT_FOUND', path: ['input', 'records', '3', 'employeeEmail'], message: 'No employee has the email nobody@example.com.' }] },
        { index: 4, errors: [{ code: 'CONFLICT', path: ['input', 'records', '4', 'externalRef'], message: 'externalRef "ZD-1" appears more than once in this import.' }] },
      ],
      errors: [],
    });
    const rows = await env.DB.prepare("SELECT external_ref, employee_id, status, source FROM feedback WHERE external_ref LIKE 'ZD-%' ORDER BY external_ref").all();
    expect(rows.results).toEqual([
      { external_ref: 'ZD-1', employee_id: localId(employee), status: 'open', source: 'import' },
      { external_ref: 'ZD-3', employee_id: null, status: 'resolved', source: 'import' },
    ]);

    const again = await data<ImportResult>(tenant.admin, IMPORT, { input: { records: [record('ZD-1'), record('ZD-2')] } });
    expect(again.importComplaintRecords).toMatchObject({ importedCount: 1, skipped: [{ index: 0, externalRef: 'ZD-1' }], rejected: [] });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM feedback WHERE external_ref LIKE 'ZD-%'").first<{ n: number }>();
    expect(count?.n).toBe(3);
  });

  it('takes up to 500 records per call, in one batch', async () => {
    const records = Array.from({ length: 500 }, (_, i) => record(`BULK-${i}`, { employeeId: employee }));
    const result = await gql<ImportResult>(tenant.admin, IMPORT, { input: { records } });
    expect(result.body.data!.importComplaintRecords.importedCount).toBe(500);
    // Batched, never a statement per record: a feedback row has 22 columns, so 4 rows fit in one
    // INSERT under D1's 100 bound parameters (5 before complaints carried an owner and a customer).
    expect(result.statements).toBeLessThanOrEqual(4 + Math.ceil(500 / 4) + Math.ceil(1500 / 16));
    const tooMany = await data<ImportResult>(tenant.admin, IMPORT, { input: { records: [...records, record('one-more')] } });
    expect(tooMany.importComplaintRecords.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'records'], message: 'At most 500 records per call: split the import (you sent 501).' },
    ]);
    const reader = await gql<ImportResult>(tenant.reader, IMPORT, { input: { records: [record('r')] } });
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

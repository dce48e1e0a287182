/**
 * One clock per request (worker/clock.ts): what a request reads as "now" (the giving month, the
 * allowance) and what it writes (created_at, the month charged) are the same instant, and tests
 * move it per request with X-Frontline-Now instead of depending on the day they run.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, localId, TEST_NOW, type TestTenant, type UserErrorCode } from './helpers.ts';

const GIVE = `mutation($input: GiveRecognitionInput!) {
  giveRecognition(input: $input) { recognition { id period createdAt } errors { code path message } } }`;
type GiveResult = { giveRecognition: { recognition: { id: string; period: string; createdAt: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const ALLOWANCE = '{ viewer { employee { givingAllowance { period given remaining } } } }';
type AllowanceResult = { viewer: { employee: { givingAllowance: { period: string; given: number; remaining: number } } | null } };

let tenant: TestTenant;
let ana: string;
let ben: string;

beforeAll(async () => {
  tenant = await createTenant();
  ana = await createEmployee(tenant.admin, { name: 'Ana' });
  ben = await createEmployee(tenant.admin, { name: 'Ben' });
});

describe('the request clock', () => {
  it('is pinned for tests to a Monday just after midnight UTC', () => {
    expect(TEST_NOW.toISOString()).toBe('2026-11-23T00:00:30.000Z');
    expect(TEST_NOW.getUTCDay()).toBe(1);
  });

  it('refuses a malformed X-Frontline-Now with a 400 that says what to send', async () => {
    const result = await gql(tenant.reader, '{ viewer { role } }', {}, { now: 'next Monday' });
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]).toMatchObject({ message: 'X-Frontline-Now must be an RFC 3339 instant such as 2026-11-23T00:00:05Z; got "next Monday".', extensions: { code: 'BAD_REQUEST' } });
  });

  it('charges the giving allowance in the month it reads, at the last millisecond of a month and the first of the next', async () => {
    const lastOfNovember = '2026-11-30T23:59:59.999Z';
    const firstOfDecember = '2026-12-01T00:00:00.000Z';
    const token = await employeeToken(tenant.manager, ana, 900, { now: lastOfNovember });

    const november = await data<GiveResult>(token, GIVE, { input: { recipientIds: [ben], message: 'Closed the month strong', value: 'Care', points: 30 } }, { now: lastOfNovember });
    expect(november.giveRecognition.errors).toEqual([]);
    expect(november.giveRecognition.recognition).toMatchObject({ period: '2026-11', createdAt: lastOfNovember });
    expect((await data<AllowanceResult>(token, ALLOWANCE, {}, { now: lastOfNovember })).viewer.employee!.givingAllowance).toEqual({ period: '2026-11', given: 30, remaining: 70 });

    // One millisecond later it is December: a fresh allowance, and the next gift is charged there.
    expect((await data<AllowanceResult>(token, ALLOWANCE, {}, { now: firstOfDecember })).viewer.employee!.givingAllowance).toEqual({ period: '2026-12', given: 0, remaining: 100 });
    const december = await data<GiveResult>(token, GIVE, { input: { recipientIds: [ben], message: 'Opened the month well', value: 'Care', points: 10 } }, { now: firstOfDecember });
    expect(december.giveRecognition.recognition).toMatchObject({ period: '2026-12', createdAt: firstOfDecember });
    expect((await data<AllowanceResult>(token, ALLOWANCE, {}, { now: firstOfDecember })).viewer.employee!.givingAllowance).toEqual({ period: '2026-12', given: 10, remaining: 90 });

    // The ledger entries were written at the same instants.
    const entries = await env.DB.prepare('SELECT created_at FROM points_entries WHERE employee_id = ? ORDER BY created_at').bind(localId(ben)).all<{ created_at: number }>();
    expect(entries.results.map((row) => new Date(row.created_at).toISOString())).toEqual([lastOfNovember, firstOfDecember]);
  });

  it('stamps created_at and updated_at from the request, on insert and on update', async () => {
    const at = '2026-11-24T10:00:00.000Z';
    const later = '2026-11-25T11:00:00.000Z';
    const created = await data<{ createEmployee: { employee: { id: string } | null; errors: { message: string }[] } }>(tenant.admin, 'mutation { createEmployee(input: { name: "Cleo", email: "cleo@example.com", role: AGENT, hiredAt: "2024-01-15" }) { employee { id } errors { message } } }', {}, { now: at });
    const cleo: string = created.createEmployee.employee!.id;
    const row = () => env.DB.prepare('SELECT created_at, updated_at FROM employees WHERE id = ?').bind(localId(cleo)).first<{ created_at: number; updated_at: number }>();
    expect(await row()).toEqual({ created_at: Date.parse(at), updated_at: Date.parse(at) });
    await data<{ updateEmployee: { errors: { message: string }[] } }>(tenant.admin, 'mutation($id: ID!) { updateEmployee(input: { id: $id, name: "Cleo B." }) { errors { message } } }', { id: cleo }, { now: later });
    const stamped = (await row())!;
    expect(new Date(stamped.created_at).toISOString()).toBe(at);
    expect(new Date(stamped.updated_at).toISOString()).toBe(later);
  });
});

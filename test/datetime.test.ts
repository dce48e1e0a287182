/**
 * The DateTime scalar reads RFC 3339 instants as real clients write them (Python's isoformat and
 * Go's RFC3339Nano: micro- and nanoseconds, offsets) and always answers in the same format:
 * UTC with milliseconds, e.g. 2026-11-22T08:27:05.266Z.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, data, gql, type TestTenant, type UserErrorCode } from './helpers.ts';

const RECORD = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { feedback { receivedAt } errors { code path message } } }`;
type RecordResult = { recordFeedback: { feedback: { receivedAt: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTenant();
});

const received = async (receivedAt: string) => {
  const result = await data<RecordResult>(tenant.manager, RECORD, { input: { kind: 'PRAISE', source: 'WIDGET', body: 'Lovely service', receivedAt } });
  expect(result.recordFeedback.errors).toEqual([]);
  return result.recordFeedback.feedback!.receivedAt as string;
};

describe('DateTime input', () => {
  it('accepts fractions of any length and offsets, and answers in UTC with milliseconds', async () => {
    expect(await received('2026-11-22T08:27:05.266673Z')).toBe('2026-11-22T08:27:05.266Z'); // Python isoformat()
    expect(await received('2026-11-22T08:27:05.266673123Z')).toBe('2026-11-22T08:27:05.266Z'); // Go RFC3339Nano
    expect(await received('2026-11-22T10:27:05.5+02:00')).toBe('2026-11-22T08:27:05.500Z');
    expect(await received('2026-11-22T03:57:05-04:30')).toBe('2026-11-22T08:27:05.000Z');
    expect(await received('2026-11-22T08:27:05Z')).toBe('2026-11-22T08:27:05.000Z');
  });

  it('accepts the same in a query literal', async () => {
    const result = await data<{ surveyCalls: { totalCount: number } }>(tenant.reader, '{ surveyCalls(filter: { from: "2026-11-01T00:00:00.123456+01:00", to: "2026-11-22T08:27:05.266673Z" }) { totalCount } }');
    expect(result.surveyCalls.totalCount).toBe(0);
  });

  it('refuses what is not an RFC 3339 instant with BAD_USER_INPUT and an example of what works', async () => {
    for (const value of ['2026-11-22', '2026-11-22T08:27Z', '2026-11-22 08:27:05Z', '2026-11-22T08:27:05', '2026-02-30T08:00:00Z', '2026-11-22T25:00:00Z', 'yesterday', '']) {
      const result = await gql(tenant.manager, RECORD, { input: { kind: 'PRAISE', source: 'WIDGET', body: 'x', receivedAt: value } });
      expect(result.status, value).toBe(400);
      expect(result.body.errors?.[0]?.extensions?.code, value).toBe('BAD_USER_INPUT');
      expect(result.body.errors?.[0]?.message, value).toContain('DateTime must be an RFC 3339 instant with a time zone, e.g. "2026-11-22T09:30:00Z" or "2026-11-22T10:30:00.123456+01:00"');
    }
    const literal = await gql(tenant.reader, '{ surveyCalls(filter: { from: "2026-13-01T00:00:00Z" }) { totalCount } }');
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.body.errors?.[0]?.message).toContain('DateTime must be an RFC 3339 instant');
  });
});

/**
 * API rate limits per credential and operation class (worker/rate-limits/), per-tenant tiers, and
 * the failed-authentication throttle (worker/auth/failed-authentication.ts).
 *
 * The limiters count real time in fixed one-minute windows (Miniflare), so no test expects a 429
 * at an exact request: every test uses fresh keys and asserts that the first `limit` requests pass
 * and that a 429 comes within 2 * limit + 2 (however a window boundary splits the loop, one window
 * then holds more than `limit` of them).
 */
import { describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, PLATFORM_TOKEN, type GraphQLResponse, type RequestOptions } from './helpers.ts';

/** The standard tier in wrangler.toml (per credential, per minute). */
const STANDARD = { query: 1200, mutation: 300, expensive: 60 } as const;
/** Failed authentication per client per minute: slowed beyond 10, refused beyond 20. */
const AUTH_FAILURES_REFUSED_AFTER = 20;

/** A mutation that is checked and answered without writing anything (an empty team name). */
const NO_OP_MUTATION = 'mutation { createTeam(input: { name: "" }) { team { id } errors { code } } }';
const EXPENSIVE_QUERY = '{ complaintTrends { periodStart } }';

/**
 * Sends `count` requests, `concurrency` at a time, in order of starting, and returns the answers
 * in that order (the limiter counts them in about that order).
 */
async function send(count: number, request: (index: number) => Promise<GraphQLResponse>, concurrency = 20): Promise<GraphQLResponse[]> {
  const answers: GraphQLResponse[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => request(start + offset));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

/** Sends until the first 429 or `max` requests; returns how many were sent and the 429 if any. */
async function untilRefused(max: number, request: () => Promise<GraphQLResponse>): Promise<{ sent: number; refusal: GraphQLResponse | null; answers: GraphQLResponse[] }> {
  const answers: GraphQLResponse[] = [];
  while (answers.length < max) {
    const answer = await request();
    answers.push(answer);
    if (answer.status === 429) return { sent: answers.length, refusal: answer, answers };
  }
  return { sent: answers.length, refusal: null, answers };
}

function expectRateLimited(answer: GraphQLResponse | null, message: RegExp) {
  expect(answer?.status).toBe(429);
  expect(answer?.headers.get('Retry-After')).toBe('60');
  expect(answer?.body.data).toBeUndefined();
  expect(answer?.body.errors).toHaveLength(1);
  expect(answer?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(answer?.body.errors?.[0]?.message).toMatch(message);
}

async function setTier(tenantId: string, tier: 'STANDARD' | 'HIGH' | 'UNLIMITED') {
  const result = await data<{ setTenantRateLimitTier: { tenant: { rateLimitTier: string } | null; errors: { code: string }[] } }>(PLATFORM_TOKEN, `mutation($input: SetTenantRateLimitTierInput!) {
    setTenantRateLimitTier(input: $input) { tenant { rateLimitTier } errors { code } }
  }`, { input: { tenantId, tier } });
  expect(result.setTenantRateLimitTier).toEqual({ tenant: { rateLimitTier: tier }, errors: [] });
}

describe('rate limits per credential and operation class', () => {
  it('refuses a runaway loop of mutations with 429, Retry-After and RATE_LIMITED, before it runs; other keys and tenants are unaffected', async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    // The manager key is fresh (createTenant used the admin key for two mutations).
    const first = await send(STANDARD.mutation, () => gql(tenant.manager, NO_OP_MUTATION));
    expect(first.filter((answer) => answer.status === 429)).toEqual([]);
    expect(first.every((answer) => answer.body.data?.createTeam !== undefined)).toBe(true);

    let attempt = 0;
    const loop = await untilRefused(STANDARD.mutation + 2, () =>
      gql(tenant.manager, 'mutation($name: String!) { createTeam(input: { name: $name }) { team { id } errors { code } } }', { name: `Written only if it ran ${++attempt}` }),
    );
    expectRateLimited(loop.refusal, /^Too many mutations with this credential in the last minute; try again in 60 seconds\.$/);
    // Refused before execution: the refused createTeam wrote nothing.
    // totalCount, not a page: when a window boundary splits the loop, more than a page of teams is written.
    const teams = await data<{ teams: { totalCount: number } }>(tenant.reader, '{ teams(first: 1) { totalCount } }');
    expect(teams.teams.totalCount).toBe(loop.sent - 1);

    // The same key still reads (another class); another key of the tenant and another tenant still write.
    expect((await gql(tenant.manager, '{ viewer { role } }')).status).toBe(200);
    for (const key of [tenant.admin, other.admin]) {
      const answer = await gql(key, NO_OP_MUTATION);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ createTeam: { team: null, errors: [{ code: 'VALIDATION' }] } });
    }
  });

  it('counts expensive operations (trends, imports, summaries, large reads) against their own, lower limit', async () => {
    const tenant = await createTenant();
    const first = await send(STANDARD.expensive, () => gql(tenant.reader, EXPENSIVE_QUERY));
    expect(first.map((answer) => answer.status)).toEqual(first.map(() => 200));
    const loop = await untilRefused(STANDARD.expensive + 2, () => gql(tenant.reader, EXPENSIVE_QUERY));
    expectRateLimited(loop.refusal, /^Too many expensive operations/);
    // A cheap query of the same key is another class.
    expect((await gql(tenant.reader, '{ viewer { role } }')).status).toBe(200);
  });

  it('counts each expensive root field an operation selects, so aliases cannot run many for one count', async () => {
    const tenant = await createTenant();
    const aliases = 20;
    const many = `{ ${Array.from({ length: aliases }, (_, i) => `t${i}: complaintTrends { periodStart }`).join(' ')} }`;
    // 60 units a minute: a window boundary can let up to two windows' worth through, and no more.
    const loop = await untilRefused((2 * STANDARD.expensive) / aliases + 2, () => gql(tenant.reader, many));
    expectRateLimited(loop.refusal, /^Too many expensive operations/);
    // ...and no sooner than a fresh window's 60 units allow: 3 requests of 20 pass first.
    expect(loop.sent).toBeGreaterThan(STANDARD.expensive / aliases);
    expect(loop.answers.slice(0, -1).every((answer) => answer.status === 200)).toBe(true);
  });

  it('limits an employee per employee, whichever of their tokens they use', async () => {
    const tenant = await createTenant();
    const employeeId = await createEmployee(tenant.admin, { name: 'Loop Ing' });
    const [one, two] = [await employeeToken(tenant.admin, employeeId), await employeeToken(tenant.admin, employeeId)];
    const mutation = 'mutation { proposeReward(input: { title: "", cost: 0, kind: TIME_OFF }) { errors { code } } }';
    const first = await send(STANDARD.mutation, (index) => gql(index % 2 === 0 ? one! : two!, mutation));
    expect(first.filter((answer) => answer.status === 429)).toEqual([]);
    const loop = await untilRefused(STANDARD.mutation + 2, () => gql(two!, mutation));
    expectRateLimited(loop.refusal, /^Too many mutations/);
  });

  it('lets the platform raise a tenant to HIGH (ten times) or UNLIMITED; tenants cannot change their own tier', async () => {
    const high = await createTenant();
    const unlimited = await createTenant();
    await setTier(high.id, 'HIGH');
    await setTier(unlimited.id, 'UNLIMITED');
    for (const tenant of [high, unlimited]) {
      const answers = await send(STANDARD.expensive * 2 + 2, () => gql(tenant.reader, EXPENSIVE_QUERY));
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    }
    const viewer = await data<{ viewer: { tenant: { rateLimitTier: string } } }>(high.reader, '{ viewer { tenant { rateLimitTier } } }');
    expect(viewer.viewer.tenant.rateLimitTier).toBe('HIGH');

    const own = await gql(high.admin, 'mutation($input: SetTenantRateLimitTierInput!) { setTenantRateLimitTier(input: $input) { errors { code } } }', { input: { tenantId: high.id, tier: 'UNLIMITED' } });
    expect(own.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await data<{ setTenantRateLimitTier: { errors: { code: string; path: string[] }[] } }>(PLATFORM_TOKEN, 'mutation($input: SetTenantRateLimitTierInput!) { setTenantRateLimitTier(input: $input) { errors { code path } } }', {
      input: { tenantId: btoa('Tenant:ten_missing').replace(/=+$/, ''), tier: 'HIGH' },
    });
    expect(unknown.setTenantRateLimitTier.errors).toEqual([{ code: 'NOT_FOUND', path: ['input', 'tenantId'] }]);
  });
});

describe('failed authentication', () => {
  it('slows and then refuses a client that keeps sending unknown keys, while valid keys keep working', async () => {
    const tenant = await createTenant();
    const attacker: RequestOptions = { ip: '203.0.113.99' };
    const unknownKey = (index: number) => `fl_sk_${String(index).padStart(40, '0')}`;
    const started = performance.now();
    const answers: GraphQLResponse[] = [];
    for (let index = 0; index < 200; index++) answers.push(await gql(unknownKey(index), '{ viewer { role } }', {}, attacker));

    for (const answer of answers.slice(0, 5)) {
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.message).toBe('Unknown API key.');
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const firstRefusal = answers.findIndex((answer) => answer.status === 429);
    expect(firstRefusal).toBeGreaterThanOrEqual(AUTH_FAILURES_REFUSED_AFTER);
    expect(firstRefusal).toBeLessThanOrEqual(2 * AUTH_FAILURES_REFUSED_AFTER + 1);
    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(200 - 2 * (AUTH_FAILURES_REFUSED_AFTER + 1));
    expectRateLimited(answers[firstRefusal] ?? null, /^Too many failed authentication attempts from this client; try again in 60 seconds\.$/);
    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    // Slowed: failures 11-20 wait half a second each before their 401.
    expect(performance.now() - started).toBeGreaterThanOrEqual(4_500);

    // Other clients are not affected, and only failures count: a valid key works even from the same address.
    expect((await gql(tenant.reader, '{ viewer { role } }', {}, { ip: '203.0.113.100' })).status).toBe(200);
    const sameClient = await gql(tenant.reader, '{ viewer { role } }', {}, attacker);
    expect(sameClient.status).toBe(200);
    expect(sameClient.body.data).toEqual({ viewer: { role: 'READER' } });
    // Another client's first bad key gets the usual 401.
    expect((await gql(unknownKey(0), '{ viewer { role } }', {}, { ip: '203.0.113.101' })).status).toBe(401);
  });

  it('counts forged employee tokens and unknown credentials as failures too, but not a missing header', async () => {
    const client: RequestOptions = { ip: '203.0.113.120' };
    const none = await send(30, () => gql(null, '{ viewer { role } }', {}, client), 10);
    expect(none.every((answer) => answer.status === 401)).toBe(true);
    const bad = (index: number) => (index % 2 === 0 ? `fl_et_forged.${index}.token` : `garbage-${index}`);
    const loop: GraphQLResponse[] = [];
    for (let index = 0; index < 2 * AUTH_FAILURES_REFUSED_AFTER + 2 && loop.at(-1)?.status !== 429; index++) loop.push(await gql(bad(index), '{ viewer { role } }', {}, client));
    expectRateLimited(loop.at(-1) ?? null, /^Too many failed authentication attempts/);
  });
});

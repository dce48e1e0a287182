/**
 * Test helpers: call the Worker's own fetch handler with GraphQL, and provision tenants through
 * the platform mutation, as an operator would.
 */
import { env, exports } from 'cloudflare:workers';
import { expect } from 'vitest';

export const PLATFORM_TOKEN = 'fl_platform_test_token';

/**
 * The instant every request runs at unless a test moves it: FRONTLINE_NOW in vitest.config.ts (a
 * Monday just after midnight UTC, the moment that used to drop the current week). Compute test
 * dates from this, never from the machine's clock.
 */
export const TEST_NOW = new Date(env.FRONTLINE_NOW ?? 'FRONTLINE_NOW is not set');

/**
 * Per-request options: `now` runs this one request at another instant (X-Frontline-Now, test only);
 * `ip` is the client address Cloudflare would report (CF-Connecting-IP).
 */
export interface RequestOptions {
  now?: Date | string;
  ip?: string;
}

/**
 * A fresh client address (198.18.0.0/15, reserved for benchmarks) for each request that names
 * none, so the failed-authentication throttle (per client) never links unrelated tests.
 */
export const randomClientIp = () => `198.${18 + Math.floor(Math.random() * 2)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

let ticks = 0;
/**
 * Where no `now` is given, each request of a test file runs one millisecond after the one before,
 * starting just after TEST_NOW: time passes between real requests, so lists ordered by created_at
 * keep the order a test did things in (with one frozen instant they would tie and fall back to
 * random ids), and every run of a file sees the same instants.
 */
export const nextInstant = () => new Date(TEST_NOW.getTime() + ++ticks);

/** The codes a mutation payload's `errors` carry (enum UserErrorCode in schema.graphql). */
export type UserErrorCode = 'CONFLICT' | 'INVALID_TRANSITION' | 'LIMIT_REACHED' | 'NOT_FOUND' | 'SELF_DEALING' | 'VALIDATION';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
  /**
   * SQL statements the request sent to D1 (local-only response header), counted at the binding:
   * authentication's one read, the operation's queries and every statement of a batch. Bounds in
   * the tests include that one authentication read.
   */
  statements: number;
}

/** POSTs a GraphQL operation to the Worker with `credential` as the bearer token. */
export async function gql<T = Record<string, unknown>>(
  credential: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (credential) headers.Authorization = `Bearer ${credential}`;
  const now = options.now ?? nextInstant();
  headers['X-Frontline-Now'] = now instanceof Date ? now.toISOString() : now;
  headers['CF-Connecting-IP'] = options.ip ?? randomClientIp();
  const response = await exports.default.fetch(
    new Request('http://frontline.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }),
  );
  const body = (await response.json()) as GraphQLResponse<T>['body'];
  return { status: response.status, headers: response.headers, body, statements: Number(response.headers.get('X-Frontline-Statements')) };
}

/** Like gql, but fails the test on any top-level error and returns `data`. */
export async function data<T = unknown>(credential: string, query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
  const result = await gql<T>(credential, query, variables, options);
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return result.body.data as T;
}

export interface TestTenant {
  id: string;
  name: string;
  admin: string;
  manager: string;
  reader: string;
}

let tenantCounter = 0;

/** Creates a tenant with an admin, a manager and a reader key, through the platform mutations. */
export async function createTenant(name = `Test Co ${++tenantCounter} ${crypto.randomUUID().slice(0, 8)}`, trade?: 'GENERAL' | 'CAFE' | 'RETAIL' | 'APPLIANCES'): Promise<TestTenant> {
  const created = await data<{ createTenant: { tenant: { id: string; name: string } | null; adminSecret: string | null; errors: { code: UserErrorCode; message: string }[] } }>(PLATFORM_TOKEN, `mutation($input: CreateTenantInput!) {
    createTenant(input: $input) { tenant { id name } adminSecret errors { code message } }
  }`, { input: { name, trade } });
  expect(created.createTenant.errors).toEqual([]);
  const tenantId: string = created.createTenant.tenant!.id;
  const admin: string = created.createTenant.adminSecret!;
  const key = async (role: 'MANAGER' | 'READER') => {
    const result = await data<{ createApiKey: { secret: string | null; errors: { message: string }[] } }>(admin, `mutation($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { secret errors { message } }
    }`, { input: { name: `${role} key`, role } });
    expect(result.createApiKey.errors).toEqual([]);
    return result.createApiKey.secret as string;
  };
  return { id: tenantId, name, admin, manager: await key('MANAGER'), reader: await key('READER') };
}

/** Creates a team and returns its global id. */
export async function createTeam(key: string, name: string): Promise<string> {
  const result = await data<{ createTeam: { team: { id: string } | null; errors: { message: string }[] } }>(key, `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } errors { message } } }`, {
    input: { name },
  });
  expect(result.createTeam.errors).toEqual([]);
  return result.createTeam.team!.id;
}

/** Creates an employee and returns its global id. */
export async function createEmployee(
  key: string,
  input: { name: string; email?: string; role?: string; teamId?: string | null; hiredAt?: string },
): Promise<string> {
  const result = await data<{ createEmployee: { employee: { id: string } | null; errors: { message: string; path: string[] }[] } }>(key, `mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } errors { message path } } }`, {
    input: {
      role: 'AGENT',
      hiredAt: '2024-01-15',
      email: `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '')}.${crypto.randomUUID().slice(0, 6)}@example.com`,
      ...input,
    },
  });
  expect(result.createEmployee.errors).toEqual([]);
  return result.createEmployee.employee!.id;
}

/** Mints an employee token (with an admin or manager key) that acts as `employeeId`. */
export async function employeeToken(key: string, employeeId: string, ttlSeconds = 900, options: RequestOptions = {}): Promise<string> {
  const result = await data<{ createEmployeeToken: { token: string | null; errors: { code: UserErrorCode; message: string }[] } }>(key, `mutation($input: CreateEmployeeTokenInput!) {
    createEmployeeToken(input: $input) { token errors { code message } }
  }`, { input: { employeeId, ttlSeconds } }, options);
  expect(result.createEmployeeToken.errors).toEqual([]);
  return result.createEmployeeToken.token!;
}

/** The local id inside a global id ("Employee:emp_x" -> "emp_x"), for checking rows in D1. */
export function localId(globalId: string): string {
  return atob(globalId.replace(/-/g, '+').replace(/_/g, '/')).split(':')[1] ?? '';
}

/**
 * A response with the given ids replaced by "ID": the isolation suites compare B's answer for A's
 * id with its answer for an id that never existed, and only the id itself may differ.
 */
export function withIdsMasked(body: unknown, ...ids: string[]): unknown {
  let text = JSON.stringify(body);
  for (const id of ids) text = text.replaceAll(id, 'ID');
  return JSON.parse(text);
}

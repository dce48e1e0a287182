/**
 * Production settings from ENVIRONMENT, each overridable: introspection only for secret keys, no
 * schema hints, no GraphiQL, errors masked. Requests run through Yoga (or the whole Worker) with
 * ENVIRONMENT = production (test/production-fetch.ts).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTenant, employeeToken, gql, PLATFORM_TOKEN } from '../test/helpers.ts';
import { productionFetch, productionGql } from '../test/production-fetch.ts';
import type { Env } from './env.ts';
import { securitySettings } from './security-settings.ts';

const SCHEMA = '{ __schema { queryType { name } } }';
const TYPE = '{ __type(name: "Employee") { fields { name } } }';
const TYPO = '{ employe { id } }';

async function tenantWithToken() {
  const tenant = await createTenant();
  const employeeId = await createEmployee(tenant.admin, { name: 'Intro Spector' });
  return { tenant, token: await employeeToken(tenant.admin, employeeId) };
}

describe('introspection', () => {
  it('in production, answers secret keys of every role', async () => {
    const { tenant } = await tenantWithToken();
    for (const key of [tenant.admin, tenant.manager, tenant.reader]) {
      const result = await productionGql(key, SCHEMA);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
  });

  it('in production, refuses employee tokens and the platform token with 403 FORBIDDEN, __type and fragments included', async () => {
    const { token } = await tenantWithToken();
    const hidden = 'query { viewer { role } ...Types } fragment Types on Query { __schema { types { name } } }';
    for (const [credential, query] of [[token, SCHEMA], [token, TYPE], [token, hidden], [PLATFORM_TOKEN, SCHEMA]] as const) {
      const result = await productionGql(credential, query);
      expect(result.status, query).toBe(403);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.body.errors?.[0]?.message).toContain('secret API keys only');
    }
  });

  it('in production, keeps __typename open to every credential', async () => {
    const { token } = await tenantWithToken();
    const result = await productionGql(token, '{ __typename viewer { role } }');
    expect(result.body).toEqual({ data: { __typename: 'Query', viewer: { role: 'EMPLOYEE' } } });
  });

  it('is open to every verified caller in development and tests, and INTROSPECTION overrides either way', async () => {
    const { tenant, token } = await tenantWithToken();
    expect((await gql(token, SCHEMA)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await productionGql(token, SCHEMA, { overrides: { INTROSPECTION: 'all' } })).status).toBe(200);
    const closed = await productionGql(token, SCHEMA, { overrides: { ENVIRONMENT: 'test', INTROSPECTION: 'secret_keys' } });
    expect(closed.status).toBe(403);
    expect((await productionGql(tenant.reader, SCHEMA, { overrides: { ENVIRONMENT: 'test', INTROSPECTION: 'secret_keys' } })).status).toBe(200);
  });
});

describe('schema hints', () => {
  it('SCHEMA_HINTS=on brings them back in production for a verified key, never for an anonymous caller', async () => {
    const tenant = await createTenant();
    const verified = await productionGql(tenant.reader, TYPO, { overrides: { SCHEMA_HINTS: 'on' } });
    expect(verified.body.errors?.[0]?.message).toContain('Did you mean "employees"?');
    const anonymous = await productionGql(null, TYPO, { overrides: { SCHEMA_HINTS: 'on' } });
    expect(anonymous.body.errors?.[0]?.message).toBe('Cannot query field "employe" on type "Query".');
  });

  it('SCHEMA_HINTS=off removes them in development too', async () => {
    const tenant = await createTenant();
    const result = await productionGql(tenant.reader, TYPO, { overrides: { ENVIRONMENT: 'development', SCHEMA_HINTS: 'off' } });
    expect(result.body.errors?.map((error) => error.message)).toEqual(['Cannot query field "employe" on type "Query".']);
  });
});

describe('GraphiQL', () => {
  const page = (overrides: Partial<Env>) => productionFetch(new Request('http://frontline.test/graphql', { headers: { Accept: 'text/html' } }), overrides);

  it('is not served in production, nor when GRAPHIQL=off', async () => {
    for (const overrides of [{}, { ENVIRONMENT: 'test', GRAPHIQL: 'off' }]) {
      const response = await page(overrides);
      const text = await response.text();
      expect(response.status, JSON.stringify(overrides)).not.toBe(200);
      expect(text).not.toContain('<html');
      expect(text).not.toContain('graphiql');
    }
  });

  it('is served in tests with the default settings', async () => {
    const response = await page({ ENVIRONMENT: 'test' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Frontline GraphiQL');
  });
});

describe('masked errors', () => {
  it('in production, an unexpected failure shows a generic message: no SQL, no stack, no internals', async () => {
    const tenant = await createTenant();
    // A database that fails the way a broken query would, with SQL in its message.
    const failing = new Proxy(env.DB, {
      get: (target, property) =>
        property === 'prepare' ? () => { throw new Error('D1_ERROR: no such column: api_keys.secret_hash at SELECT * FROM api_keys'); } : Reflect.get(target, property, target),
    });
    const result = await productionGql(tenant.reader, '{ viewer { role } }', { overrides: { DB: failing } });
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    const text = JSON.stringify(result.body);
    for (const leak of ['D1_ERROR', 'api_keys', 'SELECT', 'stack', 'originalError', '.ts:']) expect(text).not.toContain(leak);
  });
});

describe('securitySettings', () => {
  it('closes everything in production, opens it in development, and reads a typo as closed', () => {
    expect(securitySettings({ ENVIRONMENT: 'production' })).toEqual({ introspection: 'secret_keys', schemaHints: false, graphiql: false });
    expect(securitySettings({ ENVIRONMENT: 'development' })).toEqual({ introspection: 'all', schemaHints: true, graphiql: true });
    expect(securitySettings({ ENVIRONMENT: 'development', INTROSPECTION: 'everyone', SCHEMA_HINTS: 'yes', GRAPHIQL: 'true' })).toEqual({ introspection: 'secret_keys', schemaHints: false, graphiql: false });
    expect(securitySettings({ ENVIRONMENT: 'production', INTROSPECTION: 'ALL', SCHEMA_HINTS: 'On', GRAPHIQL: 'on' })).toEqual({ introspection: 'all', schemaHints: true, graphiql: true });
  });
});

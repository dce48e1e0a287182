/**
 * Operation limits: the shapes from issue 8 are refused with a 400 and a stable code before any SQL
 * runs, for reader keys and employee tokens; real dashboard queries and GraphiQL stay well inside.
 */
import { exports } from 'cloudflare:workers';
import { getIntrospectionQuery, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/builder.ts';
import { schema } from '../../schema/index.ts';
import { createEmployee, createTeam, createTenant, employeeToken, gql, type GraphQLResponse } from '../../test/helpers.ts';
import { GRAPHIQL_QUERY } from '../graphiql.ts';
import { measureOperation, selectOperation } from './operation-cost.ts';
import { OPERATION_LIMIT_DEFAULTS, operationLimitError } from './operation-limits.ts';
import { productionGql } from '../../test/production-fetch.ts';

const pages = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };

function measure(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  const operation = selectOperation(document, operationName);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables, pages);
}

/** teams → employees → team → employees ... with `hops` relation hops. */
function teamsAndEmployees(hops: number): string {
  let open = '';
  let close = '';
  for (let hop = 0; hop < hops; hop++) {
    const kind = hop % 3;
    if (kind === 0) open += hop === 0 ? 'teams(first: 10) { edges { node { name ' : 'employees(first: 10) { edges { node { name ';
    if (kind === 1) open += 'employees(first: 10) { edges { node { name ';
    if (kind === 2) open += 'team { name ';
    close = (kind === 2 ? '} ' : '} } } ') + close;
  }
  return `{ ${open}${close}}`;
}

function expectRefused(result: GraphQLResponse, code: string): void {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.body.data ?? null).toBeNull();
  expect(result.statements).toBe(0);
}

let credentials: { name: string; value: string }[] = [];

beforeAll(async () => {
  const tenant = await createTenant();
  const team = await createTeam(tenant.admin, 'Counter');
  const agent = await createEmployee(tenant.admin, { name: 'Ada Agent', teamId: team });
  credentials = [
    { name: 'reader key', value: tenant.reader },
    { name: 'employee token', value: await employeeToken(tenant.admin, agent) },
  ];
});

describe('measuring an operation', () => {
  it('multiplies connection rows, nested connections and fragments', () => {
    // 1 (employees) + 1 (totalCount) + 1 (edges) + 100 * (node + name) = 203
    expect(measure('{ employees(first: 100) { totalCount edges { node { name } } } }').cost).toBe(203);
    // Without `first`, the default page (20); variables count with their values or defaults.
    expect(measure('{ employees { edges { node { name } } } }').cost).toBe(2 + 20 * 2);
    expect(measure('query($n: Int) { employees(first: $n) { edges { node { name } } } }', { n: 5 }).cost).toBe(2 + 5 * 2);
    expect(measure('query($n: Int = 50) { employees(first: $n) { edges { node { name } } } }').cost).toBe(2 + 50 * 2);
    // Beyond the maximum page, counted at the maximum (the server refuses larger pages anyway).
    expect(measure('{ employees(first: 100000) { edges { node { name } } } }').cost).toBe(2 + 100 * 2);
    const nested = measure('{ teams(first: 10) { edges { node { employees(first: 10) { edges { node { name } } } } } } }');
    expect(nested.cost).toBe(2 + 10 * (1 + 2 + 10 * 2));
    const viaFragments = measure(`
      { teams(first: 10) { ...T } }
      fragment T on QueryTeamsConnection { edges { node { ... on Team { employees(first: 10) { ...E } } } } }
      fragment E on TeamEmployeesConnection { edges { node { name } } }`);
    expect(viaFragments).toEqual({ ...nested, depth: nested.depth });
  });

  it('counts a fragment bomb without expanding it exponentially', () => {
    let fragments = 'fragment F0 on Query { viewer { role } }\n';
    for (let level = 1; level <= 30; level++) fragments += `fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }\n`;
    // Expanded, this document would be 2^30 selections: measuring it at all shows each fragment is
    // measured once (an exponential walk would not finish within the test's timeout).
    const result = measure(`{ ...F30 }\n${fragments}`);
    expect(result.cost).toBe(2 ** 30 * 2);
  });

  it('keeps GraphiQL, its introspection and the example query well inside the limits', () => {
    const introspection = measure(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(introspection.depth).toBeLessThanOrEqual(OPERATION_LIMIT_DEFAULTS.maxDepth);
    expect(introspection.cost).toBeLessThan(OPERATION_LIMIT_DEFAULTS.maxCost / 10);
    const example = measure(GRAPHIQL_QUERY);
    expect(example.depth).toBeLessThanOrEqual(6);
    expect(example.cost).toBeLessThan(OPERATION_LIMIT_DEFAULTS.maxCost / 10);
  });
});

describe('refusing oversized operations', () => {
  it('refuses 5,000 aliases of employees(first: 100) fast, with no SQL, for keys and tokens', async () => {
    // The selection through a fragment, as an attacker would send it to stay under the body limit.
    const aliases = Array.from({ length: 5000 }, (_, index) => `a${index}:employees(first:100){...E}`).join(' ');
    const query = `{ ${aliases} } fragment E on QueryEmployeesConnection { totalCount edges { node { name } } }`;
    for (const credential of credentials) {
      const result = await gql(credential.value, query);
      expectRefused(result, 'TOO_MANY_TOKENS');
      // Refused before any of it runs: at most authentication's one read, none of the 5,000 connections.
      expect(result.statements, credential.name).toBeLessThanOrEqual(1);
    }
  });

  it('refuses too many aliases within the token limit, and allows a dashboard`s handful', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: viewer { role }`).join(' ')} }`;
    for (const credential of credentials) {
      expectRefused(await gql(credential.value, aliases(OPERATION_LIMIT_DEFAULTS.maxAliases + 1)), 'TOO_MANY_ALIASES');
      const allowed = await gql(credential.value, aliases(10));
      expect(allowed.status).toBe(200);
      expect(allowed.body.errors).toBeUndefined();
    }
  });

  it('answers legacy application/json clients like any validation error: 200 with the code', async () => {
    const [credential] = credentials;
    if (!credential) throw new Error('no credential');
    for (const query of [teamsAndEmployees(12), teamsAndEmployees(40)]) {
      const response = await exports.default.fetch(
        new Request('http://frontline.test/graphql', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${credential.value}` },
          body: JSON.stringify({ query }),
        }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'QUERY_TOO_DEEP' } }] });
    }
  });

  it('refuses teams → employees → team → employees nested 12, 14 and 40 hops deep', async () => {
    for (const credential of credentials) {
      for (const hops of [12, 14, 40]) {
        const result = await gql(credential.value, teamsAndEmployees(hops));
        expect(result.status, `${credential.name}, ${hops} hops`).toBe(400);
        expect(['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX']).toContain(result.body.errors?.[0]?.extensions?.code);
        expect(result.statements).toBe(0);
      }
    }
  });

  it('refuses by cost what depth allows: three nested pages of 100', async () => {
    const query = '{ teams(first: 100) { edges { node { employees(first: 100) { edges { node { team { employees(first: 100) { edges { node { name } } } } } } } } } } }';
    expect(measure(query).depth).toBeLessThanOrEqual(OPERATION_LIMIT_DEFAULTS.maxDepth);
    for (const credential of credentials) expectRefused(await gql(credential.value, query), 'QUERY_TOO_COMPLEX');
    // The same document with a small page passes: the verdict depends on variables and is not cached.
    const withVariables = 'query($n: Int) { teams(first: $n) { edges { node { employees(first: $n) { edges { node { team { employees(first: $n) { edges { node { name } } } } } } } } } } }';
    const [credential] = credentials;
    if (!credential) throw new Error('no credential');
    const small = await gql(credential.value, withVariables, { n: 5 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expectRefused(await gql(credential.value, withVariables, { n: 100 }), 'QUERY_TOO_COMPLEX');
  });

  it('answers `{ viewer { tenant {` 5,000 deep with a 400, not a parser stack overflow', async () => {
    const query = `${'{ viewer { tenant '.repeat(2500)}${'} } '.repeat(2500)}`;
    for (const credential of [...credentials, { name: 'anonymous', value: '' }]) {
      const result = await gql(credential.value || null, query);
      expectRefused(result, 'QUERY_TOO_DEEP');
    }
  });

  it('answers a list value nested 5,000 deep with a 400', async () => {
    const query = `{ nodes(ids: ${'['.repeat(5000)}${']'.repeat(5000)}) { id } }`;
    for (const credential of credentials) expectRefused(await gql(credential.value, query), 'VALUE_TOO_DEEP');
  });

  it('cannot be bypassed by naming the operation or a fragment __schema', async () => {
    const deep = (inner: string) => `${'employees(first: 1) { edges { node { team { '.repeat(5)}${inner}${' } } } }'.repeat(5)}`;
    const shapes = [
      `query __schema { ${deep('name')} }`,
      `query Q { ...__schema } fragment __schema on Query { ${deep('name')} }`,
      `query __schema { __schema { types { name } } ${deep('name')} }`,
      `query Q { __typename ${deep('__typename')} }`,
    ];
    for (const query of shapes) {
      expect(measure(query).depth, query).toBeGreaterThan(OPERATION_LIMIT_DEFAULTS.maxDepth);
      for (const credential of credentials) expectRefused(await gql(credential.value, query), 'QUERY_TOO_DEEP');
    }
  });

  it('counts introspection toward depth', async () => {
    const query = `{ __schema { types { ${'fields { type { '.repeat(10)}name${' } }'.repeat(10)} } } }`;
    const [credential] = credentials;
    if (!credential) throw new Error('no credential');
    expectRefused(await gql(credential.value, query), 'QUERY_TOO_DEEP');
  });

  it('names the limit and, locally, its value', async () => {
    const [credential] = credentials;
    if (!credential) throw new Error('no credential');
    const result = await gql(credential.value, teamsAndEmployees(12));
    expect(result.body.errors?.[0]?.message).toMatch(/maximum depth\): \d+ > 20\./);
  });

  it('in production names the limit without its value', async () => {
    const [credential] = credentials;
    if (!credential) throw new Error('no credential');
    const answer = await productionGql(credential.value, teamsAndEmployees(12));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(answer.body.errors?.[0]?.message).toContain('maximum depth');
    expect(answer.body.errors?.[0]?.message).not.toMatch(/\d/);

    const error = operationLimitError('QUERY_TOO_COMPLEX', 123456, 50000, false);
    expect(error.message).toContain('maximum cost');
    expect(error.message).not.toMatch(/\d/);
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', http: { status: 400, spec: true } });
  });
});

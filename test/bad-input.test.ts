/** Bad input gets a clear 4xx or a typed error, never a 500, a stack trace or SQL, and writes nothing. */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, data, gql, localId, type TestTenant, type UserErrorCode } from './helpers.ts';

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant();
});

async function raw(init: RequestInit & { path?: string }) {
  const headers = new Headers(init.headers);
  if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${tenant.admin}`);
  const response = await exports.default.fetch(new Request(`http://frontline.test${init.path ?? '/graphql'}`, { ...init, headers }));
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

/** Nothing a client sees may show internals. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|SQLITE|D1_ERROR|select |insert into|Failed query/i);
}

describe('bad HTTP requests', () => {
  it('malformed JSON is a 400 with a GraphQL error', async () => {
    const result = await raw({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query": "{ viewer { role } }"' });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.text).errors[0].message).toMatch(/JSON/i);
    expectNoInternals(result.text);
  });

  it('a wrong content type is refused with a 4xx', async () => {
    const result = await raw({ method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'a,b,c' });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expectNoInternals(result.text);
  });

  it('a mutation over GET is refused with 405', async () => {
    const result = await raw({ method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { createTeam(input: { name: "x" }) { team { id } } }')}` });
    expect(result.status).toBe(405);
  });

  it('queries work over GET', async () => {
    const result = await raw({ method: 'GET', path: `/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, headers: { Accept: 'application/graphql-response+json' } });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    expect(result.headers.get('Content-Type')).toContain('application/graphql-response+json');
  });

  it('an oversized body is a 413 before anything runs', async () => {
    const body = JSON.stringify({ query: `{ viewer { role } } # ${'x'.repeat(300_000)}` });
    const result = await raw({ method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, body });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown paths are a JSON 404', async () => {
    const result = await raw({ method: 'GET', path: '/admin' });
    expect(result.status).toBe(404);
    expect(JSON.parse(result.text).errors[0].message).toContain('/graphql');
  });
});

describe('bad GraphQL', () => {
  it('an unknown field is a validation error naming it', async () => {
    const result = await gql(tenant.admin, '{ employees(first: 5) { edges { node { salary } } } }');
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toContain('Cannot query field "salary" on type "Employee"');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('an invalid global ID is INVALID_ID', async () => {
    for (const id of ['!!!', 'bm90LWFuLWlk', '']) {
      const result = await gql(tenant.admin, 'query($id: ID!) { node(id: $id) { id } }', { id });
      expect(result.body.errors?.[0]?.extensions?.code, id).toBe('INVALID_ID');
      expect(result.body.errors?.[0]?.message).toContain('is not a valid ID');
      expectNoInternals(JSON.stringify(result.body));
    }
  });

  it('an invalid ID inside a mutation input is a VALIDATION error on that field', async () => {
    const result = await data<{ updateEmployee: { employee: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, 'mutation { updateEmployee(input: { id: "%%%", name: "x" }) { employee { id } errors { code path message } } }');
    expect(result.updateEmployee.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'id'], message: 'This is not a valid Employee id. Use an id returned by this API.' },
    ]);
  });

  it('a malformed date is a clear error that shows the expected format', async () => {
    const result = await gql(tenant.admin, 'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } } }', {
      input: { name: 'A', email: 'a@example.com', role: 'AGENT', hiredAt: '31/12/2023' },
    });
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toContain('YYYY-MM-DD');
    const feb30 = await gql(tenant.admin, 'mutation { createEmployee(input: { name: "A", email: "a@example.com", role: AGENT, hiredAt: "2023-02-30" }) { employee { id } } }');
    expect(feb30.body.errors?.[0]?.message).toContain('real calendar day');
  });

  it('over-long strings are VALIDATION errors on the field and nothing is written', async () => {
    const long = 'x'.repeat(10_000);
    const employee = await data<{ createEmployee: { employee: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, 'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } errors { code path message } } }', {
      input: { name: long, email: `${long}@example.com`, role: 'AGENT', hiredAt: '2024-01-01' },
    });
    expect(employee.createEmployee.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'name'], message: 'Names are at most 120 characters.' },
      { code: 'VALIDATION', path: ['input', 'email'], message: 'Email addresses are at most 254 characters.' },
    ]);
    const team = await data<{ createTeam: { team: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } errors { code path message } } }', {
      input: { name: 'Fine', description: long },
    });
    expect(team.createTeam.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'description'], message: 'Descriptions are at most 2000 characters.' }]);
    const search = await gql(tenant.admin, `{ employees(first: 5, filter: { search: "${'y'.repeat(101)}" }) { edges { node { id } } } }`);
    expect(search.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const tenantId = localId(tenant.id);
    const counts = await env.DB.prepare('SELECT (SELECT count(*) FROM employees WHERE tenant_id = ?1) AS e, (SELECT count(*) FROM teams WHERE tenant_id = ?1) AS t').bind(tenantId).first();
    expect(counts).toEqual({ e: 0, t: 0 });
  });

  it('a blank update field is refused rather than stored', async () => {
    const team = await data<{ createTeam: { team: { id: string } | null } }>(tenant.admin, 'mutation { createTeam(input: { name: "Blank Test" }) { team { id } } }');
    const result = await data<{ updateTeam: { team: { name: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, 'mutation($id: ID!) { updateTeam(input: { id: $id, name: "   " }) { team { name } errors { code path message } } }', { id: team.createTeam.team!.id });
    expect(result.updateTeam).toEqual({ team: null, errors: [{ code: 'VALIDATION', path: ['input', 'name'], message: 'Enter a team name.' }] });
  });
});

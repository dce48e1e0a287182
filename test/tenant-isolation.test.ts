/**
 * Tenant isolation: for tenant B, every id of tenant A must be indistinguishable from an id that
 * does not exist — through node, nodes, every mutation and every list and count. Extend this suite
 * with every new type.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../schema/global-ids.ts';
import { createEmployee, createTeam, createTenant, data, gql, localId, type TestTenant, withIdsMasked } from './helpers.ts';

let a: TestTenant;
let b: TestTenant;
const ids: Record<string, string> = {};

/** Ids that never existed, of each type, to compare against. */
const ghosts = {
  Employee: encodeId('Employee', 'emp_doesnotexist0000000000'),
  Team: encodeId('Team', 'team_doesnotexist000000000'),
  ApiKey: encodeId('ApiKey', 'key_doesnotexist0000000000'),
  Tenant: encodeId('Tenant', 'ten_doesnotexist0000000000'),
};

beforeAll(async () => {
  a = await createTenant('Alpha Isolation Ltd');
  b = await createTenant('Beta Isolation Ltd');
  ids.Team = await createTeam(a.admin, 'Alpha Team');
  ids.Employee = await createEmployee(a.admin, { name: 'Alpha Person', teamId: ids.Team, email: 'shared@example.com' });
  const key = await data<{ createApiKey: { apiKey: { id: string } | null } }>(a.admin, 'mutation { createApiKey(input: { name: "alpha key", role: READER }) { apiKey { id } } }');
  ids.ApiKey = key.createApiKey.apiKey!.id;
  ids.Tenant = a.id;
  // B has data of its own, so "empty" is not the trivial answer.
  await createEmployee(b.admin, { name: 'Beta Person', teamId: await createTeam(b.admin, 'Beta Team') });
});

describe('tenant isolation', () => {
  it('node and nodes answer for A ids exactly as for ids that do not exist', async () => {
    for (const [type, ghost] of Object.entries(ghosts)) {
      const id = ids[type]!;
      const query = 'query($id: ID!) { node(id: $id) { id } }';
      type QueryResult = { node: { id: string } | null };
      const real = await gql(b.admin, query, { id });
      const missing = await gql(b.admin, query, { id: ghost });
      expect(real.body, type).toEqual({ data: { node: null } });
      expect(withIdsMasked(real.body, id, ghost)).toEqual(withIdsMasked(missing.body, id, ghost));
      expect(real.statements, type).toBe(missing.statements);
      // ...while A itself can load its Employee and Team.
      if (type === 'Employee' || type === 'Team') expect((await data<QueryResult>(a.reader, query, { id })).node).toEqual({ id });

      const many = await gql(b.reader, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id, ghost] });
      expect(many.body).toEqual({ data: { nodes: [null, null] } });
    }
  });

  it('lists and counts of B never include A rows', async () => {
    const result = await data<{ employees: { totalCount: number; edges: { node: { id: string; name: string; email: string; team: { id: string } | null } }[] }; teams: { totalCount: number; edges: { node: { id: string; name: string; memberCount: number; employees: { totalCount: number } } }[] }; apiKeys: { totalCount: number; edges: { node: { id: string; name: string } }[] }; searched: { totalCount: number }; byTeam: { totalCount: number; edges: { node: { id: string } }[] }; viewer: { tenant: { id: string; name: string } | null } }>(b.admin, `{
      employees(first: 100) { totalCount edges { node { id name email team { id } } } }
      teams(first: 100) { totalCount edges { node { id name memberCount employees(first: 100) { totalCount } } } }
      apiKeys(first: 100) { totalCount edges { node { id name } } }
      searched: employees(first: 100, filter: { search: "Alpha" }) { totalCount }
      byTeam: employees(first: 100, filter: { teamId: "${ids.Team}" }) { totalCount edges { node { id } } }
      viewer { tenant { id name } }
    }`);
    const text = JSON.stringify(result);
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(text).not.toContain('Alpha');
    expect(result.employees.totalCount).toBe(1);
    expect(result.teams.totalCount).toBe(1);
    expect(result.apiKeys.totalCount).toBe(3);
    expect(result.searched.totalCount).toBe(0);
    expect(result.byTeam).toEqual({ totalCount: 0, edges: [] });
    expect(result.viewer.tenant!.name).toBe('Beta Isolation Ltd');
  });

  it('every mutation treats an A id like an id that does not exist, and changes nothing', async () => {
    const before = await env.DB.prepare('SELECT * FROM employees WHERE name = ?').bind('Alpha Person').first();
    // B's own employee, for the attempt to move it into A's team.
    const bEmployee = (await data<{ employees: { edges: { node: { id: string } }[] } }>(b.admin, '{ employees(first: 1) { edges { node { id } } } }')).employees.edges[0]!.node.id;
    const attempts: { type: keyof typeof ghosts; mutation: string; variables: (id: string) => Record<string, unknown> }[] = [
      { type: 'Employee', mutation: 'updateEmployee(input: $input) { employee { id } errors { code path message } }', variables: (id) => ({ id, name: 'Hijacked' }) },
      { type: 'Employee', mutation: 'deactivateEmployee(input: $input) { employee { id } errors { code path message } }', variables: (id) => ({ id }) },
      { type: 'Team', mutation: 'updateTeam(input: $input) { team { id } errors { code path message } }', variables: (id) => ({ id, name: 'Hijacked' }) },
      { type: 'Team', mutation: 'deactivateTeam(input: $input) { team { id } errors { code path message } }', variables: (id) => ({ id }) },
      { type: 'ApiKey', mutation: 'revokeApiKey(input: $input) { apiKey { id } errors { code path message } }', variables: (id) => ({ id }) },
      { type: 'Employee', mutation: 'createEmployeeToken(input: $input) { token errors { code path message } }', variables: (id) => ({ employeeId: id }) },
      {
        type: 'Team',
        mutation: 'createEmployee(input: $input) { employee { id } errors { code path message } }',
        variables: (id) => ({ name: 'X', email: 'x.crossed@example.com', role: 'AGENT', hiredAt: '2024-01-01', teamId: id }),
      },
      { type: 'Team', mutation: 'updateEmployee(input: $input) { employee { id } errors { code path message } }', variables: (id) => ({ id: bEmployee, teamId: id }) },
    ];
    const inputType = (mutation: string) => `${mutation[0]!.toUpperCase()}${mutation.slice(1, mutation.indexOf('('))}Input!`;
    for (const { type, mutation, variables } of attempts) {
      const operation = `mutation($input: ${inputType(mutation)}) { ${mutation} }`;
      const real = await gql(b.admin, operation, { input: variables(ids[type]!) });
      const missing = await gql(b.admin, operation, { input: variables(ghosts[type]) });
      expect(real.body.errors, mutation).toBeUndefined();
      const payload = Object.values(real.body.data ?? {})[0] as { errors: { code: string }[] };
      expect(payload.errors[0]?.code, mutation).toBe('NOT_FOUND');
      expect(withIdsMasked(real.body, ids[type]!, ghosts[type]), mutation).toEqual(withIdsMasked(missing.body, ids[type]!, ghosts[type]));
    }
    const after = await env.DB.prepare('SELECT * FROM employees WHERE name = ?').bind('Alpha Person').first();
    expect(after).toEqual(before);
    const key = await env.DB.prepare("SELECT revoked_at FROM api_keys WHERE name = 'alpha key'").first();
    expect(key?.revoked_at).toBeNull();
    expect((await env.DB.prepare("SELECT count(*) AS n FROM teams WHERE name = 'Hijacked'").first<{ n: number }>())?.n).toBe(0);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM employees WHERE email = 'x.crossed@example.com'").first<{ n: number }>())?.n).toBe(0);
  });

  it('an employee token of A sees only A', async () => {
    const minted = await data<{ createEmployeeToken: { token: string | null } }>(a.manager, 'mutation($id: ID!) { createEmployeeToken(input: { employeeId: $id }) { token } }', { id: ids.Employee });
    const token = minted.createEmployeeToken.token;
    const bEmployee = (await data<{ employees: { edges: { node: { id: string } }[] } }>(b.admin, '{ employees(first: 1) { edges { node { id } } } }')).employees.edges[0]!.node.id;
    expect((await data<{ node: { id: string } | null }>(token!, 'query($id: ID!) { node(id: $id) { id } }', { id: bEmployee })).node).toBeNull();
    const list = await data<{ employees: { totalCount: number; edges: { node: { name: string } }[] } }>(token!, '{ employees(first: 100) { totalCount edges { node { name } } } }');
    expect(list.employees.edges.map((edge) => edge.node.name)).toEqual(['Alpha Person']);
  });

  it('the same email may exist in two tenants without either seeing the other', async () => {
    await createEmployee(b.admin, { name: 'Beta Shared', email: 'shared@example.com' });
    const search = await data<{ employees: { edges: { node: { name: string } }[] } }>(b.reader, '{ employees(first: 10, filter: { search: "shared@" }) { edges { node { name } } } }');
    expect(search.employees.edges).toEqual([{ node: { name: 'Beta Shared' } }]);
  });

  it('the database refuses a row that points at another tenant', async () => {
    const teamOfA = localId(ids.Team!);
    const tenantOfB = localId(b.id);
    const insert = env.DB.prepare(
      "INSERT INTO employees (id, tenant_id, team_id, name, email, role, hired_at, created_at, updated_at) VALUES ('emp_crossed', ?, ?, 'Crossed', 'c@example.com', 'agent', '2024-01-01', 0, 0)",
    ).bind(tenantOfB, teamOfA);
    await expect(insert.run()).rejects.toThrow(/FOREIGN KEY/);
  });
});

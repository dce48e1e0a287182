/**
 * No N+1: nested selections are planned into few SQL statements. The Worker reports the count of
 * statements an operation ran in the local-only X-Frontline-Statements header.
 */
import { describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, gql } from './helpers.ts';

describe('SQL statements per operation', () => {
  it('employees(first: 100) with each team is authentication plus at most 2 statements', async () => {
    const tenant = await createTenant();
    const teams = await Promise.all(['A', 'B', 'C', 'D'].map((name) => createTeam(tenant.admin, `Team ${name}`)));
    for (let i = 0; i < 24; i++) await createEmployee(tenant.admin, { name: `Person ${i}`, teamId: teams[i % teams.length] });

    const result = await gql<{ employees: { edges: { node: { name: string; team: { name: string } | null } }[] } }>(tenant.reader, '{ employees(first: 100) { edges { node { name team { name } } } } }');
    const edges = result.body.data!.employees.edges;
    expect(edges).toHaveLength(24);
    expect(edges.every((edge) => edge.node.team!.name.startsWith('Team '))).toBe(true);
    expect(result.statements).toBeGreaterThan(0);
    expect(result.statements).toBeLessThanOrEqual(3);
  });

  it('teams with their members and counts stay a constant number of statements as teams grow', async () => {
    const tenant = await createTenant();
    const query = '{ teams(first: 50) { totalCount edges { node { name memberCount employees(first: 5) { totalCount edges { node { name team { name } } } } } } } }';
    type QueryResult = { teams: { totalCount: number; edges: { node: { name: string; memberCount: number; employees: { totalCount: number; edges: { node: { name: string; team: { name: string } | null } }[] } } }[] } };
    const addTeams = async (names: string[]) => {
      for (const name of names) {
        const team = await createTeam(tenant.admin, name);
        for (let i = 0; i < 3; i++) await createEmployee(tenant.admin, { name: `${name} ${i}`, teamId: team });
      }
    };
    await addTeams(['North', 'South', 'East']);
    const small = await gql<QueryResult>(tenant.reader, query);
    await addTeams(['West', 'Central', 'Harbour']);
    const large = await gql<QueryResult>(tenant.reader, query);
    expect(small.body.data!.teams.edges).toHaveLength(3);
    expect(large.body.data!.teams.edges).toHaveLength(6);
    expect(large.body.data!.teams.edges[0]!.node.employees.totalCount).toBe(3);
    // The page with nested members and counts, teams.totalCount, and the members' totalCount.
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);
  });
});

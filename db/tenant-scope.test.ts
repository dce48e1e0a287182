import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTeam, createTenant, localId, TEST_NOW } from '../test/helpers.ts';
import { createDatabase } from './client.ts';
import { teams } from '../features/people/tables.ts';
import { TenantScope } from './tenant-scope.ts';

async function twoTenantsWithTeams() {
  const a = await createTenant();
  const b = await createTenant();
  await createTeam(a.admin, 'Alpha');
  await createTeam(a.admin, 'Another');
  await createTeam(b.admin, 'Beta');
  return { scope: new TenantScope(createDatabase(env.DB), localId(a.id), TEST_NOW), other: localId(b.id) };
}

describe('TenantScope', () => {
  it('db offers tenant-filtered relational reads and nothing else, also at run time', async () => {
    const { scope } = await twoTenantsWithTeams();
    expect((await scope.db.query.teams.findMany({ orderBy: { name: 'asc' } })).map((team) => team.name)).toEqual(['Alpha', 'Another']);
    // @ts-expect-error the raw client's writes are not part of TenantScope.db
    expect(() => scope.db.insert(teams)).toThrow(/only tenant-filtered relational reads/);
    for (const method of ['insert', 'update', 'delete', 'select', 'run', 'all', 'get', 'batch', '$count']) {
      expect(() => Reflect.get(scope.db, method), method).toThrow(`instead of db.${method}`);
    }
  });

  it('select().from() reads only the tenant\'s rows, whatever the conditions say', async () => {
    const { scope, other } = await twoTenantsWithTeams();
    const names = await scope.select({ name: teams.name }).from(teams).orderBy(teams.name);
    expect(names.map((row) => row.name)).toEqual(['Alpha', 'Another']);
    // A condition naming the other tenant adds to the filter; it cannot replace it.
    expect(await scope.select({ name: teams.name }).from(teams, eq(teams.tenantId, other))).toEqual([]);
    expect(await scope.select({ name: teams.name }).from(teams, sql`1 = 1 OR 1 = 1`).orderBy(teams.name)).toEqual([{ name: 'Alpha' }, { name: 'Another' }]);
    // The WHERE is the tenant filter already: replacing it does not compile.
    // @ts-expect-error where() is not offered after from()
    const replaceFilter = () => scope.select({ name: teams.name }).from(teams).where(sql`1 = 1`);
    expect(typeof replaceFilter).toBe('function');
  });

  it('deleteWhere and count stay within the tenant', async () => {
    const { scope, other } = await twoTenantsWithTeams();
    const otherScope = new TenantScope(createDatabase(env.DB), other, TEST_NOW);
    await scope.deleteWhere(teams, sql`1 = 1`);
    expect(await scope.count(teams)).toBe(0);
    expect(await otherScope.count(teams)).toBe(1);
  });
});

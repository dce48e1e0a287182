/** The local demo seed: two tenants in different trades, documented keys, safe to run twice. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { data } from './helpers.ts';

describe('demo seed', () => {
  it('creates two tenants with 4+ teams and 20+ employees, reachable with the documented keys', async () => {
    const db = createDatabase(env.DB);
    await seedDemo(db);
    await seedDemo(db); // the second run changes nothing
    for (const [slug, name] of [['brewline', 'Brewline Coffee'], ['voltmart', 'Voltmart Appliances']] as const) {
      for (const role of ['admin', 'manager', 'reader'] as const) {
        const result = await data(`fl_sk_dev_${slug}_${role}`, '{ viewer { role tenant { name } } }');
        expect(result.viewer).toEqual({ role: role.toUpperCase(), tenant: { name } });
      }
      const directory = await data(`fl_sk_dev_${slug}_reader`, '{ teams { totalCount } employees(first: 100) { totalCount edges { node { email role hiredAt } } } }');
      expect(directory.teams.totalCount).toBeGreaterThanOrEqual(4);
      expect(directory.employees.totalCount).toBeGreaterThanOrEqual(20);
      const roles = new Set(directory.employees.edges.map((edge: any) => edge.node.role));
      expect([...roles].sort()).toEqual(['AGENT', 'DIRECTOR', 'LEAD', 'MANAGER']);
      expect(directory.employees.edges.every((edge: any) => /^[a-z.]+@[a-z]+\.example$/.test(edge.node.email))).toBe(true);
    }
    const tenants = await env.DB.prepare("SELECT count(*) AS n FROM tenants WHERE slug IN ('brewline', 'voltmart')").first<{ n: number }>();
    expect(tenants?.n).toBe(2);
  });
});

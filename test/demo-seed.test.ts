/** The local demo seed: two tenants in different trades, documented keys, safe to run twice. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { data, TEST_NOW } from './helpers.ts';

describe('demo seed', () => {
  it('creates two tenants with 4+ teams and 20+ employees, reachable with the documented keys', async () => {
    const db = createDatabase(env.DB);
    await seedDemo(db, TEST_NOW);
    const rowsAfterFirst = await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f').first();
    await seedDemo(db, new Date(TEST_NOW.getTime() + 86_400_000)); // a later start adds nothing
    expect(await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f').first()).toEqual(rowsAfterFirst);
    for (const [slug, name] of [['brewline', 'Brewline Coffee'], ['voltmart', 'Voltmart Appliances']] as const) {
      for (const role of ['admin', 'manager', 'reader'] as const) {
        const result = await data<{ viewer: { role: 'ADMIN' | 'EMPLOYEE' | 'MANAGER' | 'PLATFORM' | 'PUBLISHABLE' | 'READER'; tenant: { name: string } | null } }>(`fl_sk_dev_${slug}_${role}`, '{ viewer { role tenant { name } } }');
        expect(result.viewer).toEqual({ role: role.toUpperCase(), tenant: { name } });
      }
      const directory = await data<{ teams: { totalCount: number }; employees: { totalCount: number; edges: { node: { email: string; role: 'AGENT' | 'DIRECTOR' | 'LEAD' | 'MANAGER'; hiredAt: string } }[] } }>(`fl_sk_dev_${slug}_reader`, '{ teams { totalCount } employees(first: 100) { totalCount edges { node { email role hiredAt } } } }');
      expect(directory.teams.totalCount).toBeGreaterThanOrEqual(4);
      expect(directory.employees.totalCount).toBeGreaterThanOrEqual(20);
      const roles = new Set(directory.employees.edges.map((edge) => edge.node.role));
      expect([...roles].sort()).toEqual(['AGENT', 'DIRECTOR', 'LEAD', 'MANAGER']);
      expect(directory.employees.edges.every((edge) => /^[a-z.]+@[a-z]+\.example$/.test(edge.node.email))).toBe(true);
    }
    // A quarter of customer voice that shows something real right away.
    const voice = await data<{ surveyCalls: { totalCount: number; edges: { node: { answers: { answer: string }[]; mentions: { body: string; employee: { name: string } | null }[] } }[] }; complaintTrends: { theme: string; count: number; previousCount: number }[]; viewer: { tenant: { voice: { callCount: number; averageSatisfaction: number | null; nps: number | null; praiseCount: number; complaintCount: number; topPraise: { body: string; call: { id: string } | null }[] } } | null } }>('fl_sk_dev_brewline_reader', `{
      surveyCalls(first: 1) { totalCount edges { node { answers { answer } mentions { body employee { name } } } } }
      complaintTrends(granularity: WEEK) { theme count previousCount }
      viewer { tenant { voice { callCount averageSatisfaction nps praiseCount complaintCount topPraise { body call { id } } } } }
    }`);
    expect(voice.surveyCalls.totalCount).toBeGreaterThanOrEqual(100);
    expect(voice.complaintTrends.length).toBeGreaterThan(5);
    expect(voice.complaintTrends.some((trend) => trend.theme === 'Waiting time')).toBe(true);
    const summary = voice.viewer.tenant!.voice;
    expect(summary.callCount).toBeGreaterThan(50);
    expect(summary.averageSatisfaction).toBeGreaterThan(2.5);
    expect(summary.topPraise).toHaveLength(3);
    expect(summary.topPraise.every((quote) => quote.call!.id)).toBe(true);
    const tenants = await env.DB.prepare("SELECT count(*) AS n FROM tenants WHERE slug IN ('brewline', 'voltmart')").first<{ n: number }>();
    expect(tenants?.n).toBe(2);
  });
});

describe('demo seed across capabilities', () => {
  it('links budget spends to complaints about the same employee', async () => {
    await seedDemo(createDatabase(env.DB));
    const spends = await env.DB.prepare(
      "SELECT s.employee_id AS spender, f.employee_id AS about, f.kind FROM budget_spends s JOIN feedback f ON f.tenant_id = s.tenant_id AND f.id = s.feedback_id WHERE s.id LIKE 'spd_demo_%'",
    ).all<{ spender: string; about: string; kind: string }>();
    expect(spends.results.length).toBeGreaterThan(3);
    expect(spends.results.every((row) => row.spender === row.about && row.kind === 'complaint')).toBe(true);
  });
});

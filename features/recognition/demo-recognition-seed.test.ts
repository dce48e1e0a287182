/** The demo seed's recognition, rewards, ledgers and budgets: consistent, visible, safe to run twice. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { demoMonth } from '../../db/seed/demo-recognition.ts';
import { data, TEST_NOW } from '../../test/helpers.ts';

describe('demo recognition seed', () => {
  it('seeds a consistent feed, programs, rewards, ledgers and budgets for both tenants, idempotently', async () => {
    const db = createDatabase(env.DB);
    const month = demoMonth(new Date(TEST_NOW)).key;
    await seedDemo(db, TEST_NOW);
    const count = async () => (await env.DB.prepare('SELECT (SELECT count(*) FROM recognitions) + (SELECT count(*) FROM points_entries) + (SELECT count(*) FROM budget_spends) AS n').first<{ n: number }>())!.n;
    const once = await count();
    await seedDemo(db, TEST_NOW);
    expect(await count()).toBe(once);
    for (const slug of ['brewline', 'voltmart']) {
      const view = await data<{ recognitions: { totalCount: number; edges: { node: { value: string; giver: { name: string }; recipients: { employee: { name: string } }[] } }[] }; incentivePrograms: { totalCount: number; edges: { node: { name: string; progress: { periodKey: string } } }[] }; rewards: { edges: { node: { title: string; voteCount: number; status: 'APPROVED' | 'PROPOSED' | 'RETIRED' } }[] }; redemptions: { totalCount: number }; employees: { edges: { node: { pointsBalance: number } }[] }; empowermentBudgets: { totalCount: number }; budgetOutcomes: { spendCount: number }[] }>(`fl_sk_dev_${slug}_manager`, `{
        recognitions(first: 50) { totalCount edges { node { value giver { name } recipients { employee { name } } } } }
        incentivePrograms(first: 10) { totalCount edges { node { name progress { periodKey } } } }
        rewards(first: 10) { edges { node { title voteCount status } } }
        redemptions(first: 10) { totalCount }
        employees(first: 100) { edges { node { pointsBalance } } }
        empowermentBudgets(first: 50, filter: { periodKey: "${month}" }) { totalCount }
        budgetOutcomes(periodKey: "${month}") { spendCount }
      }`);
      expect(view.recognitions.totalCount).toBeGreaterThanOrEqual(7);
      expect(view.recognitions.edges.every((edge) => edge.node.recipients.length > 0)).toBe(true);
      expect(view.incentivePrograms.totalCount).toBe(3);
      expect(view.rewards.edges[0]!.node.voteCount).toBeGreaterThan(view.rewards.edges.at(-1)!.node.voteCount);
      expect(view.redemptions.totalCount).toBe(3);
      expect(view.employees.edges.every((edge) => edge.node.pointsBalance >= 0)).toBe(true);
      expect(view.empowermentBudgets.totalCount).toBeGreaterThanOrEqual(5);
      expect(view.budgetOutcomes.reduce((sum, row) => sum + row.spendCount, 0)).toBeGreaterThanOrEqual(4);
    }
    // Stored vote counts agree with the votes; every ledger prefix is non-negative.
    const drift = await env.DB.prepare("SELECT r.id FROM rewards r WHERE r.id LIKE 'rwd_demo_%' AND r.vote_count <> (SELECT count(*) FROM reward_votes v WHERE v.reward_id = r.id)").all();
    expect(drift.results).toEqual([]);
    const rows = await env.DB.prepare("SELECT employee_id, delta FROM points_entries WHERE id LIKE 'pts_demo_%' ORDER BY employee_id, created_at, id").all<{ employee_id: string; delta: number }>();
    const running = new Map<string, number>();
    for (const row of rows.results) {
      running.set(row.employee_id, (running.get(row.employee_id) ?? 0) + row.delta);
      expect(running.get(row.employee_id)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('demo month', () => {
  it('is the latest month whose first 20 days have passed', () => {
    expect(demoMonth(new Date('2026-11-22T12:00:00Z')).key).toBe('2026-11');
    expect(demoMonth(new Date('2026-12-05T12:00:00Z')).key).toBe('2026-11');
    const march = demoMonth(new Date('2027-03-21T12:00:00Z'));
    expect(march.key).toBe('2027-03');
    expect(march.day(20).getTime()).toBeLessThan(new Date('2027-03-21T12:00:00Z').getTime());
  });
});

/** No N+1 in the recognition, rewards, ledger and budget lists: statements stay constant as rows grow. */
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { env } from 'cloudflare:workers';
import { gql } from '../../test/helpers.ts';

describe('SQL statements per operation (recognition and rewards)', () => {
  it('lists with nested relations and computed balances are a small constant number of statements', async () => {
    await seedDemo(createDatabase(env.DB));
    const key = 'fl_sk_dev_brewline_manager';
    const queries = [
      '{ employees(first: 100) { edges { node { name pointsBalance givingAllowance { allowance given remaining } } } } }',
      '{ rewards(first: 50) { totalCount edges { node { title voteCount proposedBy { name team { name } } } } } }',
      '{ redemptions(first: 50) { totalCount edges { node { status cost reward { title } employee { name } } } } }',
      '{ pointsEntries(first: 100) { totalCount edges { node { kind delta employee { name } recognition { value } redemption { status } } } } }',
    ];
    // The page with nested spends and their counts, and the page's totalCount.
    const budgets = await gql<{ empowermentBudgets: { totalCount: number; edges: { node: { makeItRightSpent: number; makeItRightRemaining: number; kindnessUsed: number; employee: { name: string }; spends: { totalCount: number; edges: { node: { amount: number; outcome: 'PENDING' | 'RESOLVED' | 'UNRESOLVED' } }[] } } }[] } }>(key, '{ empowermentBudgets(first: 50) { totalCount edges { node { makeItRightSpent makeItRightRemaining kindnessUsed employee { name } spends(first: 10) { totalCount edges { node { amount outcome } } } } } } }');
    expect(budgets.body.data!.empowermentBudgets.totalCount).toBeGreaterThanOrEqual(5);
    expect(budgets.statements).toBeLessThanOrEqual(4);
    for (const query of queries) {
      const result = await gql(key, query);
      expect(result.body.errors, query).toBeUndefined();
      expect(result.statements, query).toBeGreaterThan(0);
      expect(result.statements, query).toBeLessThanOrEqual(3);
    }
  });
});

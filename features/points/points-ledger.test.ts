/**
 * The points ledger through the real API and D1, with fast-check: random sequences of awards
 * (adjustments), redemptions (requested, some at once) and refunds (cancellations) keep every
 * balance equal to the sum of its entries and never below zero.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, localId, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
const employees: string[] = [];
const tokens: string[] = [];
const rewards: { id: string; cost: number }[] = [];

beforeAll(async () => {
  tenant = await createTenant();
  for (const name of ['Ada', 'Bo']) {
    const id = await createEmployee(tenant.admin, { name });
    employees.push(id);
    tokens.push(await employeeToken(tenant.manager, id));
  }
  for (const cost of [15, 40]) {
    const proposed = await data<{ proposeReward: { reward: { id: string } | null } }>(tokens[0]!, 'mutation($c: Int!) { proposeReward(input: { title: "R", kind: GIFT, cost: $c }) { reward { id } } }', { c: cost });
    const id = proposed.proposeReward.reward!.id;
    await data<{ approveReward: { errors: { message: string }[] } }>(tenant.manager, 'mutation($id: ID!) { approveReward(input: { rewardId: $id }) { errors { message } } }', { id });
    rewards.push({ id, cost });
  }
});

type Op =
  | { type: 'adjust'; who: number; points: number }
  | { type: 'redeem'; who: number; reward: number; parallel: number }
  | { type: 'cancel'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('adjust' as const), who: fc.integer({ min: 0, max: 1 }), points: fc.integer({ min: -30, max: 60 }).filter((n) => n !== 0) }),
  fc.record({ type: fc.constant('redeem' as const), who: fc.integer({ min: 0, max: 1 }), reward: fc.integer({ min: 0, max: 1 }), parallel: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constant('cancel' as const), pick: fc.nat() }),
);

async function ledger(employee: string) {
  const rows = await env.DB.prepare('SELECT delta FROM points_entries WHERE employee_id = ?').bind(localId(employee)).all<{ delta: number }>();
  return rows.results.map((row) => row.delta);
}

describe('points ledger (property-based, through the API)', () => {
  it('balances equal the sum of entries and never go below zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const redemptionIds: string[] = [];
        const entriesBefore = await env.DB.prepare('SELECT count(*) AS n FROM points_entries').first<{ n: number }>();
        for (const step of ops) {
          if (step.type === 'adjust') {
            await data<{ adjustPoints: { errors: { code: UserErrorCode }[] } }>(tenant.manager, 'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { errors { code } } }', {
              input: { employeeId: employees[step.who], points: step.points, reason: 'property test' },
            });
          } else if (step.type === 'redeem') {
            const results = await Promise.all(
              Array.from({ length: step.parallel }, () =>
                data<{ requestRedemption: { redemption: { id: string } | null; errors: { code: UserErrorCode }[] } }>(tokens[step.who]!, 'mutation($id: ID!) { requestRedemption(input: { rewardId: $id }) { redemption { id } errors { code } } }', { id: rewards[step.reward]!.id }),
              ),
            );
            for (const result of results) if (result.requestRedemption.redemption) redemptionIds.push(result.requestRedemption.redemption.id);
          } else if (redemptionIds.length > 0) {
            const id = redemptionIds[step.pick % redemptionIds.length];
            await data<{ cancelRedemption: { errors: { code: UserErrorCode }[] } }>(tenant.manager, 'mutation($id: ID!) { cancelRedemption(input: { redemptionId: $id }) { errors { code } } }', { id });
          }
        }
        const view = await data<{ employees: { edges: { node: { id: string; pointsBalance: number; pointsEntries: { totalCount: number } } }[] } }>(tenant.reader, '{ employees(first: 10) { edges { node { id pointsBalance pointsEntries(first: 100) { totalCount } } } } }');
        for (const edge of view.employees.edges) {
          const deltas = await ledger(edge.node.id);
          const sum = deltas.reduce((a, b) => a + b, 0);
          expect(edge.node.pointsBalance).toBe(sum);
          expect(edge.node.pointsEntries.totalCount).toBe(deltas.length);
          expect(sum).toBeGreaterThanOrEqual(0);
          // Every prefix of the ledger (in write order) is non-negative too.
          const ordered = await env.DB.prepare('SELECT delta FROM points_entries WHERE employee_id = ? ORDER BY rowid').bind(localId(edge.node.id)).all<{ delta: number }>();
          let running = 0;
          for (const row of ordered.results) {
            running += row.delta;
            expect(running).toBeGreaterThanOrEqual(0);
          }
        }
        // Append-only: entries only ever grow; each cancelled redemption refunded exactly once.
        const entriesAfter = await env.DB.prepare('SELECT count(*) AS n FROM points_entries').first<{ n: number }>();
        expect(entriesAfter!.n).toBeGreaterThanOrEqual(entriesBefore!.n);
        const doubled = await env.DB.prepare("SELECT redemption_id FROM points_entries WHERE kind = 'refund' GROUP BY redemption_id HAVING count(*) > 1").all();
        expect(doubled.results).toEqual([]);
        const unrefunded = await env.DB.prepare(
          "SELECT r.id FROM redemptions r WHERE r.status = 'cancelled' AND NOT EXISTS (SELECT 1 FROM points_entries p WHERE p.redemption_id = r.id AND p.kind = 'refund')",
        ).all();
        expect(unrefunded.results).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('adjustments say why and who; a removal beyond the balance is refused', async () => {
    const fresh = await createEmployee(tenant.admin, { name: 'Cy' });
    const add = await data<{ adjustPoints: { entry: { kind: 'ACHIEVEMENT' | 'ADJUSTMENT' | 'RECOGNITION' | 'REDEMPTION' | 'REFUND'; delta: number; reason: string | null; actor: string | null } | null; errors: { code: UserErrorCode; message: string }[] } }>(tenant.manager, 'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { kind delta reason actor } errors { code message } } }', {
      input: { employeeId: fresh, points: 20, reason: 'Covered a double shift' },
    });
    expect(add.adjustPoints.entry).toMatchObject({ kind: 'ADJUSTMENT', delta: 20, reason: 'Covered a double shift' });
    expect(atob(add.adjustPoints.entry!.actor!.replace(/-/g, '+').replace(/_/g, '/'))).toMatch(/^ApiKey:/);
    const take = await data<{ adjustPoints: { entry: { delta: number } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.manager, 'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { delta } errors { code path message } } }', {
      input: { employeeId: fresh, points: -21, reason: 'Correction' },
    });
    expect(take.adjustPoints.errors[0]).toEqual({ code: 'LIMIT_REACHED', path: ['input', 'points'], message: 'The balance is 20 points; it cannot go below zero, so at most 20 can be removed.' });
    const noReason = await data<{ adjustPoints: { errors: { code: UserErrorCode; path: string[] }[] } }>(tenant.manager, 'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { errors { code path } } }', {
      input: { employeeId: fresh, points: 5, reason: '  ' },
    });
    expect(noReason.adjustPoints.errors[0]).toEqual({ code: 'VALIDATION', path: ['input', 'reason'] });
  });
});

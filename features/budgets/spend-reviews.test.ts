/**
 * Reviews of flagged spends: a manager approves or questions with a note, kept as history and shown
 * on the spend; never by the employee who spent it (by any path), never for an unflagged spend.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, localId, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

type Errors = { code: UserErrorCode; path: string[]; message: string }[];
const SET = `mutation($input: SetEmpowermentBudgetInput!) { setEmpowermentBudget(input: $input) { errors { code message } } }`;
const SPEND = `mutation($input: SpendBudgetInput!) { spendBudget(input: $input) { spend { id flagged reviewStatus } errors { code path message } } }`;
type SpendResult = { spendBudget: { spend: { id: string; flagged: boolean; reviewStatus: string } | null; errors: Errors } };
const REVIEW = `mutation($input: ReviewSpendInput!) { reviewSpend(input: $input) { spend { reviewStatus reviews { decision note reviewedBy reviewedAt } } errors { code path message } } }`;
type ReviewResult = { reviewSpend: { spend: { reviewStatus: string; reviews: { decision: string; note: string; reviewedBy: string; reviewedAt: string }[] } | null; errors: Errors } };

let tenant: TestTenant;
let ana: string;
let mia: string;
let anaToken: string;
let miaToken: string;

async function spend(token: string, amount: number): Promise<{ id: string; flagged: boolean; reviewStatus: string }> {
  const result = await data<SpendResult>(token, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount, reasonCode: 'GOODWILL', customerNote: 'Table 7' } });
  expect(result.spendBudget.errors).toEqual([]);
  return result.spendBudget.spend!;
}
const review = (credential: string, spendId: string, decision: 'APPROVE' | 'QUESTION', note: string) => gql<ReviewResult>(credential, REVIEW, { input: { spendId, decision, note } });

beforeAll(async () => {
  tenant = await createTenant();
  ana = await createEmployee(tenant.admin, { name: 'Ana Agent' });
  mia = await createEmployee(tenant.admin, { name: 'Mia Manager', role: 'MANAGER' });
  [anaToken, miaToken] = [await employeeToken(tenant.manager, ana), await employeeToken(tenant.manager, mia)];
  for (const employeeId of [ana, mia]) {
    expect((await data<{ setEmpowermentBudget: { errors: Errors } }>(tenant.manager, SET, { input: { employeeId, makeItRightAmount: 1000, currency: 'EUR', kindnessCount: 1 } })).setEmpowermentBudget.errors).toEqual([]);
  }
  await data(tenant.admin, 'mutation { updateRecognitionPolicy(input: { overspendPolicy: FLAG }) { errors { message } } }');
});

describe('spend reviews', () => {
  it('a manager questions, then approves a flagged spend; the history is on the spend', async () => {
    const within = await spend(anaToken, 200);
    expect(within).toMatchObject({ flagged: false, reviewStatus: 'NOT_NEEDED' });
    const over = await spend(anaToken, 1500);
    expect(over).toMatchObject({ flagged: true, reviewStatus: 'PENDING' });

    const questioned = await review(miaToken, over.id, 'QUESTION', 'What was the 15 EUR for?');
    expect(questioned.body.data?.reviewSpend.errors).toEqual([]);
    expect(questioned.body.data?.reviewSpend.spend).toMatchObject({ reviewStatus: 'QUESTIONED', reviews: [{ decision: 'QUESTION', note: 'What was the 15 EUR for?' }] });
    const approved = await review(tenant.manager, over.id, 'APPROVE', 'Broken blender, fair.');
    expect(approved.body.data?.reviewSpend.spend?.reviewStatus).toBe('APPROVED');
    expect(approved.body.data?.reviewSpend.spend?.reviews.map((r) => r.decision)).toEqual(['QUESTION', 'APPROVE']);
    const [first, second] = approved.body.data!.reviewSpend.spend!.reviews;
    expect(localId(first!.reviewedBy)).toBe(localId(mia));
    expect(atob(second!.reviewedBy.replace(/-/g, '+').replace(/_/g, '/')).startsWith('ApiKey:')).toBe(true);
    expect(new Date(second!.reviewedAt).getTime()).toBeGreaterThan(new Date(first!.reviewedAt).getTime());

    const twice = await review(miaToken, over.id, 'APPROVE', 'again');
    expect(twice.body.data?.reviewSpend.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', path: ['input', 'spendId'] });
    const unflagged = await review(miaToken, within.id, 'APPROVE', 'fine');
    expect(unflagged.body.data?.reviewSpend.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('only flagged spends') });
    const rows = await env.DB.prepare('SELECT decision, reviewed_by FROM budget_spend_reviews WHERE spend_id = ? ORDER BY created_at').bind(localId(over.id)).all<{ decision: string; reviewed_by: string }>();
    expect(rows.results.map((row) => row.decision)).toEqual(['question', 'approve']);
  });

  it('nobody reviews their own spend; agents, readers and other tenants cannot review', async () => {
    const own = await spend(miaToken, 1500);
    expect(own.flagged).toBe(true);
    for (const decision of ['APPROVE', 'QUESTION'] as const) {
      const self = await review(miaToken, own.id, decision, 'Mine is fine');
      expect(self.body.data?.reviewSpend).toEqual({ spend: null, errors: [{ code: 'SELF_DEALING', path: ['input', 'spendId'], message: 'This is your own spend: another manager or an API key must review it.' }] });
    }
    expect((await review(anaToken, own.id, 'APPROVE', 'ok')).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await review(tenant.reader, own.id, 'APPROVE', 'ok')).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createTenant();
    expect((await review(other.admin, own.id, 'APPROVE', 'ok')).body.data?.reviewSpend.errors[0]?.code).toBe('NOT_FOUND');
    expect((await review(tenant.manager, own.id, 'APPROVE', '  ')).body.data?.reviewSpend.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'note'] });
    expect(await env.DB.prepare('SELECT count(*) AS n FROM budget_spend_reviews WHERE spend_id = ?').bind(localId(own.id)).first<{ n: number }>()).toEqual({ n: 0 });
    // The organisation (a key) may review a manager's spend.
    expect((await review(tenant.admin, own.id, 'APPROVE', 'Approved by finance.')).body.data?.reviewSpend.spend?.reviewStatus).toBe('APPROVED');
  });

  it('the flagged list with review status and history is a fixed number of statements', async () => {
    const QUERY = '{ budgetSpends(first: 50, filter: { flagged: true }) { totalCount edges { node { reviewStatus reviews { decision note reviewedBy } outcomeHistory { outcome recordedBy } employee { name } } } } }';
    const before = await gql<{ budgetSpends: { totalCount: number } }>(tenant.reader, QUERY);
    await spend(anaToken, 300);
    await spend(anaToken, 300);
    const after = await gql<{ budgetSpends: { totalCount: number } }>(tenant.reader, QUERY);
    expect(after.body.data?.budgetSpends.totalCount).toBe(before.body.data!.budgetSpends.totalCount + 2);
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBeLessThanOrEqual(3);
  });
});

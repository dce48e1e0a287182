/** Empowerment budgets: setting, spending within the budget, refusal or flagging beyond it, outcomes. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let ana: string;
let anaToken: string;
const SET = `mutation($input: SetEmpowermentBudgetInput!) { setEmpowermentBudget(input: $input) { budget { id periodKey makeItRightAmount makeItRightSpent makeItRightRemaining kindnessCount kindnessUsed currency } errors { code path message } } }`;
type SetResult = { setEmpowermentBudget: { budget: { id: string; periodKey: string; makeItRightAmount: number; makeItRightSpent: number; makeItRightRemaining: number; kindnessCount: number; kindnessUsed: number; currency: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const SPEND = `mutation($input: SpendBudgetInput!) { spendBudget(input: $input) { spend { id kind amount flagged outcome feedbackId budget { makeItRightRemaining kindnessUsed } } errors { code path message } } }`;
type SpendResult = { spendBudget: { spend: { id: string; kind: 'KINDNESS' | 'MAKE_IT_RIGHT'; amount: number; flagged: boolean; outcome: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; feedbackId: string | null; budget: { makeItRightRemaining: number; kindnessUsed: number } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

const feedbackGlobal = (id: string) => btoa(`Feedback:${id}`).replace(/=+$/, '');

beforeAll(async () => {
  tenant = await createTenant();
  ana = await createEmployee(tenant.admin, { name: 'Ana' });
  anaToken = await employeeToken(tenant.manager, ana);
  const set = await data<SetResult>(tenant.manager, SET, { input: { employeeId: ana, makeItRightAmount: 5000, currency: 'eur', kindnessCount: 2 } });
  expect(set.setEmpowermentBudget.errors).toEqual([]);
});

describe('empowerment budgets', () => {
  it('a manager sets a monthly budget; setting again changes it', async () => {
    const again = await data<SetResult>(tenant.manager, SET, { input: { employeeId: ana, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 3 } });
    expect(again.setEmpowermentBudget.budget).toMatchObject({ makeItRightAmount: 5000, kindnessCount: 3, currency: 'EUR', makeItRightSpent: 0 });
    const bad = await data<SetResult>(tenant.manager, SET, { input: { employeeId: ana, makeItRightAmount: -1, currency: 'euro', kindnessCount: 1 } });
    expect(bad.setEmpowermentBudget.errors.map((e) => e.path.join('.')).sort()).toEqual(['input.currency', 'input.makeItRightAmount']);
    const count = await env.DB.prepare('SELECT count(*) AS n FROM empowerment_budgets WHERE employee_id = ?').bind(localId(ana)).first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it('spends record amount, reason and the complaint they answer; over the remaining budget is refused clearly', async () => {
    const complaintId = 'fb_budget_complaint_1';
    const now = TEST_NOW.getTime();
    await env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, body, status, received_at, resolved_at, created_at) VALUES (?, ?, 'complaint', 'widget', ?, 'Cold coffee', 'resolved', ?, ?, ?)")
      .bind(complaintId, localId(tenant.id), localId(ana), now - 3_600_000, now + 60_000, now)
      .run();
    const spent = await data<SpendResult>(anaToken, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 3000, reasonCode: 'PRODUCT_ISSUE', feedbackId: feedbackGlobal(complaintId) } });
    expect(spent.spendBudget.errors).toEqual([]);
    expect(spent.spendBudget.spend).toMatchObject({ amount: 3000, flagged: false, outcome: 'PENDING', budget: { makeItRightRemaining: 2000 } });
    const over = await data<SpendResult>(anaToken, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 2500, reasonCode: 'GOODWILL', customerNote: 'Table 4' } });
    expect(over.spendBudget.errors[0]).toMatchObject({ code: 'LIMIT_REACHED', path: ['input', 'amount'], message: expect.stringMatching(/^This spends 25\.00 EUR/) });
    expect(over.spendBudget.errors[0]!.message).toContain('only 20.00 EUR of your make-it-right budget is left');
    const missingNote = await data<SpendResult>(anaToken, SPEND, { input: { kind: 'KINDNESS', reasonCode: 'GOODWILL' } });
    expect(missingNote.spendBudget.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'customerNote'] });
  });

  it('concurrent spends never exceed the budget', async () => {
    const bo = await createEmployee(tenant.admin, { name: 'Bo' });
    const token = await employeeToken(tenant.manager, bo);
    await data<SetResult>(tenant.manager, SET, { input: { employeeId: bo, makeItRightAmount: 1000, currency: 'EUR', kindnessCount: 2 } });
    const results = await Promise.all(Array.from({ length: 5 }, () => data<SpendResult>(token, SPEND, { input: { kind: 'KINDNESS', reasonCode: 'GOODWILL', customerNote: 'Free cookie' } })));
    expect(results.filter((r) => r.spendBudget.errors.length === 0)).toHaveLength(2);
    expect(results.find((r) => r.spendBudget.errors.length > 0)!.spendBudget.errors[0]!.message).toContain('0 of 2 kindness giveaways left');
  });

  it('under the FLAG policy an overspend is accepted and flagged for review', async () => {
    await data<{ updateRecognitionPolicy: { policy: { overspendPolicy: 'FLAG' | 'REFUSE' } | null; errors: { message: string }[] } }>(tenant.admin, 'mutation { updateRecognitionPolicy(input: { overspendPolicy: FLAG }) { policy { overspendPolicy } errors { message } } }');
    const over = await data<SpendResult>(anaToken, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 2500, reasonCode: 'SERVICE_FAILURE', customerNote: 'Wrong order twice' } });
    expect(over.spendBudget.errors).toEqual([]);
    expect(over.spendBudget.spend).toMatchObject({ flagged: true, budget: { makeItRightRemaining: 0 } });
    const flagged = await data<{ budgetSpends: { totalCount: number } }>(tenant.manager, '{ budgetSpends(first: 10, filter: { flagged: true }) { totalCount } }');
    expect(flagged.budgetSpends.totalCount).toBe(1);
    await data<{ updateRecognitionPolicy: { errors: { message: string }[] } }>(tenant.admin, 'mutation { updateRecognitionPolicy(input: { overspendPolicy: REFUSE }) { errors { message } } }');
  });

  it('outcomes are recorded, and managers see spend against outcomes', async () => {
    const last = (await data<{ budgetSpends: { edges: { node: { id: string; amount: number } }[] } }>(tenant.manager, `{ budgetSpends(first: 10) { edges { node { id amount } } } }`)).budgetSpends.edges.find((e) => e.node.amount === 3000)!.node.id;
    const recorded = await data<{ recordSpendOutcome: { spend: { outcome: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; outcomeNote: string | null } | null; errors: { message: string }[] } }>(anaToken, 'mutation($id: ID!) { recordSpendOutcome(input: { spendId: $id, outcome: RESOLVED, note: "Came back next day" }) { spend { outcome outcomeNote } errors { message } } }', { id: last });
    expect(recorded.recordSpendOutcome.spend).toEqual({ outcome: 'RESOLVED', outcomeNote: 'Came back next day' });
    const report = await data<{ budgetOutcomes: { budget: { employee: { name: string } }; spendCount: number; makeItRightSpent: number; flaggedCount: number; complaintsAnswered: number; complaintsResolvedAfterSpend: number; laterAverageSatisfaction: number | null }[] }>(tenant.manager, '{ budgetOutcomes { budget { employee { name } } spendCount makeItRightSpent flaggedCount complaintsAnswered complaintsResolvedAfterSpend laterAverageSatisfaction } }');
    const anas = report.budgetOutcomes.find((row) => row.budget.employee.name === 'Ana');
    expect(anas).toMatchObject({ spendCount: 2, makeItRightSpent: 5500, flaggedCount: 1, complaintsAnswered: 1, complaintsResolvedAfterSpend: 1 });
    const reader = await gql(tenant.reader, '{ budgetOutcomes { spendCount } }');
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an employee without a budget gets a clear error', async () => {
    const cy = await createEmployee(tenant.admin, { name: 'Cy' });
    const result = await data<SpendResult>(await employeeToken(tenant.manager, cy), SPEND, { input: { kind: 'KINDNESS', reasonCode: 'GOODWILL', customerNote: 'x' } });
    expect(result.spendBudget.errors[0]).toMatchObject({ code: 'LIMIT_REACHED', message: expect.stringContaining('no empowerment budget') });
  });
});

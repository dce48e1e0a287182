/**
 * Separation of duties (issue 8, section 4): a manager's own employee token replays the reported
 * attack (a team program paying 100,000 points, then rewards approved and fulfilled for oneself, a
 * 10,000,000 budget set and spent for oneself). Every step is refused with SELF_DEALING (or the
 * manager is excluded from the award) and nothing is written; a different manager or an API key
 * doing the same things succeeds.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SELF_DEALING_RULES, type ValueAction } from '../domain/separation-of-duties.ts';
import backfill from '../migrations/20261123125552_budget_outcome_backfill/migration.sql?raw';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, TEST_NOW, type TestTenant, type UserErrorCode } from './helpers.ts';

let tenant: TestTenant;
let care: string;
let mia: string;
let noah: string;
let ana: string;
let miaToken: string;
let noahToken: string;
let anaToken: string;

const CREATE_PROGRAM = `mutation($input: CreateIncentiveProgramInput!) { createIncentiveProgram(input: $input) { program { id createdBy } errors { code path message } } }`;
type CreateProgramResult = { createIncentiveProgram: { program: { id: string; createdBy: string | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const EVALUATE = `mutation($input: EvaluateIncentiveProgramInput!) { evaluateIncentiveProgram(input: $input) {
  awardedNow excluded { employee { name } reason } progress { achieved awarded } errors { code path message } } }`;
type EvaluateResult = { evaluateIncentiveProgram: { awardedNow: number | null; excluded: { employee: { name: string }; reason: string }[] | null; progress: { achieved: boolean; awarded: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const ADJUST = `mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { delta actor } errors { code path message } } }`;
type AdjustResult = { adjustPoints: { entry: { delta: number; actor: string | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const PROPOSE = `mutation($input: ProposeRewardInput!) { proposeReward(input: $input) { reward { id } errors { code path message } } }`;
type ProposeResult = { proposeReward: { reward: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const VOTE = `mutation($input: RewardIdInput!) { voteForReward(input: $input) { reward { voteCount } errors { code path message } } }`;
type VoteResult = { voteForReward: { reward: { voteCount: number } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const APPROVE = `mutation($input: RewardIdInput!) { approveReward(input: $input) { reward { status } errors { code path message } } }`;
type ApproveResult = { approveReward: { reward: { status: 'APPROVED' | 'PROPOSED' | 'RETIRED' } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const APPROVE_TOP = `mutation($input: ApproveTopRewardsInput!) { approveTopRewards(input: $input) { rewards { title } skipped { title } errors { code message } } }`;
type ApproveTopResult = { approveTopRewards: { rewards: { title: string }[] | null; skipped: { title: string }[] | null; errors: { code: UserErrorCode; message: string }[] } };
const REQUEST = `mutation($input: RequestRedemptionInput!) { requestRedemption(input: $input) { redemption { id status } errors { code path message } } }`;
type RequestResult = { requestRedemption: { redemption: { id: string; status: 'CANCELLED' | 'FULFILLED' | 'REQUESTED' } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const FULFIL = `mutation($input: RedemptionIdInput!) { fulfillRedemption(input: $input) { redemption { status } errors { code path message } } }`;
type FulfilResult = { fulfillRedemption: { redemption: { status: 'CANCELLED' | 'FULFILLED' | 'REQUESTED' } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const SET_BUDGET = `mutation($input: SetEmpowermentBudgetInput!) { setEmpowermentBudget(input: $input) { budget { id makeItRightAmount setBy } errors { code path message } } }`;
type SetBudgetResult = { setEmpowermentBudget: { budget: { id: string; makeItRightAmount: number; setBy: string | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const SPEND = `mutation($input: SpendBudgetInput!) { spendBudget(input: $input) { spend { id amount flagged } errors { code path message } } }`;
type SpendResult = { spendBudget: { spend: { id: string; amount: number; flagged: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const RECOGNIZE = `mutation($input: GiveRecognitionInput!) { giveRecognition(input: $input) { recognition { id } errors { code path message } } }`;
type RecognizeResult = { giveRecognition: { recognition: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

const count = async (sqlText: string, ...bindings: unknown[]) =>
  (await env.DB.prepare(sqlText).bind(...bindings).first<{ n: number }>())?.n ?? 0;
const balance = (employee: string) => count('SELECT COALESCE(SUM(delta), 0) AS n FROM points_entries WHERE employee_id = ?', localId(employee));
const selfDealing = (action: ValueAction, path: string[]) => [{ code: 'SELF_DEALING', path, message: SELF_DEALING_RULES[action] }];

beforeAll(async () => {
  tenant = await createTenant();
  care = await createTeam(tenant.admin, 'Care');
  const floor = await createTeam(tenant.admin, 'Floor');
  mia = await createEmployee(tenant.admin, { name: 'Mia Manager', role: 'MANAGER', teamId: care });
  noah = await createEmployee(tenant.admin, { name: 'Noah Manager', role: 'MANAGER', teamId: floor });
  ana = await createEmployee(tenant.admin, { name: 'Ana Agent', teamId: care });
  miaToken = await employeeToken(tenant.manager, mia);
  noahToken = await employeeToken(tenant.manager, noah);
  anaToken = await employeeToken(tenant.manager, ana);
  // The team made a survey call this month, so a "1 call" goal is reached.
  const t = localId(tenant.id);
  const now = TEST_NOW.getTime();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO survey_templates (id, tenant_id, name, created_at, updated_at) VALUES ('tpl_sod', ?, 'Default', ?, ?)").bind(t, now, now),
    env.DB.prepare("INSERT INTO survey_calls (id, tenant_id, template_id, caller_id, team_id, called_at, channel, satisfaction, created_at) VALUES ('call_sod', ?, 'tpl_sod', ?, ?, ?, 'phone', 5, ?)")
      .bind(t, localId(ana), localId(care), now - 1000, now),
  ]);
});

const program = (scope: 'TEAM' | 'TENANT', points: number) => ({
  name: `${scope} drive ${crypto.randomUUID().slice(0, 6)}`, metric: 'SURVEY_CALLS_MADE', target: 1, period: 'MONTH', scope, points, ...(scope === 'TEAM' ? { teamId: care } : {}),
});

describe("the reported attack, replayed with a manager's own employee token", () => {
  it('a team or tenant program the manager created awards everyone but them, and says so', async () => {
    for (const scope of ['TEAM', 'TENANT'] as const) {
      const created = await data<CreateProgramResult>(miaToken, CREATE_PROGRAM, { input: program(scope, 100_000) });
      expect(created.createIncentiveProgram.errors).toEqual([]);
      expect(created.createIncentiveProgram.program!.createdBy).toBe(mia);
      const evaluated = await data<EvaluateResult>(miaToken, EVALUATE, { input: { programId: created.createIncentiveProgram.program!.id } });
      expect(evaluated.evaluateIncentiveProgram.errors).toEqual([]);
      expect(evaluated.evaluateIncentiveProgram.excluded).toEqual([{ employee: { name: 'Mia Manager' }, reason: expect.stringContaining('created') }]);
      // Only Ana (the tenant program: Ana and Noah) was paid; a second run adds nothing.
      expect(evaluated.evaluateIncentiveProgram.awardedNow).toBe(scope === 'TEAM' ? 1 : 2);
      const again = await data<EvaluateResult>(noahToken, EVALUATE, { input: { programId: created.createIncentiveProgram.program!.id } });
      expect(again.evaluateIncentiveProgram.awardedNow).toBe(0);
    }
    expect(await balance(mia)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM points_entries WHERE employee_id = ?', localId(mia))).toBe(0);
  });

  it('an employee-scoped program for oneself and a hand adjustment for oneself are refused', async () => {
    const own = await data<CreateProgramResult>(miaToken, CREATE_PROGRAM, { input: { ...program('TEAM', 100_000), scope: 'EMPLOYEE', employeeId: mia, teamId: null } });
    expect(own.createIncentiveProgram.errors).toEqual(selfDealing('awardPoints', ['input', 'employeeId']));
    const adjust = await data<AdjustResult>(miaToken, ADJUST, { input: { employeeId: mia, points: 100_000, reason: 'Bonus for me' } });
    expect(adjust.adjustPoints.errors).toEqual(selfDealing('adjustPoints', ['input', 'employeeId']));
    expect(await count('SELECT count(*) AS n FROM points_entries WHERE employee_id = ?', localId(mia))).toBe(0);
  });

  it('the proposer cannot vote for, approve or top-approve their own reward', async () => {
    const proposed = await data<ProposeResult>(miaToken, PROPOSE, { input: { title: 'Mia week off', kind: 'TIME_OFF', cost: 100 } });
    const reward = proposed.proposeReward.reward!.id;
    expect((await data<VoteResult>(miaToken, VOTE, { input: { rewardId: reward } })).voteForReward.errors).toEqual(selfDealing('voteForReward', ['input', 'rewardId']));
    expect((await data<ApproveResult>(miaToken, APPROVE, { input: { rewardId: reward } })).approveReward.errors).toEqual(selfDealing('approveReward', ['input', 'rewardId']));
    const top = await data<ApproveTopResult>(miaToken, APPROVE_TOP, { input: { budget: 10_000 } });
    expect(top.approveTopRewards.rewards!.map((r: { title: string }) => r.title)).not.toContain('Mia week off');
    expect(top.approveTopRewards.skipped).toEqual([{ title: 'Mia week off' }]);
    expect(await count("SELECT count(*) AS n FROM rewards WHERE id = ? AND status = 'proposed' AND decided_by IS NULL", localId(reward))).toBe(1);
    expect(await count('SELECT count(*) AS n FROM reward_votes WHERE reward_id = ?', localId(reward))).toBe(0);
  });

  it('a manager cannot fulfil their own redemption; another manager can', async () => {
    const proposed = await data<ProposeResult>(anaToken, PROPOSE, { input: { title: 'Team lunch', kind: 'TEAM_LUNCH', cost: 50 } });
    const reward = proposed.proposeReward.reward!.id;
    expect((await data<ApproveResult>(noahToken, APPROVE, { input: { rewardId: reward } })).approveReward.reward!.status).toBe('APPROVED');
    expect((await data<AdjustResult>(tenant.admin, ADJUST, { input: { employeeId: mia, points: 60, reason: 'Opening balance' } })).adjustPoints.errors).toEqual([]);
    const requested = await data<RequestResult>(miaToken, REQUEST, { input: { rewardId: reward } });
    expect(requested.requestRedemption.errors).toEqual([]);
    const redemption = requested.requestRedemption.redemption!.id;
    expect((await data<FulfilResult>(miaToken, FULFIL, { input: { redemptionId: redemption } })).fulfillRedemption.errors).toEqual(selfDealing('fulfillRedemption', ['input', 'redemptionId']));
    expect(await count("SELECT count(*) AS n FROM redemptions WHERE id = ? AND status = 'requested' AND decided_by IS NULL", localId(redemption))).toBe(1);
    expect((await data<FulfilResult>(noahToken, FULFIL, { input: { redemptionId: redemption } })).fulfillRedemption.redemption!.status).toBe('FULFILLED');
    expect(await balance(mia)).toBe(10);
  });

  it('a manager cannot set their own budget, nor spend one they set for themselves', async () => {
    const set = await data<SetBudgetResult>(miaToken, SET_BUDGET, { input: { employeeId: mia, makeItRightAmount: 10_000_000, currency: 'EUR', kindnessCount: 1000 } });
    expect(set.setEmpowermentBudget.errors).toEqual(selfDealing('setBudget', ['input', 'employeeId']));
    expect(await count('SELECT count(*) AS n FROM empowerment_budgets WHERE employee_id = ?', localId(mia))).toBe(0);
    // A budget written before the rule, by Mia for herself: it cannot be spent.
    const now = TEST_NOW.getTime();
    await env.DB.prepare(
      "INSERT INTO empowerment_budgets (id, tenant_id, employee_id, period, period_key, starts_at, ends_at, make_it_right_amount, currency, kindness_count, set_by, created_at, updated_at) VALUES ('bud_sod_legacy', ?, ?, 'month', 'legacy', ?, ?, 10000000, 'EUR', 1000, ?, ?, ?)",
    ).bind(localId(tenant.id), localId(mia), now - 60_000, now + 3_600_000, localId(mia), now, now).run();
    const spend = await data<SpendResult>(miaToken, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 10_000_000, reasonCode: 'GOODWILL', customerNote: 'Me' } });
    expect(spend.spendBudget.errors).toEqual(selfDealing('spendBudget', ['input', 'kind']));
    expect(await count('SELECT count(*) AS n FROM budget_spends WHERE employee_id = ?', localId(mia))).toBe(0);
    await env.DB.prepare("DELETE FROM empowerment_budgets WHERE id = 'bud_sod_legacy'").run();
  });

  it('recognising oneself goes through the same rule', async () => {
    const self = await data<RecognizeResult>(miaToken, RECOGNIZE, { input: { recipientIds: [mia], message: 'Great me', value: 'Care', points: 10 } });
    expect(self.giveRecognition.errors).toEqual(selfDealing('recognize', ['input', 'recipientIds']));
    expect(await count('SELECT count(*) AS n FROM recognitions WHERE giver_id = ?', localId(mia))).toBe(0);
  });
});

describe('the same actions by a different manager or by a key', () => {
  it("a program set up by a key pays the manager when someone else evaluates it, never when they evaluate it", async () => {
    const created = await data<CreateProgramResult>(tenant.manager, CREATE_PROGRAM, { input: program('TEAM', 30) });
    const id = created.createIncentiveProgram.program!.id;
    expect(created.createIncentiveProgram.program!.createdBy).toMatch(/\S/);
    const byMia = await data<EvaluateResult>(miaToken, EVALUATE, { input: { programId: id } });
    expect(byMia.evaluateIncentiveProgram).toMatchObject({ awardedNow: 1, excluded: [{ employee: { name: 'Mia Manager' }, reason: expect.stringContaining('evaluated') }] });
    const before = await balance(mia);
    const byKey = await data<EvaluateResult>(tenant.admin, EVALUATE, { input: { programId: id } });
    expect(byKey.evaluateIncentiveProgram).toMatchObject({ awardedNow: 1, excluded: [] });
    expect(await balance(mia)).toBe(before + 30);
    const miaAgain = await data<EvaluateResult>(miaToken, EVALUATE, { input: { programId: id } });
    expect(miaAgain.evaluateIncentiveProgram).toMatchObject({ awardedNow: 0, excluded: [] });
    const byNoah = await data<CreateProgramResult>(tenant.manager, CREATE_PROGRAM, { input: program('TEAM', 5) });
    const noahRun = await data<EvaluateResult>(noahToken, EVALUATE, { input: { programId: byNoah.createIncentiveProgram.program!.id } });
    expect(noahRun.evaluateIncentiveProgram).toMatchObject({ awardedNow: 2, excluded: [] });
  });

  it('another manager and a key adjust points, approve rewards and set budgets for the manager', async () => {
    const byNoah = await data<AdjustResult>(noahToken, ADJUST, { input: { employeeId: mia, points: 5, reason: 'Covered a shift' } });
    expect(byNoah.adjustPoints.entry).toEqual({ delta: 5, actor: noah });
    const byKey = await data<AdjustResult>(tenant.admin, ADJUST, { input: { employeeId: mia, points: 5, reason: 'Covered a shift' } });
    expect(atob(byKey.adjustPoints.entry!.actor!.replace(/-/g, '+').replace(/_/g, '/'))).toMatch(/^ApiKey:/);
    const proposed = await data<ProposeResult>(miaToken, PROPOSE, { input: { title: 'Mia coffee', kind: 'GIFT', cost: 5 } });
    expect((await data<ApproveResult>(tenant.manager, APPROVE, { input: { rewardId: proposed.proposeReward.reward!.id } })).approveReward.reward!.status).toBe('APPROVED');
    expect((await data<VoteResult>(anaToken, VOTE, { input: { rewardId: proposed.proposeReward.reward!.id } })).voteForReward.reward!.voteCount).toBe(1);
    const set = await data<SetBudgetResult>(noahToken, SET_BUDGET, { input: { employeeId: mia, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 2 } });
    expect(set.setEmpowermentBudget.budget).toMatchObject({ makeItRightAmount: 5000, setBy: noah });
    const spend = await data<SpendResult>(miaToken, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 1200, reasonCode: 'ORDER_ERROR', customerNote: 'Table 2' } });
    expect(spend.spendBudget.spend).toMatchObject({ amount: 1200, flagged: false });
    const byAdminKey = await data<SetBudgetResult>(tenant.admin, SET_BUDGET, { input: { employeeId: noah, makeItRightAmount: 3000, currency: 'EUR', kindnessCount: 1 } });
    expect(byAdminKey.setEmpowermentBudget.errors).toEqual([]);
    expect(atob(byAdminKey.setEmpowermentBudget.budget!.setBy!.replace(/-/g, '+').replace(/_/g, '/'))).toMatch(/^ApiKey:/);
  });
});

describe('budget spend outcomes are history', () => {
  const OUTCOME = `mutation($input: RecordSpendOutcomeInput!) { recordSpendOutcome(input: $input) {
    spend { outcome outcomeNote outcomeHistory { from outcome note recordedBy } } errors { code path message } } }`;
  type OutcomeResult = { recordSpendOutcome: { spend: { outcome: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; outcomeNote: string | null; outcomeHistory: { from: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; outcome: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; note: string | null; recordedBy: string | null }[] } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

  it('every recorded outcome is kept; a change needs a note; nothing goes back to PENDING', async () => {
    const ben = await createEmployee(tenant.admin, { name: 'Ben Agent', teamId: care });
    const benToken = await employeeToken(tenant.manager, ben);
    await data<SetBudgetResult>(noahToken, SET_BUDGET, { input: { employeeId: ben, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 2 } });
    const spent = await data<SpendResult>(benToken, SPEND, { input: { kind: 'MAKE_IT_RIGHT', amount: 900, reasonCode: 'ORDER_ERROR', customerNote: 'Wrong size' } });
    const spendId = spent.spendBudget.spend!.id;

    const resolved = await data<OutcomeResult>(benToken, OUTCOME, { input: { spendId, outcome: 'RESOLVED', note: 'Happy customer' } });
    expect(resolved.recordSpendOutcome.spend!.outcomeHistory).toEqual([{ from: 'PENDING', outcome: 'RESOLVED', note: 'Happy customer', recordedBy: ben }]);
    const silent = await data<OutcomeResult>(noahToken, OUTCOME, { input: { spendId, outcome: 'UNRESOLVED' } });
    expect(silent.recordSpendOutcome.errors).toEqual([expect.objectContaining({ code: 'VALIDATION', path: ['input', 'note'] })]);
    const changed = await data<OutcomeResult>(noahToken, OUTCOME, { input: { spendId, outcome: 'UNRESOLVED', note: 'Customer came back: still broken' } });
    expect(changed.recordSpendOutcome.spend).toMatchObject({
      outcome: 'UNRESOLVED',
      outcomeHistory: [
        { from: 'PENDING', outcome: 'RESOLVED', note: 'Happy customer', recordedBy: ben },
        { from: 'RESOLVED', outcome: 'UNRESOLVED', note: 'Customer came back: still broken', recordedBy: noah },
      ],
    });
    const back = await data<OutcomeResult>(benToken, OUTCOME, { input: { spendId, outcome: 'PENDING', note: 'undo' } });
    expect(back.recordSpendOutcome.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', path: ['input', 'outcome'] })]);
    const same = await data<OutcomeResult>(benToken, OUTCOME, { input: { spendId, outcome: 'UNRESOLVED', note: 'again' } });
    expect(same.recordSpendOutcome.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect(await count('SELECT count(*) AS n FROM budget_spend_outcomes WHERE spend_id = ?', localId(spendId))).toBe(2);
  });

  it('of concurrent changes from the same outcome, one applies and the others get CONFLICT, each leaving at most one record', async () => {
    const cy = await createEmployee(tenant.admin, { name: 'Cy Agent', teamId: care });
    const cyToken = await employeeToken(tenant.manager, cy);
    await data<SetBudgetResult>(noahToken, SET_BUDGET, { input: { employeeId: cy, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 2 } });
    const spendId = (await data<SpendResult>(cyToken, SPEND, { input: { kind: 'KINDNESS', reasonCode: 'GOODWILL', customerNote: 'Cookie' } })).spendBudget.spend!.id;
    const results = await Promise.all(
      (['RESOLVED', 'UNRESOLVED', 'RESOLVED', 'UNRESOLVED'] as const).map((outcome) => data<OutcomeResult>(noahToken, OUTCOME, { input: { spendId, outcome } })),
    );
    const codes = results.map((r) => r.recordSpendOutcome.errors[0]?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    const records = await count('SELECT count(*) AS n FROM budget_spend_outcomes WHERE spend_id = ?', localId(spendId));
    expect(records).toBe(1);
  });

  it('the data migration turns outcomes recorded before the history into its first rows', async () => {
    const dee = await createEmployee(tenant.admin, { name: 'Dee Agent', teamId: care });
    await data<SetBudgetResult>(noahToken, SET_BUDGET, { input: { employeeId: dee, makeItRightAmount: 5000, currency: 'EUR', kindnessCount: 2 } });
    const spendId = (await data<SpendResult>(await employeeToken(tenant.manager, dee), SPEND, { input: { kind: 'KINDNESS', reasonCode: 'GOODWILL', customerNote: 'Tea' } })).spendBudget.spend!.id;
    // As an older deployment left it: an outcome on the spend, no history.
    await env.DB.prepare("UPDATE budget_spends SET outcome = 'resolved', outcome_note = 'Smiled', outcome_at = 1700000000000 WHERE id = ?").bind(localId(spendId)).run();
    await env.DB.prepare('DELETE FROM budget_spend_outcomes WHERE spend_id = ?').bind(localId(spendId)).run();
    const before = await count('SELECT count(*) AS n FROM budget_spend_outcomes');
    const withoutHistory = await count("SELECT count(*) AS n FROM budget_spends s WHERE s.outcome <> 'pending' AND NOT EXISTS (SELECT 1 FROM budget_spend_outcomes o WHERE o.spend_id = s.id)");
    await env.DB.exec(backfill.replace(/--.*$/gm, '').replace(/\s+/g, ' ').trim());
    // (The migration runs once, on a database where no spend has history yet; here only Dee's lacked it.)
    await env.DB.prepare('DELETE FROM budget_spend_outcomes WHERE created_at > 0 AND recorded_by IS NULL AND spend_id <> ?').bind(localId(spendId)).run();
    const spend = await data<{ node: { outcomeHistory: { from: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; outcome: 'PENDING' | 'RESOLVED' | 'UNRESOLVED'; note: string | null; recordedBy: string | null; recordedAt: string }[] } | null }>(tenant.reader, 'query($id: ID!) { node(id: $id) { ... on BudgetSpend { outcomeHistory { from outcome note recordedBy recordedAt } } } }', { id: spendId });
    expect(spend.node!.outcomeHistory).toEqual([{ from: 'PENDING', outcome: 'RESOLVED', note: 'Smiled', recordedBy: null, recordedAt: new Date(1700000000000).toISOString() }]);
    expect(withoutHistory).toBe(1);
    expect(await count('SELECT count(*) AS n FROM budget_spend_outcomes')).toBe(before + 1);
  });

  it('a page of spends with their outcome histories is one query plus its count', async () => {
    const page = await gql(tenant.reader, '{ budgetSpends(first: 50) { totalCount edges { node { outcome outcomeHistory { from outcome note recordedBy recordedAt } } } } }');
    expect(page.body.errors).toBeUndefined();
    const spends = (page.body.data as { budgetSpends: { edges: { node: { outcomeHistory: unknown[] } }[] } }).budgetSpends.edges;
    expect(spends.some((edge) => edge.node.outcomeHistory.length === 2)).toBe(true);
    expect(page.statements).toBeLessThanOrEqual(3);
  });
});

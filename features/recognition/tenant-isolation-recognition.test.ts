/**
 * Tenant isolation for recognition, incentives, rewards, redemptions, the points ledger and
 * budgets: for tenant B, every id of tenant A answers exactly like an id that never existed,
 * through node, nodes, every mutation, every list and every count; and nothing of A changes.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../schema/global-ids.ts';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, withIdsMasked, TEST_NOW } from '../../test/helpers.ts';

let a: TestTenant;
let b: TestTenant;
let bToken: string;
let bEmployee: string;
const ids: Record<string, string> = {};

const ghosts: Record<string, string> = {
  Recognition: encodeId('Recognition', 'rec_doesnotexist000000000'),
  IncentiveProgram: encodeId('IncentiveProgram', 'prg_doesnotexist000000000'),
  Reward: encodeId('Reward', 'rwd_doesnotexist000000000'),
  Redemption: encodeId('Redemption', 'rdm_doesnotexist000000000'),
  PointsEntry: encodeId('PointsEntry', 'pts_doesnotexist000000000'),
  EmpowermentBudget: encodeId('EmpowermentBudget', 'bud_doesnotexist000000000'),
  BudgetSpend: encodeId('BudgetSpend', 'spd_doesnotexist000000000'),
  Employee: encodeId('Employee', 'emp_doesnotexist000000000'),
  Team: encodeId('Team', 'team_doesnotexist00000000'),
  Feedback: encodeId('Feedback', 'fb_doesnotexist0000000000'),
};

beforeAll(async () => {
  a = await createTenant('Alpha Recognition Ltd');
  b = await createTenant('Beta Recognition Ltd');
  ids.Team = await createTeam(a.admin, 'Alpha Crew');
  ids.Employee = await createEmployee(a.admin, { name: 'Alpha Giver', teamId: ids.Team });
  const receiver = await createEmployee(a.admin, { name: 'Alpha Receiver', teamId: ids.Team });
  const aToken = await employeeToken(a.manager, ids.Employee);
  const rec = await data<{ giveRecognition: { recognition: { id: string } | null } }>(aToken, 'mutation($r: ID!) { giveRecognition(input: { recipientIds: [$r], message: "Alpha thanks", value: "Care", points: 10 }) { recognition { id } } }', { r: receiver });
  ids.Recognition = rec.giveRecognition.recognition!.id;
  const program = await data<{ createIncentiveProgram: { program: { id: string } | null } }>(a.manager, 'mutation($e: ID!) { createIncentiveProgram(input: { name: "Alpha goal", metric: PRAISE_COUNT, target: 1, period: MONTH, scope: EMPLOYEE, employeeId: $e, points: 5 }) { program { id } } }', { e: receiver });
  ids.IncentiveProgram = program.createIncentiveProgram.program!.id;
  const reward = await data<{ proposeReward: { reward: { id: string } | null } }>(aToken, 'mutation { proposeReward(input: { title: "Alpha lunch", kind: TEAM_LUNCH, cost: 5 }) { reward { id } } }');
  ids.Reward = reward.proposeReward.reward!.id;
  await data<{ approveReward: { errors: { message: string }[] } }>(a.manager, 'mutation($id: ID!) { approveReward(input: { rewardId: $id }) { errors { message } } }', { id: ids.Reward });
  const receiverToken = await employeeToken(a.manager, receiver);
  const redemption = await data<{ requestRedemption: { redemption: { id: string } | null; errors: { message: string }[] } }>(receiverToken, 'mutation($id: ID!) { requestRedemption(input: { rewardId: $id }) { redemption { id } errors { message } } }', { id: ids.Reward });
  ids.Redemption = redemption.requestRedemption.redemption!.id;
  const entries = await data<{ pointsEntries: { edges: { node: { id: string } }[] } }>(a.reader, '{ pointsEntries(first: 1) { edges { node { id } } } }');
  ids.PointsEntry = entries.pointsEntries.edges[0]!.node.id;
  const budget = await data<{ setEmpowermentBudget: { budget: { id: string } | null } }>(a.manager, 'mutation($e: ID!) { setEmpowermentBudget(input: { employeeId: $e, makeItRightAmount: 1000, currency: "EUR", kindnessCount: 2 }) { budget { id } } }', { e: ids.Employee });
  ids.EmpowermentBudget = budget.setEmpowermentBudget.budget!.id;
  await env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, body, received_at, created_at) VALUES ('fb_alpha_praise', ?, 'praise', 'widget', ?, 'Alpha praise', ?, ?)")
    .bind(localId(a.id), localId(receiver), TEST_NOW.getTime(), TEST_NOW.getTime())
    .run();
  ids.Feedback = encodeId('Feedback', 'fb_alpha_praise');
  const spend = await data<{ spendBudget: { spend: { id: string } | null; errors: { message: string }[] } }>(aToken, 'mutation($f: ID) { spendBudget(input: { kind: KINDNESS, reasonCode: GOODWILL, feedbackId: $f }) { spend { id } errors { message } } }', { f: ids.Feedback });
  ids.BudgetSpend = spend.spendBudget.spend!.id;

  // B has data of its own, so "empty" is not the trivial answer.
  bEmployee = await createEmployee(b.admin, { name: 'Beta Person' });
  const other = await createEmployee(b.admin, { name: 'Beta Other' });
  bToken = await employeeToken(b.manager, bEmployee);
  await data<{ giveRecognition: { errors: { message: string }[] } }>(bToken, 'mutation($r: ID!) { giveRecognition(input: { recipientIds: [$r], message: "Beta thanks", value: "Care" }) { errors { message } } }', { r: other });
  await data<{ setEmpowermentBudget: { errors: { message: string }[] } }>(b.manager, 'mutation($e: ID!) { setEmpowermentBudget(input: { employeeId: $e, makeItRightAmount: 1000, currency: "EUR", kindnessCount: 2 }) { errors { message } } }', { e: bEmployee });
});

const NEW_TYPES = ['Recognition', 'IncentiveProgram', 'Reward', 'Redemption', 'PointsEntry', 'EmpowermentBudget', 'BudgetSpend'];

describe('tenant isolation: recognition, rewards, points and budgets', () => {
  it('node and nodes answer for A ids exactly as for ids that do not exist', async () => {
    for (const type of NEW_TYPES) {
      const id = ids[type]!;
      const ghost = ghosts[type]!;
      const query = 'query($id: ID!) { node(id: $id) { id } }';
      type QueryResult = { node: { id: string } | null };
      const real = await gql(b.admin, query, { id });
      const missing = await gql(b.admin, query, { id: ghost });
      expect(real.body, type).toEqual({ data: { node: null } });
      expect(withIdsMasked(real.body, id, ghost)).toEqual(withIdsMasked(missing.body, id, ghost));
      expect(real.statements, type).toBe(missing.statements);
      expect((await data<QueryResult>(a.reader, query, { id })).node, type).toEqual({ id });
      const many = await gql(b.reader, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id, ghost] });
      expect(many.body, type).toEqual({ data: { nodes: [null, null] } });
    }
  });

  it('lists and counts of B never include A rows, whatever the filter', async () => {
    const result = await data<{ recognitions: { totalCount: number; edges: { node: { id: string; message: string; giver: { name: string }; recipients: { employee: { name: string } }[] } }[] }; byEmployee: { totalCount: number }; byTeam: { totalCount: number }; incentivePrograms: { totalCount: number; edges: { node: { id: string; name: string } }[] }; rewards: { totalCount: number; edges: { node: { id: string; title: string } }[] }; redemptions: { totalCount: number }; redemptionsOf: { totalCount: number }; pointsEntries: { totalCount: number; edges: { node: { id: string; reason: string | null } }[] }; entriesOf: { totalCount: number }; empowermentBudgets: { totalCount: number; edges: { node: { id: string; employee: { name: string }; spends: { totalCount: number } } }[] }; budgetsOf: { totalCount: number }; budgetSpends: { totalCount: number }; budgetOutcomes: { spendCount: number; budget: { employee: { name: string } } }[]; employees: { edges: { node: { name: string; pointsBalance: number; givingAllowance: { given: number }; recognitionsReceived: { totalCount: number }; pointsEntries: { totalCount: number } } }[] } }>(b.admin, `query($e: ID!, $t: ID!) {
      recognitions(first: 100) { totalCount edges { node { id message giver { name } recipients { employee { name } } } } }
      byEmployee: recognitions(first: 100, filter: { employeeId: $e }) { totalCount }
      byTeam: recognitions(first: 100, filter: { teamId: $t }) { totalCount }
      incentivePrograms(first: 100) { totalCount edges { node { id name } } }
      rewards(first: 100) { totalCount edges { node { id title } } }
      redemptions(first: 100) { totalCount }
      redemptionsOf: redemptions(first: 100, filter: { employeeId: $e }) { totalCount }
      pointsEntries(first: 100) { totalCount edges { node { id reason } } }
      entriesOf: pointsEntries(first: 100, filter: { employeeId: $e }) { totalCount }
      empowermentBudgets(first: 100) { totalCount edges { node { id employee { name } spends(first: 10) { totalCount } } } }
      budgetsOf: empowermentBudgets(first: 100, filter: { employeeId: $e }) { totalCount }
      budgetSpends(first: 100) { totalCount }
      budgetOutcomes { spendCount budget { employee { name } } }
      employees(first: 100) { edges { node { name pointsBalance givingAllowance { given } recognitionsReceived(first: 10) { totalCount } pointsEntries(first: 10) { totalCount } } } }
    }`, { e: ids.Employee, t: ids.Team });
    const text = JSON.stringify(result);
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(text).not.toContain('Alpha');
    expect(result.recognitions.totalCount).toBe(1);
    for (const key of ['byEmployee', 'byTeam', 'incentivePrograms', 'rewards', 'redemptions', 'redemptionsOf', 'pointsEntries', 'entriesOf', 'budgetsOf', 'budgetSpends'] as const) {
      expect(result[key].totalCount, key).toBe(0);
    }
    expect(result.empowermentBudgets.totalCount).toBe(1);
    expect(result.budgetOutcomes).toEqual([{ spendCount: 0, budget: { employee: { name: 'Beta Person' } } }]);
  });

  it('every mutation treats an A id like an id that does not exist, and changes nothing', async () => {
    const snapshot = async () => {
      const tables = ['recognitions', 'recognition_recipients', 'incentive_programs', 'rewards', 'reward_votes', 'redemptions', 'points_entries', 'empowerment_budgets', 'budget_spends'];
      const out: Record<string, unknown> = {};
      for (const table of tables) out[table] = (await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY id`).bind(localId(a.id)).all()).results;
      return out;
    };
    const before = await snapshot();
    const attempts: { type: string; key: string; mutation: string; input: (id: string) => Record<string, unknown> }[] = [
      { type: 'Employee', key: b.admin, mutation: 'adjustPoints(input: $input) { entry { id } errors { code path message } }', input: (id) => ({ employeeId: id, points: 5, reason: 'x' }) },
      { type: 'Employee', key: b.admin, mutation: 'setEmpowermentBudget(input: $input) { budget { id } errors { code path message } }', input: (id) => ({ employeeId: id, makeItRightAmount: 1, currency: 'EUR', kindnessCount: 1 }) },
      { type: 'Employee', key: b.admin, mutation: 'createIncentiveProgram(input: $input) { program { id } errors { code path message } }', input: (id) => ({ name: 'x', metric: 'PRAISE_COUNT', target: 1, period: 'MONTH', scope: 'EMPLOYEE', employeeId: id, points: 1 }) },
      { type: 'Team', key: b.admin, mutation: 'createIncentiveProgram(input: $input) { program { id } errors { code path message } }', input: (id) => ({ name: 'x', metric: 'PRAISE_COUNT', target: 1, period: 'MONTH', scope: 'TEAM', teamId: id, points: 1 }) },
      { type: 'Employee', key: 'token', mutation: 'giveRecognition(input: $input) { recognition { id } errors { code path message } }', input: (id) => ({ recipientIds: [id], message: 'x', value: 'Care' }) },
      { type: 'Team', key: 'token', mutation: 'giveRecognition(input: $input) { recognition { id } errors { code path message } }', input: (id) => ({ teamId: id, message: 'x', value: 'Care' }) },
      { type: 'Feedback', key: 'token', mutation: 'recognizeCustomerPraise(input: $input) { recognition { id } errors { code path message } }', input: (id) => ({ feedbackId: id, value: 'Care' }) },
      { type: 'Feedback', key: 'token', mutation: 'spendBudget(input: $input) { spend { id } errors { code path message } }', input: (id) => ({ kind: 'KINDNESS', reasonCode: 'GOODWILL', feedbackId: id }) },
      { type: 'IncentiveProgram', key: b.admin, mutation: 'evaluateIncentiveProgram(input: $input) { awardedNow errors { code path message } }', input: (id) => ({ programId: id }) },
      { type: 'IncentiveProgram', key: b.admin, mutation: 'endIncentiveProgram(input: $input) { program { id } errors { code path message } }', input: (id) => ({ programId: id }) },
      { type: 'Reward', key: 'token', mutation: 'voteForReward(input: $input) { reward { id } errors { code path message } }', input: (id) => ({ rewardId: id }) },
      { type: 'Reward', key: 'token', mutation: 'retractRewardVote(input: $input) { reward { id } errors { code path message } }', input: (id) => ({ rewardId: id }) },
      { type: 'Reward', key: b.admin, mutation: 'approveReward(input: $input) { reward { id } errors { code path message } }', input: (id) => ({ rewardId: id }) },
      { type: 'Reward', key: b.admin, mutation: 'retireReward(input: $input) { reward { id } errors { code path message } }', input: (id) => ({ rewardId: id }) },
      { type: 'Reward', key: 'token', mutation: 'requestRedemption(input: $input) { redemption { id } errors { code path message } }', input: (id) => ({ rewardId: id }) },
      { type: 'Redemption', key: b.admin, mutation: 'fulfillRedemption(input: $input) { redemption { id } errors { code path message } }', input: (id) => ({ redemptionId: id }) },
      { type: 'Redemption', key: b.admin, mutation: 'cancelRedemption(input: $input) { redemption { id } errors { code path message } }', input: (id) => ({ redemptionId: id }) },
      { type: 'BudgetSpend', key: b.admin, mutation: 'recordSpendOutcome(input: $input) { spend { id } errors { code path message } }', input: (id) => ({ spendId: id, outcome: 'RESOLVED' }) },
    ];
    const inputTypes: Record<string, string> = {
      voteForReward: 'RewardIdInput', retractRewardVote: 'RewardIdInput', approveReward: 'RewardIdInput', retireReward: 'RewardIdInput',
      fulfillRedemption: 'RedemptionIdInput', cancelRedemption: 'RedemptionIdInput', setEmpowermentBudget: 'SetEmpowermentBudgetInput',
      evaluateIncentiveProgram: 'EvaluateIncentiveProgramInput', endIncentiveProgram: 'EndIncentiveProgramInput', recordSpendOutcome: 'RecordSpendOutcomeInput',
    };
    for (const { type, key, mutation, input } of attempts) {
      const name = mutation.slice(0, mutation.indexOf('('));
      const inputType = inputTypes[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
      const operation = `mutation($input: ${inputType}!) { ${mutation} }`;
      const credential = key === 'token' ? bToken : key;
      const real = await gql(credential, operation, { input: input(ids[type]!) });
      const missing = await gql(credential, operation, { input: input(ghosts[type]!) });
      expect(real.body.errors, name).toBeUndefined();
      const payload = Object.values(real.body.data ?? {})[0] as { errors: { code: string }[] };
      expect(payload.errors[0]?.code, `${name} with ${type}`).toBe('NOT_FOUND');
      expect(withIdsMasked(real.body, ids[type]!, ghosts[type]!), name).toEqual(withIdsMasked(missing.body, ids[type]!, ghosts[type]!));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the database refuses rows that point at another tenant', async () => {
    const tenantOfB = localId(b.id);
    const cross = [
      env.DB.prepare("INSERT INTO recognitions (id, tenant_id, giver_id, message, value, period, created_at) VALUES ('rec_crossed', ?, ?, 'x', 'Care', '2026-11', 0)").bind(tenantOfB, localId(ids.Employee!)),
      env.DB.prepare("INSERT INTO points_entries (id, tenant_id, employee_id, kind, delta, created_at) VALUES ('pts_crossed', ?, ?, 'adjustment', 5, 0)").bind(tenantOfB, localId(ids.Employee!)),
      env.DB.prepare("INSERT INTO budget_spends (id, tenant_id, budget_id, employee_id, kind, amount, reason_code, created_at) VALUES ('spd_crossed', ?, ?, ?, 'kindness', 1, 'goodwill', 0)").bind(tenantOfB, localId(ids.EmpowermentBudget!), localId(bEmployee)),
    ];
    for (const statement of cross) await expect(statement.run()).rejects.toThrow(/FOREIGN KEY/);
  });
});

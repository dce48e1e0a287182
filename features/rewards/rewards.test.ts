/** Rewards employees choose: proposals, votes, approval within a budget, redemptions and refunds. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, data, employeeToken, gql, localId, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
const people: Record<string, string> = {};
const tokens: Record<string, string> = {};

const PROPOSE = `mutation($input: ProposeRewardInput!) { proposeReward(input: $input) { reward { id title cost status voteCount proposedBy { name } } errors { code path message } } }`;
type ProposeResult = { proposeReward: { reward: { id: string; title: string; cost: number; status: 'APPROVED' | 'PROPOSED' | 'RETIRED'; voteCount: number; proposedBy: { name: string } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const VOTE = `mutation($input: RewardIdInput!) { voteForReward(input: $input) { reward { voteCount } errors { code path message } } }`;
type VoteResult = { voteForReward: { reward: { voteCount: number } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const RETRACT = `mutation($input: RewardIdInput!) { retractRewardVote(input: $input) { reward { voteCount } errors { code path message } } }`;
type RetractResult = { retractRewardVote: { reward: { voteCount: number } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const REQUEST = `mutation($input: RequestRedemptionInput!) { requestRedemption(input: $input) { redemption { id status cost employee { name pointsBalance } reward { title } } errors { code path message } } }`;
type RequestResult = { requestRedemption: { redemption: { id: string; status: 'CANCELLED' | 'FULFILLED' | 'REQUESTED'; cost: number; employee: { name: string; pointsBalance: number }; reward: { title: string } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

async function propose(who: string, title: string, cost: number, kind = 'TIME_OFF') {
  const result = await data<ProposeResult>(tokens[who]!, PROPOSE, { input: { title, cost, kind } });
  expect(result.proposeReward.errors).toEqual([]);
  return result.proposeReward.reward!.id as string;
}

async function grant(employee: string, points: number) {
  const result = await data<{ adjustPoints: { entry: { delta: number } | null; errors: { message: string }[] } }>(tenant.manager, 'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { delta } errors { message } } }', {
    input: { employeeId: employee, points, reason: 'Opening balance' },
  });
  expect(result.adjustPoints.errors).toEqual([]);
}

beforeAll(async () => {
  tenant = await createTenant();
  for (const name of ['Ana', 'Ben', 'Cleo']) {
    people[name] = await createEmployee(tenant.admin, { name });
    tokens[name] = await employeeToken(tenant.manager, people[name]!);
  }
});

describe('rewards', () => {
  it('employees propose rewards, cash-free ones too, and validation errors are typed', async () => {
    const result = await data<ProposeResult>(tokens.Ana!, PROPOSE, { input: { title: 'Team lunch', cost: 300, kind: 'TEAM_LUNCH' } });
    expect(result.proposeReward.reward).toMatchObject({ title: 'Team lunch', cost: 300, status: 'PROPOSED', voteCount: 0, proposedBy: { name: 'Ana' } });
    const bad = await data<ProposeResult>(tokens.Ana!, PROPOSE, { input: { title: ' ', cost: 0, kind: 'GIFT' } });
    expect(bad.proposeReward.errors.map((e) => e.path.join('.')).sort()).toEqual(['input.cost', 'input.title']);
  });

  it('one vote per employee per reward, retractable', async () => {
    const reward = await propose('Ben', 'Afternoon off', 500);
    expect((await data<VoteResult>(tokens.Ana!, VOTE, { input: { rewardId: reward } })).voteForReward.reward!.voteCount).toBe(1);
    expect((await data<VoteResult>(tokens.Ana!, VOTE, { input: { rewardId: reward } })).voteForReward.reward!.voteCount).toBe(1);
    expect((await data<VoteResult>(tokens.Cleo!, VOTE, { input: { rewardId: reward } })).voteForReward.reward!.voteCount).toBe(2);
    expect((await data<RetractResult>(tokens.Ana!, RETRACT, { input: { rewardId: reward } })).retractRewardVote.reward!.voteCount).toBe(1);
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM reward_votes WHERE reward_id = ?').bind(localId(reward)).first<{ n: number }>();
    expect(rows?.n).toBe(1);
    const byKey = await gql(tenant.manager, VOTE, { input: { rewardId: reward } });
    expect(byKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('viewerHasVoted says whether the employee of the token voted (false for keys), like suggestions and agenda items', async () => {
    const reward = await propose('Ben', 'Late start', 200);
    await data<VoteResult>(tokens.Ana!, VOTE, { input: { rewardId: reward } });
    const QUERY = 'query($id: ID!) { node(id: $id) { ... on Reward { voteCount viewerHasVoted } } }';
    type Seen = { node: { voteCount: number; viewerHasVoted: boolean } };
    expect((await data<Seen>(tokens.Ana!, QUERY, { id: reward })).node).toEqual({ voteCount: 1, viewerHasVoted: true });
    expect((await data<Seen>(tokens.Cleo!, QUERY, { id: reward })).node).toEqual({ voteCount: 1, viewerHasVoted: false });
    expect((await data<Seen>(tenant.manager, QUERY, { id: reward })).node).toEqual({ voteCount: 1, viewerHasVoted: false });
    await data<RetractResult>(tokens.Ana!, RETRACT, { input: { rewardId: reward } });
    expect((await data<Seen>(tokens.Ana!, QUERY, { id: reward })).node).toEqual({ voteCount: 0, viewerHasVoted: false });
  });

  it('managers approve the most voted within a budget, and retire rewards', async () => {
    const fresh = await createTenant();
    // P proposes; V1 to V3 vote (a proposer does not vote for their own reward).
    const voters = await Promise.all(['V1', 'V2', 'V3', 'P'].map((name) => createEmployee(fresh.admin, { name })));
    const voterTokens = await Promise.all(voters.map((id) => employeeToken(fresh.manager, id)));
    const make = async (title: string, cost: number, votes: number) => {
      const reward = (await data<ProposeResult>(voterTokens[3]!, PROPOSE, { input: { title, cost, kind: 'OTHER' } })).proposeReward.reward!.id;
      for (let i = 0; i < votes; i++) await data<VoteResult>(voterTokens[i]!, VOTE, { input: { rewardId: reward } });
      return reward;
    };
    await make('Spa day', 800, 3);
    await make('Commendation article', 50, 2);
    await make('Coffee voucher', 30, 1);
    await make('Parking spot', 400, 0);
    const approved = await data<{ approveTopRewards: { rewards: { title: string; status: 'APPROVED' | 'PROPOSED' | 'RETIRED' }[] | null; errors: { message: string }[] } }>(fresh.manager, 'mutation { approveTopRewards(input: { budget: 900 }) { rewards { title status } errors { message } } }');
    expect(approved.approveTopRewards.rewards!.map((r) => r.title)).toEqual(['Spa day', 'Commendation article', 'Coffee voucher']);
    const list = await data<{ rewards: { edges: { node: { title: string; voteCount: number; status: 'APPROVED' | 'PROPOSED' | 'RETIRED' } }[] }; approved: { totalCount: number } }>(fresh.reader, '{ rewards(first: 10) { edges { node { title voteCount status } } } approved: rewards(first: 10, filter: { status: APPROVED }) { totalCount } }');
    expect(list.rewards.edges[0]!.node).toEqual({ title: 'Spa day', voteCount: 3, status: 'APPROVED' });
    expect(list.approved.totalCount).toBe(3);
    const spa = (await data<{ rewards: { edges: { node: { id: string } }[] } }>(fresh.reader, '{ rewards(first: 1) { edges { node { id } } } }')).rewards.edges[0]!.node.id;
    const retired = await data<{ retireReward: { reward: { status: 'APPROVED' | 'PROPOSED' | 'RETIRED' } | null; errors: { code: UserErrorCode }[] } }>(fresh.manager, 'mutation($id: ID!) { retireReward(input: { rewardId: $id }) { reward { status } errors { code } } }', { id: spa });
    expect(retired.retireReward.reward!.status).toBe('RETIRED');
    const vote = await data<VoteResult>(voterTokens[1]!, VOTE, { input: { rewardId: spa } });
    expect(vote.voteForReward.errors[0]!.code).toBe('CONFLICT');
  });

  it('redemption: requested -> fulfilled, or cancelled with a refund exactly once', async () => {
    const reward = await propose('Ana', 'Extra break', 40);
    await data<{ approveReward: { errors: { message: string }[] } }>(tenant.manager, 'mutation($id: ID!) { approveReward(input: { rewardId: $id }) { errors { message } } }', { id: reward });
    await grant(people.Cleo!, 100);
    const first = await data<RequestResult>(tokens.Cleo!, REQUEST, { input: { rewardId: reward } });
    expect(first.requestRedemption.redemption).toMatchObject({ status: 'REQUESTED', cost: 40, employee: { name: 'Cleo', pointsBalance: 60 } });
    const fulfilled = await data<{ fulfillRedemption: { redemption: { status: 'CANCELLED' | 'FULFILLED' | 'REQUESTED' } | null; errors: { code: UserErrorCode; message: string }[] } }>(tenant.manager, 'mutation($id: ID!) { fulfillRedemption(input: { redemptionId: $id }) { redemption { status } errors { code message } } }', { id: first.requestRedemption.redemption!.id });
    expect(fulfilled.fulfillRedemption.redemption!.status).toBe('FULFILLED');
    const late = await data<{ cancelRedemption: { redemption: { status: 'CANCELLED' | 'FULFILLED' | 'REQUESTED' } | null; errors: { code: UserErrorCode; message: string }[] } }>(tenant.manager, 'mutation($id: ID!) { cancelRedemption(input: { redemptionId: $id }) { redemption { status } errors { code message } } }', { id: first.requestRedemption.redemption!.id });
    expect(late.cancelRedemption.errors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already fulfilled') });

    const second = await data<RequestResult>(tokens.Cleo!, REQUEST, { input: { rewardId: reward } });
    const id = second.requestRedemption.redemption!.id;
    const CANCEL = 'mutation($id: ID!) { cancelRedemption(input: { redemptionId: $id }) { redemption { status employee { pointsBalance } } errors { code message } } }';
    type CancelResult = { cancelRedemption: { redemption: { status: 'CANCELLED' | 'FULFILLED' | 'REQUESTED'; employee: { pointsBalance: number } } | null; errors: { code: UserErrorCode; message: string }[] } };
    const cancelled = await data<CancelResult>(tenant.manager, CANCEL, { id });
    expect(cancelled.cancelRedemption.redemption).toEqual({ status: 'CANCELLED', employee: { pointsBalance: 60 } });
    expect((await data<CancelResult>(tenant.manager, CANCEL, { id })).cancelRedemption.errors[0]!.code).toBe('CONFLICT');
    const refunds = await env.DB.prepare("SELECT count(*) AS n FROM points_entries WHERE redemption_id = ? AND kind = 'refund'").bind(localId(id)).first<{ n: number }>();
    expect(refunds?.n).toBe(1);
  });

  it('cannot overspend, even with many requests at once', async () => {
    const reward = await propose('Ben', 'Cinema tickets', 30);
    await data<{ approveReward: { errors: { message: string }[] } }>(tenant.admin, 'mutation($id: ID!) { approveReward(input: { rewardId: $id }) { errors { message } } }', { id: reward });
    const spender = await createEmployee(tenant.admin, { name: 'Dana' });
    const token = await employeeToken(tenant.manager, spender);
    await grant(spender, 100);
    const results = await Promise.all(Array.from({ length: 6 }, () => data<RequestResult>(token, REQUEST, { input: { rewardId: reward } })));
    const ok = results.filter((result) => result.requestRedemption.errors.length === 0);
    expect(ok).toHaveLength(3);
    const refused = results.find((result) => result.requestRedemption.errors.length > 0)!;
    expect(refused.requestRedemption.errors[0]).toMatchObject({ code: 'LIMIT_REACHED', message: expect.stringContaining('costs 30 points and your balance is 10') });
    const balance = await env.DB.prepare('SELECT SUM(delta) AS n FROM points_entries WHERE employee_id = ?').bind(localId(spender)).first<{ n: number }>();
    expect(balance?.n).toBe(10);
  });

  it('a proposed (not yet approved) reward cannot be redeemed', async () => {
    const reward = await propose('Ana', 'Not yet', 1);
    const result = await data<RequestResult>(tokens.Ben!, REQUEST, { input: { rewardId: reward } });
    expect(result.requestRedemption.errors[0]).toMatchObject({ code: 'CONFLICT', path: ['input', 'rewardId'] });
  });
});

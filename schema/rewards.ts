/**
 * Rewards employees choose: proposals with a cost in points, one retractable vote per employee,
 * approval by managers from the most voted within a budget, and redemptions
 * (requested -> fulfilled | cancelled with refund) that can never overspend a balance.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { parseInput, type UserErrorData } from '../domain/errors.ts';
import {
  approveReward,
  approveTopRewards,
  cancelRedemption,
  changeVote,
  fulfillRedemption,
  proposeReward,
  requestRedemption,
  retireReward,
  type RewardRow,
} from '../features/rewards/service.ts';
import { REDEMPTION_STATUSES, redemptions, REWARD_KINDS, REWARD_STATUSES, rewards, rewardVotes, type RedemptionStatus, type RewardKind, type RewardStatus } from '../features/rewards/tables.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { dutyActorOf } from './duties.ts';
import { upperEnum } from './enums.ts';
import { UserErrorInterface } from './errors.ts';
import { idEquals, localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { viewerRowCount } from './auth-scopes.ts';

export const RewardKindEnum = upperEnum<RewardKind>('RewardKind', REWARD_KINDS);
export const RewardStatusEnum = upperEnum<RewardStatus>('RewardStatus', REWARD_STATUSES);
export const RedemptionStatusEnum = upperEnum<RedemptionStatus>('RedemptionStatus', REDEMPTION_STATUSES);

export const Reward = builder.drizzleNode('rewards', {
  name: 'Reward',
  description: 'A reward employees proposed, with its cost in points; redeemable once approved.',
  id: { column: (reward) => reward.id },
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    kind: t.expose('kind', { type: RewardKindEnum }),
    cost: t.exposeInt('cost', { description: 'Price in points.' }),
    status: t.expose('status', { type: RewardStatusEnum }),
    proposedBy: t.relation('proposedBy'),
    voteCount: t.exposeInt('voteCount'),
    viewerHasVoted: t.relatedField('votes', {
      type: 'Boolean',
      description: 'Whether the employee of this employee token voted for it (false for keys).',
      select: (buildFilter, _args, ctx) => ({
        extras: { viewerVotes: (parent) => viewerRowCount(ctx, rewardVotes, buildFilter(parent)) },
      }),
      resolve: (reward) => reward.viewerVotes > 0,
    }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const Redemption = builder.drizzleNode('redemptions', {
  name: 'Redemption',
  description: 'An employee spending points on an approved reward.',
  id: { column: (redemption) => redemption.id },
  fields: (t) => ({
    reward: t.relation('reward'),
    employee: t.relation('employee'),
    cost: t.exposeInt('cost', { description: 'Points debited (and refunded if cancelled).' }),
    status: t.expose('status', { type: RedemptionStatusEnum }),
    note: t.exposeString('note', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RewardFilter = builder.inputType('RewardFilter', {
  fields: (t) => ({ status: t.field({ type: RewardStatusEnum }) }),
});
const RedemptionFilter = builder.inputType('RedemptionFilter', {
  fields: (t) => ({ employeeId: t.id(), status: t.field({ type: RedemptionStatusEnum }) }),
});

const rewardFilterSql = (table: typeof rewards, filter: { status?: RewardStatus | null } | null | undefined) =>
  filter?.status ? eq(table.status, filter.status) : undefined;

function redemptionFilterSql(table: typeof redemptions, filter: { employeeId?: string | null; status?: RedemptionStatus | null } | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: SQL[] = [];
  if (filter.employeeId) conditions.push(idEquals(table.employeeId, filter.employeeId, 'Employee'));
  if (filter.status) conditions.push(eq(table.status, filter.status));
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

builder.queryFields((t) => ({
  rewards: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'rewards',
    description: 'The reward catalogue, most voted first.',
    args: { filter: t.arg({ type: RewardFilter }) },
    ...filteredConnection({ name: 'rewards', table: rewards, filter: rewardFilterSql, orderBy: { voteCount: 'desc', id: 'asc' } }),
  }),
  redemptions: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'redemptions',
    description: 'Redemptions, newest first.',
    args: { filter: t.arg({ type: RedemptionFilter }) },
    ...filteredConnection({ name: 'redemptions', table: redemptions, filter: redemptionFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
  }),
}));

// ---- mutations -------------------------------------------------------------------------------

const ProposeRewardInput = builder.inputType('ProposeRewardInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string(),
    kind: t.field({ type: RewardKindEnum, required: true, description: 'Cash-free kinds too: TIME_OFF, COMMENDATION, TEAM_LUNCH.' }),
    cost: t.int({ required: true, description: 'Price in points.' }),
  }),
});
const RewardIdInput = builder.inputType('RewardIdInput', { fields: (t) => ({ rewardId: t.id({ required: true }) }) });
const ApproveTopRewardsInput = builder.inputType('ApproveTopRewardsInput', {
  fields: (t) => ({
    budget: t.int({ required: true, description: 'Points: the summed cost of the approved rewards stays within it.' }),
    limit: t.int({ description: 'Approve at most this many.' }),
  }),
});
const RequestRedemptionInput = builder.inputType('RequestRedemptionInput', {
  fields: (t) => ({ rewardId: t.id({ required: true }), note: t.string() }),
});
const RedemptionIdInput = builder.inputType('RedemptionIdInput', {
  fields: (t) => ({ redemptionId: t.id({ required: true }), note: t.string() }),
});

const RewardPayload = payloadType('RewardPayload', 'reward', Reward);
const RedemptionPayload = payloadType('RedemptionPayload', 'redemption', Redemption);
const RewardsPayload = builder.objectRef<{ rewards: RewardRow[] | null; skipped: RewardRow[] | null; errors: UserErrorData[] }>('RewardsPayload').implement({
  fields: (t) => ({
    rewards: t.field({ type: [Reward], nullable: true, resolve: (payload) => payload.rewards }),
    skipped: t.field({
      type: [Reward],
      nullable: true,
      description: 'Proposals of yours, left for another manager or an API key to decide (separation of duties).',
      resolve: (payload) => payload.skipped,
    }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

const proposeSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('Give the reward a title.'), v.maxLength(120, 'Titles are at most 120 characters.')),
  description: v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(2000, 'Descriptions are at most 2000 characters.'))),
  cost: v.pipe(v.number(), v.integer(), v.minValue(1, 'A reward costs at least 1 point.'), v.maxValue(100_000, 'A reward costs at most 100000 points.')),
});
const noteSchema = v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(500, 'Notes are at most 500 characters.')));

const rewardId = (globalId: string) => localIdFor('Reward', globalId, ['input', 'rewardId']);
const redemptionId = (globalId: string) => localIdFor('Redemption', globalId, ['input', 'redemptionId']);

builder.mutationFields((t) => ({
  proposeReward: t.withAuth({ permission: 'employee:act', tenant: true, employee: true }).field({
    type: RewardPayload,
    description: 'Proposes a reward for the catalogue, as the employee of the token.',
    args: { input: t.arg({ type: ProposeRewardInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const employeeId = ctx.employeeId;
        const values = parseInput(proposeSchema, { title: input.title, description: input.description, cost: input.cost });
        return { reward: await proposeReward(tenant, employeeId, { ...values, kind: input.kind }) };
      }, { reward: null }),
  }),
  voteForReward: t.withAuth({ permission: 'employee:act', tenant: true, employee: true }).field({
    type: RewardPayload,
    description: 'Votes for a reward (one vote per employee per reward; voting twice changes nothing).',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        return { reward: await changeVote(tenant, ctx.employeeId, rewardId(input.rewardId), true) };
      }, { reward: null }),
  }),
  retractRewardVote: t.withAuth({ permission: 'employee:act', tenant: true, employee: true }).field({
    type: RewardPayload,
    description: 'Takes back your vote for a reward.',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        return { reward: await changeVote(tenant, ctx.employeeId, rewardId(input.rewardId), false) };
      }, { reward: null }),
  }),
  approveReward: t.withAuth({ permission: 'rewards:manage', tenant: true }).field({
    type: RewardPayload,
    description: 'Approves a proposed reward so employees can redeem it. Managers and admins.',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        return { reward: await approveReward(tenant, rewardId(input.rewardId), dutyActorOf(ctx), actorIdOf(ctx.principal), ctx.now) };
      }, { reward: null }),
  }),
  approveTopRewards: t.withAuth({ permission: 'rewards:manage', tenant: true }).field({
    type: RewardsPayload,
    description: 'Approves the most voted proposed rewards whose summed cost fits the budget. Managers and admins.',
    args: { input: t.arg({ type: ApproveTopRewardsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        // Separation of duties: the caller's own proposals are left for someone else to decide.
        return approveTopRewards(tenant, input.budget, input.limit, dutyActorOf(ctx), actorIdOf(ctx.principal), ctx.now);
      }, { rewards: null, skipped: null }),
  }),
  retireReward: t.withAuth({ permission: 'rewards:manage', tenant: true }).field({
    type: RewardPayload,
    description: 'Retires a reward: it can no longer be voted for or redeemed. Requested redemptions stay as they are.',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        return { reward: await retireReward(tenant, rewardId(input.rewardId), actorIdOf(ctx.principal), ctx.now) };
      }, { reward: null }),
  }),
  requestRedemption: t.withAuth({ permission: 'employee:act', tenant: true, employee: true }).field({
    type: RedemptionPayload,
    description: 'Spends points on an approved reward, as the employee of the token. Refused when the balance does not cover the cost, even with requests at the same moment.',
    args: { input: t.arg({ type: RequestRedemptionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const employeeId = ctx.employeeId;
        const note = parseInput(noteSchema, input.note, ['input', 'note']);
        return { redemption: await requestRedemption(tenant, employeeId, rewardId(input.rewardId), note, ctx.now) };
      }, { redemption: null }),
  }),
  fulfillRedemption: t.withAuth({ permission: 'rewards:manage', tenant: true }).field({
    type: RedemptionPayload,
    description: 'Marks a requested redemption as delivered. Managers and admins.',
    args: { input: t.arg({ type: RedemptionIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const note = parseInput(noteSchema, input.note, ['input', 'note']);
        return { redemption: await fulfillRedemption(tenant, redemptionId(input.redemptionId), dutyActorOf(ctx), actorIdOf(ctx.principal), note, ctx.now) };
      }, { redemption: null }),
  }),
  cancelRedemption: t.withAuth({ permission: 'rewards:manage', tenant: true }).field({
    type: RedemptionPayload,
    description: 'Cancels a requested redemption and refunds its points (once). Managers and admins.',
    args: { input: t.arg({ type: RedemptionIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const note = parseInput(noteSchema, input.note, ['input', 'note']);
        return { redemption: await cancelRedemption(tenant, redemptionId(input.redemptionId), actorIdOf(ctx.principal), note, ctx.now) };
      }, { redemption: null }),
  }),
}));

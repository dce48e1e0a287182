/**
 * Rewards employees choose: proposals with a cost in points, one retractable vote per employee,
 * approval by managers from the most voted within a budget, and redemptions
 * (requested -> fulfilled | cancelled with refund) that can never overspend a balance.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import * as v from 'valibot';
import { newId, randomId } from '../db/ids.ts';
import { REDEMPTION_STATUSES, redemptions, REWARD_KINDS, REWARD_STATUSES, rewards, rewardVotes, type RedemptionStatus, type RewardKind, type RewardStatus } from '../db/rewards.ts';
import { pointsEntries } from '../features/points/tables.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { toggleVote } from '../db/vote-toggle.ts';
import { conflictError, notFoundError, parseInput, UserErrors, validationError, type UserErrorData } from '../domain/errors.ts';
import { pickWithinBudget } from '../domain/rewards.ts';
import { assertNoSelfDealing } from '../domain/separation-of-duties.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { dutyActorOf, refuseSelfDealing } from './duties.ts';
import { upperEnum } from './enums.ts';
import { UserErrorInterface } from './errors.ts';
import { idEquals, localIdFor, missingMessage } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { balanceOf } from '../features/points/service.ts';
import { actingEmployeeId, tenantFor } from './tenancy.ts';

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
  rewards: t.drizzleConnection({
    type: 'rewards',
    description: 'The reward catalogue, most voted first.',
    args: { filter: t.arg({ type: RewardFilter }) },
    ...filteredConnection({ name: 'rewards', table: rewards, permission: 'read', filter: rewardFilterSql, orderBy: { voteCount: 'desc', id: 'asc' } }),
  }),
  redemptions: t.drizzleConnection({
    type: 'redemptions',
    description: 'Redemptions, newest first.',
    args: { filter: t.arg({ type: RedemptionFilter }) },
    ...filteredConnection({ name: 'redemptions', table: redemptions, permission: 'read', filter: redemptionFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
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
type RewardRow = typeof rewards.$inferSelect;
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

async function findReward(tenant: TenantScope, globalId: string, path: string[]): Promise<RewardRow> {
  const id = localIdFor('Reward', globalId, path);
  const reward = await tenant.db.query.rewards.findFirst({ where: { id } });
  if (!reward) throw notFoundError(path, missingMessage('Reward'));
  return reward;
}

/** Adds or removes the acting employee's vote and recounts, in one batch. */
async function changeVote(tenant: TenantScope, employeeId: string, globalId: string, add: boolean) {
  const reward = await findReward(tenant, globalId, ['input', 'rewardId']);
  if (reward.status === 'retired') throw conflictError(['input', 'rewardId'], 'This reward is retired: votes on it no longer count.');
  // A proposer does not vote for their own reward (retracting stays possible for older votes).
  if (add) assertNoSelfDealing('voteForReward', [{ kind: 'employee', employeeId }], [reward.proposedById], ['input', 'rewardId']);
  return toggleVote(tenant, {
    votes: rewardVotes,
    votesFor: rewardVotes.rewardId,
    things: rewards,
    thingId: reward.id,
    employeeId,
    add,
    vote: { id: randomId('vote'), rewardId: reward.id, employeeId },
    // Checked by the INSERT itself: a reward retired since it was read gets no vote.
    addOnlyIf: sql`EXISTS (SELECT 1 FROM rewards WHERE tenant_id = ${tenant.tenantId} AND id = ${reward.id} AND status <> 'retired')`,
    touchesThing: true,
  });
}

/**
 * Guarded status change of one requested redemption (and its refund on cancel); CONFLICT when it was
 * no longer requested. `allow` sees the redemption before anything is written and may refuse it.
 */
async function transition(
  tenant: TenantScope,
  globalId: string,
  to: RedemptionStatus,
  by: string,
  note: string | null | undefined,
  allow: (redemption: typeof redemptions.$inferSelect) => void = () => {},
) {
  const path = ['input', 'redemptionId'];
  const id = localIdFor('Redemption', globalId, path);
  const t = tenant.tenantId;
  const statements: BatchItem<'sqlite'>[] = [
    tenant.updateWhere(
      redemptions,
      { status: to, decidedBy: by, decidedAt: tenant.now, ...(note ? { note } : {}) },
      and(eq(redemptions.id, id), eq(redemptions.status, 'requested')) as SQL,
    ),
  ];
  if (to === 'cancelled') {
    // The refund is written only for a cancelled redemption, and only once (unique index too).
    statements.push(
      tenant
        .insertSelect(
          pointsEntries,
          {
            id: randomId('pts'), employeeId: sql`r.employee_id`, kind: 'refund', delta: sql`r.cost`, reason: 'Redemption cancelled: points refunded',
            actor: by, recognitionId: null, programId: null, periodKey: null, redemptionId: id, createdAt: tenant.now.getTime(),
          },
          sql`FROM redemptions r WHERE r.tenant_id = ${t} AND r.id = ${id} AND r.status = 'cancelled'
              AND NOT EXISTS (SELECT 1 FROM points_entries p WHERE p.tenant_id = ${t} AND p.redemption_id = ${id} AND p.kind = 'refund')`,
        )
        .onConflictDoNothing(),
    );
  }
  const before = await tenant.db.query.redemptions.findFirst({ where: { id } });
  if (!before) throw notFoundError(path, missingMessage('Redemption'));
  allow(before);
  const [first, ...rest] = statements;
  const [changed] = (await tenant.batch([first!, ...rest])) as [D1Result, ...unknown[]];
  const redemption = await tenant.db.query.redemptions.findFirst({ where: { id } });
  if (!changed.meta.changes || !redemption) {
    throw conflictError(path, `This redemption is already ${redemption?.status ?? before.status}; only a requested redemption can be fulfilled or cancelled.`);
  }
  return redemption;
}

builder.mutationFields((t) => ({
  proposeReward: t.field({
    type: RewardPayload,
    description: 'Proposes a reward for the catalogue, as the employee of the token.',
    args: { input: t.arg({ type: ProposeRewardInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'employee:act', async () => {
        const tenant = tenantFor(ctx, 'employee:act');
        const employeeId = actingEmployeeId(ctx);
        const values = parseInput(proposeSchema, { title: input.title, description: input.description, cost: input.cost });
        const [reward] = await tenant
          .insert(rewards, { id: newId('rwd'), title: values.title, description: values.description || null, cost: values.cost, kind: input.kind, proposedById: employeeId })
          .returning();
        return { reward: reward ?? null };
      }, { reward: null }),
  }),
  voteForReward: t.field({
    type: RewardPayload,
    description: 'Votes for a reward (one vote per employee per reward; voting twice changes nothing).',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'employee:act', async () => {
        const tenant = tenantFor(ctx, 'employee:act');
        return { reward: (await changeVote(tenant, actingEmployeeId(ctx), input.rewardId, true)) ?? null };
      }, { reward: null }),
  }),
  retractRewardVote: t.field({
    type: RewardPayload,
    description: 'Takes back your vote for a reward.',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'employee:act', async () => {
        const tenant = tenantFor(ctx, 'employee:act');
        return { reward: (await changeVote(tenant, actingEmployeeId(ctx), input.rewardId, false)) ?? null };
      }, { reward: null }),
  }),
  approveReward: t.field({
    type: RewardPayload,
    description: 'Approves a proposed reward so employees can redeem it. Managers and admins.',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'rewards:manage', async () => {
        const tenant = tenantFor(ctx, 'rewards:manage');
        const reward = await findReward(tenant, input.rewardId, ['input', 'rewardId']);
        if (reward.status !== 'proposed') throw conflictError(['input', 'rewardId'], `This reward is ${reward.status}; only a proposed reward can be approved.`);
        refuseSelfDealing(ctx, 'approveReward', [reward.proposedById], ['input', 'rewardId']);
        const [updated] = await tenant.updateWhere(rewards, { status: 'approved', decidedBy: actorIdOf(ctx.principal), decidedAt: ctx.now }, and(eq(rewards.id, reward.id), eq(rewards.status, 'proposed')) as SQL).returning();
        if (!updated) throw conflictError(['input', 'rewardId'], 'This reward was just decided by someone else.');
        return { reward: updated };
      }, { reward: null }),
  }),
  approveTopRewards: t.field({
    type: RewardsPayload,
    description: 'Approves the most voted proposed rewards whose summed cost fits the budget. Managers and admins.',
    args: { input: t.arg({ type: ApproveTopRewardsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'rewards:manage', async () => {
        const tenant = tenantFor(ctx, 'rewards:manage');
        if (input.budget < 1) throw validationError(['input', 'budget'], 'The budget is a positive number of points.');
        if (input.limit !== null && input.limit !== undefined && input.limit < 1) throw validationError(['input', 'limit'], 'Approve at least one reward.');
        const proposed = await tenant.db.query.rewards.findMany({ where: { status: 'proposed' }, limit: 500 });
        // Separation of duties: the caller's own proposals are left for someone else to decide.
        const actor = dutyActorOf(ctx);
        const own = (reward: RewardRow) => actor?.kind === 'employee' && reward.proposedById === actor.employeeId;
        const skipped = proposed.filter(own);
        const picked = pickWithinBudget(proposed.filter((reward) => !own(reward)), input.budget, input.limit ?? undefined);
        if (picked.length === 0) return { rewards: [], skipped };
        const by = actorIdOf(ctx.principal);
        const updates = picked.map((reward) =>
          tenant.updateWhere(rewards, { status: 'approved', decidedBy: by, decidedAt: ctx.now }, and(eq(rewards.id, reward.id), eq(rewards.status, 'proposed')) as SQL),
        );
        const [first, ...rest] = updates;
        await tenant.batch([first!, ...rest]);
        const approved = await tenant.db.query.rewards.findMany({ where: { id: { in: picked.map((reward) => reward.id) } }, orderBy: { voteCount: 'desc', id: 'asc' } });
        return { rewards: approved, skipped };
      }, { rewards: null, skipped: null }),
  }),
  retireReward: t.field({
    type: RewardPayload,
    description: 'Retires a reward: it can no longer be voted for or redeemed. Requested redemptions stay as they are.',
    args: { input: t.arg({ type: RewardIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'rewards:manage', async () => {
        const tenant = tenantFor(ctx, 'rewards:manage');
        const reward = await findReward(tenant, input.rewardId, ['input', 'rewardId']);
        if (reward.status === 'retired') throw conflictError(['input', 'rewardId'], 'This reward is already retired.');
        const [updated] = await tenant.updateById(rewards, reward.id, { status: 'retired', decidedBy: actorIdOf(ctx.principal), decidedAt: ctx.now }).returning();
        return { reward: updated ?? null };
      }, { reward: null }),
  }),
  requestRedemption: t.field({
    type: RedemptionPayload,
    description: 'Spends points on an approved reward, as the employee of the token. Refused when the balance does not cover the cost, even with requests at the same moment.',
    args: { input: t.arg({ type: RequestRedemptionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'employee:act', async () => {
        const tenant = tenantFor(ctx, 'employee:act');
        const employeeId = actingEmployeeId(ctx);
        const note = parseInput(noteSchema, input.note, ['input', 'note']);
        const reward = await findReward(tenant, input.rewardId, ['input', 'rewardId']);
        if (reward.status !== 'approved') throw conflictError(['input', 'rewardId'], `This reward is ${reward.status}; only approved rewards can be redeemed.`);
        const id = newId('rdm');
        const t = tenant.tenantId;
        const now = ctx.now.getTime();
        // Both statements in one batch: the redemption is written only while the balance covers
        // the cost at write time, and the debit only if the redemption was written.
        await tenant.batch([
          tenant.insertSelect(
            redemptions,
            { id, rewardId: reward.id, employeeId, cost: sql`rw.cost`, status: 'requested', note: note ?? null, decidedBy: null, decidedAt: null, createdAt: now },
            sql`FROM rewards rw WHERE rw.tenant_id = ${t} AND rw.id = ${reward.id} AND rw.status = 'approved'
                AND (SELECT COALESCE(SUM(delta), 0) FROM points_entries WHERE tenant_id = ${t} AND employee_id = ${employeeId}) >= rw.cost`,
          ),
          tenant.insertSelect(
            pointsEntries,
            {
              id: randomId('pts'), employeeId, kind: 'redemption', delta: sql`-r.cost`, reason: sql`'Redeemed: ' || rw.title`, actor: employeeId,
              recognitionId: null, programId: null, periodKey: null, redemptionId: id, createdAt: now,
            },
            sql`FROM redemptions r JOIN rewards rw ON rw.tenant_id = r.tenant_id AND rw.id = r.reward_id WHERE r.tenant_id = ${t} AND r.id = ${id}`,
          ),
        ]);
        const redemption = await tenant.db.query.redemptions.findFirst({ where: { id } });
        if (!redemption) {
          const balance = await balanceOf(tenant, employeeId);
          throw new UserErrors([{ code: 'LIMIT_REACHED', path: ['input', 'rewardId'], message: `“${reward.title}” costs ${reward.cost} points and your balance is ${balance}.` }]);
        }
        return { redemption };
      }, { redemption: null }),
  }),
  fulfillRedemption: t.field({
    type: RedemptionPayload,
    description: 'Marks a requested redemption as delivered. Managers and admins.',
    args: { input: t.arg({ type: RedemptionIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'rewards:manage', async () => {
        const tenant = tenantFor(ctx, 'rewards:manage');
        const note = parseInput(noteSchema, input.note, ['input', 'note']);
        const notOwn = (redemption: { employeeId: string }) => refuseSelfDealing(ctx, 'fulfillRedemption', [redemption.employeeId], ['input', 'redemptionId']);
        return { redemption: await transition(tenant, input.redemptionId, 'fulfilled', actorIdOf(ctx.principal), note, notOwn) };
      }, { redemption: null }),
  }),
  cancelRedemption: t.field({
    type: RedemptionPayload,
    description: 'Cancels a requested redemption and refunds its points (once). Managers and admins.',
    args: { input: t.arg({ type: RedemptionIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'rewards:manage', async () => {
        const tenant = tenantFor(ctx, 'rewards:manage');
        const note = parseInput(noteSchema, input.note, ['input', 'note']);
        return { redemption: await transition(tenant, input.redemptionId, 'cancelled', actorIdOf(ctx.principal), note) };
      }, { redemption: null }),
  }),
}));

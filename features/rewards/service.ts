/**
 * The rewards feature's entry point (other features, jobs and the schema import only this file).
 *
 * Rewards employees choose, GraphQL-free: proposals with a cost in points, one retractable vote per
 * employee, approval by managers (one, or the most voted within a budget), retirement, and
 * redemptions (requested -> fulfilled | cancelled with refund) that can never overspend a balance.
 * Every read and write goes through TenantScope; failures a person can fix are UserErrors. Ids are
 * local ids (the caller decodes global ids); `by` is the recorded decider (employee or key id) and
 * `decider` who that is for separation of duties.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId, randomId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { toggleVote } from '../../db/vote-toggle.ts';
import { conflictError, missingMessage, notFoundError, UserErrors, validationError } from '../../domain/errors.ts';
import { assertNoSelfDealing, type DutyActor } from '../../domain/separation-of-duties.ts';
import { balanceOf, ledgerEntriesFrom } from '../points/service.ts';
import { pickWithinBudget } from './rules.ts';
import { type RedemptionStatus, redemptions, type RewardKind, rewards, rewardVotes } from './tables.ts';

export type RewardRow = typeof rewards.$inferSelect;
export type RedemptionRow = typeof redemptions.$inferSelect;
type Path = string[];

/** The reward `id`, or NOT_FOUND at `path`. */
export async function findReward(tenant: TenantScope, id: string, path: Path): Promise<RewardRow> {
  const reward = await tenant.db.query.rewards.findFirst({ where: { id } });
  if (!reward) throw notFoundError(path, missingMessage('Reward'));
  return reward;
}

export interface Proposal {
  title: string;
  description?: string | null | undefined;
  kind: RewardKind;
  cost: number;
}

/** A new proposed reward by `employeeId` (values already validated). */
export async function proposeReward(tenant: TenantScope, employeeId: string, proposal: Proposal): Promise<RewardRow | null> {
  const [reward] = await tenant
    .insert(rewards, { id: newId('rwd'), title: proposal.title, description: proposal.description || null, cost: proposal.cost, kind: proposal.kind, proposedById: employeeId })
    .returning();
  return reward ?? null;
}

/** Adds or removes `employeeId`'s vote for reward `rewardId` and recounts, in one batch. */
export async function changeVote(tenant: TenantScope, employeeId: string, rewardId: string, add: boolean): Promise<RewardRow | null> {
  const reward = await findReward(tenant, rewardId, ['input', 'rewardId']);
  if (reward.status === 'retired') throw conflictError(['input', 'rewardId'], 'This reward is retired: votes on it no longer count.');
  // A proposer does not vote for their own reward (retracting stays possible for older votes).
  if (add) assertNoSelfDealing('voteForReward', [{ kind: 'employee', employeeId }], [reward.proposedById], ['input', 'rewardId']);
  const voted = await toggleVote(tenant, {
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
  return voted ?? null;
}

/** Approves one proposed reward; never its proposer's own (separation of duties). */
export async function approveReward(tenant: TenantScope, rewardId: string, decider: DutyActor | null, by: string, now: Date): Promise<RewardRow> {
  const path = ['input', 'rewardId'];
  const reward = await findReward(tenant, rewardId, path);
  if (reward.status !== 'proposed') throw conflictError(path, `This reward is ${reward.status}; only a proposed reward can be approved.`);
  assertNoSelfDealing('approveReward', [decider], [reward.proposedById], path);
  const [updated] = await tenant.updateWhere(rewards, { status: 'approved', decidedBy: by, decidedAt: now }, and(eq(rewards.id, reward.id), eq(rewards.status, 'proposed')) as SQL).returning();
  if (!updated) throw conflictError(path, 'This reward was just decided by someone else.');
  return updated;
}

/**
 * Approves the most voted proposed rewards whose summed cost fits `budget` (at most `limit`), in one
 * batch. The decider's own proposals are left out and returned as `skipped`, for someone else.
 */
export async function approveTopRewards(
  tenant: TenantScope,
  budget: number,
  limit: number | null | undefined,
  decider: DutyActor | null,
  by: string,
  now: Date,
): Promise<{ rewards: RewardRow[]; skipped: RewardRow[] }> {
  if (budget < 1) throw validationError(['input', 'budget'], 'The budget is a positive number of points.');
  if (limit !== null && limit !== undefined && limit < 1) throw validationError(['input', 'limit'], 'Approve at least one reward.');
  const proposed = await tenant.db.query.rewards.findMany({ where: { status: 'proposed' }, limit: 500 });
  const own = (reward: RewardRow) => decider?.kind === 'employee' && reward.proposedById === decider.employeeId;
  const skipped = proposed.filter(own);
  const picked = pickWithinBudget(proposed.filter((reward) => !own(reward)), budget, limit ?? undefined);
  if (picked.length === 0) return { rewards: [], skipped };
  const updates = picked.map((reward) =>
    tenant.updateWhere(rewards, { status: 'approved', decidedBy: by, decidedAt: now }, and(eq(rewards.id, reward.id), eq(rewards.status, 'proposed')) as SQL),
  );
  const [first, ...rest] = updates;
  await tenant.batch([first!, ...rest]);
  const approved = await tenant.db.query.rewards.findMany({ where: { id: { in: picked.map((reward) => reward.id) } }, orderBy: { voteCount: 'desc', id: 'asc' } });
  return { rewards: approved, skipped };
}

/** Retires a reward: no more votes or redemptions; requested redemptions stay as they are. */
export async function retireReward(tenant: TenantScope, rewardId: string, by: string, now: Date): Promise<RewardRow | null> {
  const reward = await findReward(tenant, rewardId, ['input', 'rewardId']);
  if (reward.status === 'retired') throw conflictError(['input', 'rewardId'], 'This reward is already retired.');
  const [updated] = await tenant.updateById(rewards, reward.id, { status: 'retired', decidedBy: by, decidedAt: now }).returning();
  return updated ?? null;
}

/**
 * Spends `employeeId`'s points on an approved reward. Both statements go in one batch: the
 * redemption is written only while the balance covers the cost at write time, and the debit only if
 * the redemption was written; LIMIT_REACHED (with the balance) otherwise.
 */
export async function requestRedemption(tenant: TenantScope, employeeId: string, rewardId: string, note: string | null | undefined, now: Date): Promise<RedemptionRow> {
  const reward = await findReward(tenant, rewardId, ['input', 'rewardId']);
  if (reward.status !== 'approved') throw conflictError(['input', 'rewardId'], `This reward is ${reward.status}; only approved rewards can be redeemed.`);
  const id = newId('rdm');
  const t = tenant.tenantId;
  await tenant.batch([
    tenant.insertSelect(
      redemptions,
      { id, rewardId: reward.id, employeeId, cost: sql`rw.cost`, status: 'requested', note: note ?? null, decidedBy: null, decidedAt: null, createdAt: now.getTime() },
      sql`FROM rewards rw WHERE rw.tenant_id = ${t} AND rw.id = ${reward.id} AND rw.status = 'approved'
          AND (SELECT COALESCE(SUM(delta), 0) FROM points_entries WHERE tenant_id = ${t} AND employee_id = ${employeeId}) >= rw.cost`,
    ),
    ledgerEntriesFrom(
      tenant,
      {
        employeeId, kind: 'redemption', delta: sql`-r.cost`, reason: sql`'Redeemed: ' || rw.title`, actor: employeeId,
        recognitionId: null, programId: null, periodKey: null, redemptionId: id,
      },
      sql`FROM redemptions r JOIN rewards rw ON rw.tenant_id = r.tenant_id AND rw.id = r.reward_id WHERE r.tenant_id = ${t} AND r.id = ${id}`,
      now,
    ),
  ]);
  const redemption = await tenant.db.query.redemptions.findFirst({ where: { id } });
  if (!redemption) {
    const balance = await balanceOf(tenant, employeeId);
    throw new UserErrors([{ code: 'LIMIT_REACHED', path: ['input', 'rewardId'], message: `“${reward.title}” costs ${reward.cost} points and your balance is ${balance}.` }]);
  }
  return redemption;
}

const redemptionPath = ['input', 'redemptionId'];

/**
 * Guarded status change of one requested redemption (and its refund on cancel); CONFLICT when it was
 * no longer requested. `allow` sees the redemption before anything is written and may refuse it.
 */
async function transition(
  tenant: TenantScope,
  id: string,
  to: RedemptionStatus,
  by: string,
  note: string | null | undefined,
  now: Date,
  allow: (redemption: RedemptionRow) => void = () => {},
): Promise<RedemptionRow> {
  const t = tenant.tenantId;
  const statements: BatchItem<'sqlite'>[] = [
    tenant.updateWhere(
      redemptions,
      { status: to, decidedBy: by, decidedAt: now, ...(note ? { note } : {}) },
      and(eq(redemptions.id, id), eq(redemptions.status, 'requested')) as SQL,
    ),
  ];
  if (to === 'cancelled') {
    // The refund is written only for a cancelled redemption, and only once (unique index too).
    statements.push(
      ledgerEntriesFrom(
        tenant,
        {
          employeeId: sql`r.employee_id`, kind: 'refund', delta: sql`r.cost`, reason: 'Redemption cancelled: points refunded',
          actor: by, recognitionId: null, programId: null, periodKey: null, redemptionId: id,
        },
        sql`FROM redemptions r WHERE r.tenant_id = ${t} AND r.id = ${id} AND r.status = 'cancelled'
            AND NOT EXISTS (SELECT 1 FROM points_entries p WHERE p.tenant_id = ${t} AND p.redemption_id = ${id} AND p.kind = 'refund')`,
        now,
      ).onConflictDoNothing(),
    );
  }
  const before = await tenant.db.query.redemptions.findFirst({ where: { id } });
  if (!before) throw notFoundError(redemptionPath, missingMessage('Redemption'));
  allow(before);
  const [first, ...rest] = statements;
  const [changed] = (await tenant.batch([first!, ...rest])) as [D1Result, ...unknown[]];
  const redemption = await tenant.db.query.redemptions.findFirst({ where: { id } });
  if (!changed.meta.changes || !redemption) {
    throw conflictError(redemptionPath, `This redemption is already ${redemption?.status ?? before.status}; only a requested redemption can be fulfilled or cancelled.`);
  }
  return redemption;
}

/** Marks a requested redemption delivered; never by the employee who redeemed it (separation of duties). */
export const fulfillRedemption = (tenant: TenantScope, id: string, decider: DutyActor | null, by: string, note: string | null | undefined, now: Date) =>
  transition(tenant, id, 'fulfilled', by, note, now, (redemption) =>
    assertNoSelfDealing('fulfillRedemption', [decider], [redemption.employeeId], redemptionPath),
  );

/** Cancels a requested redemption and refunds its points, once. */
export const cancelRedemption = (tenant: TenantScope, id: string, by: string, note: string | null | undefined, now: Date) =>
  transition(tenant, id, 'cancelled', by, note, now);

/**
 * Rewards employees propose and vote on, and redemptions of approved rewards. A redemption debits
 * the points ledger (features/points/tables.ts) in a guarded INSERT ... SELECT (features/rewards/service.ts).
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees } from '../people/tables.ts';

export const REWARD_KINDS = ['time_off', 'commendation', 'team_lunch', 'gift', 'experience', 'other'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const REWARD_STATUSES = ['proposed', 'approved', 'retired'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export const rewards = sqliteTable(
  'rewards',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    title: text('title').notNull(),
    description: text('description'),
    kind: text('kind', { enum: REWARD_KINDS }).notNull(),
    /** Price in points. */
    cost: integer('cost').notNull(),
    status: text('status', { enum: REWARD_STATUSES }).notNull().default('proposed'),
    proposedById: text('proposed_by_id').notNull(),
    /** Recounted from reward_votes in the same batch as every vote change, so it is never stale. */
    voteCount: integer('vote_count').notNull().default(0),
    /** Who approved or retired it: an employee id or an API key id. */
    decidedBy: text('decided_by'),
    decidedAt: timestampColumn('decided_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.proposedById], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('rewards_tenant_id_unique').on(t.tenantId, t.id),
    index('rewards_tenant_status_votes_idx').on(t.tenantId, t.status, t.voteCount, t.id),
  ],
);

export const rewardVotes = sqliteTable(
  'reward_votes',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    rewardId: text('reward_id').notNull(),
    employeeId: text('employee_id').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.rewardId], foreignColumns: [rewards.tenantId, rewards.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    // One vote per employee per reward, held by the database.
    uniqueIndex('reward_votes_unique').on(t.tenantId, t.rewardId, t.employeeId),
  ],
);

export const REDEMPTION_STATUSES = ['requested', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export const redemptions = sqliteTable(
  'redemptions',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    rewardId: text('reward_id').notNull(),
    employeeId: text('employee_id').notNull(),
    /** The reward's cost when requested: what was debited, and what a cancellation refunds. */
    cost: integer('cost').notNull(),
    status: text('status', { enum: REDEMPTION_STATUSES }).notNull().default('requested'),
    note: text('note'),
    decidedBy: text('decided_by'),
    decidedAt: timestampColumn('decided_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.rewardId], foreignColumns: [rewards.tenantId, rewards.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('redemptions_tenant_id_unique').on(t.tenantId, t.id),
    index('redemptions_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('redemptions_tenant_employee_idx').on(t.tenantId, t.employeeId, t.createdAt),
  ],
);

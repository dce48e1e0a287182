/**
 * Rewards employees propose and vote on, redemptions of approved rewards, and the points ledger.
 *
 * The ledger (`points_entries`) is append-only: a balance is the sum of an employee's entries, and
 * nothing ever updates or deletes an entry. Writes that must not overspend are guarded in SQL
 * (INSERT ... SELECT ... WHERE balance >= cost), see domain/points.ts and schema/rewards.ts.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from './columns.ts';
import { employees } from './people.ts';
import { incentivePrograms, recognitions } from './recognition.ts';

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

export const POINTS_ENTRY_KINDS = ['recognition', 'achievement', 'redemption', 'refund', 'adjustment'] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];

export const pointsEntries = sqliteTable(
  'points_entries',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    employeeId: text('employee_id').notNull(),
    kind: text('kind', { enum: POINTS_ENTRY_KINDS }).notNull(),
    /** Signed: positive earns, negative spends. */
    delta: integer('delta').notNull(),
    /** Why, in words (required for adjustments). */
    reason: text('reason'),
    /** Who made it: an employee id or an API key id (adjustments, decisions). */
    actor: text('actor'),
    recognitionId: text('recognition_id'),
    programId: text('program_id'),
    /** Achievement period, e.g. 2026-11 or 2026-W47 or 2026-Q4. */
    periodKey: text('period_key'),
    redemptionId: text('redemption_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.recognitionId], foreignColumns: [recognitions.tenantId, recognitions.id] }),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [incentivePrograms.tenantId, incentivePrograms.id] }),
    foreignKey({ columns: [t.tenantId, t.redemptionId], foreignColumns: [redemptions.tenantId, redemptions.id] }),
    uniqueIndex('points_entries_tenant_id_unique').on(t.tenantId, t.id),
    index('points_entries_tenant_employee_idx').on(t.tenantId, t.employeeId, t.createdAt),
    // An achievement is awarded once per program, period and employee, however often it is evaluated.
    uniqueIndex('points_entries_achievement_unique').on(t.tenantId, t.programId, t.periodKey, t.employeeId),
    // A redemption is debited once and refunded at most once.
    uniqueIndex('points_entries_redemption_unique').on(t.tenantId, t.redemptionId, t.kind),
  ],
);

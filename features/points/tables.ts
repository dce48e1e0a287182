/**
 * The points ledger (`points_entries`), append-only: a balance is the sum of an employee's entries,
 * and nothing ever updates or deletes an entry. Writes that must not overspend are guarded in SQL
 * (INSERT ... SELECT ... WHERE balance >= cost), see rules.ts, service.ts and features/rewards/service.ts.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn } from '../../db/columns.ts';
import { employees } from '../people/tables.ts';
import { incentivePrograms } from '../incentives/tables.ts';
import { recognitions } from '../recognition/tables.ts';
import { redemptions } from '../rewards/tables.ts';

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

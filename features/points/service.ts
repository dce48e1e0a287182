/**
 * The points feature's entry point (other features, jobs and the schema import only this file).
 *
 * The append-only points ledger, GraphQL-free: balances (as SQL over an employee row, or read now)
 * and hand adjustments, written only while the balance covers a removal (the check is part of the
 * INSERT). Recognition, redemptions and incentive awards write their own guarded entries through
 * `ledgerEntriesFrom`.
 */
import { type SQL, sql } from 'drizzle-orm';
import { newId, randomId } from '../../db/ids.ts';
import type { SelectRow, TenantScope } from '../../db/tenant-scope.ts';
import { UserErrors } from '../../domain/errors.ts';
import { pointsEntries } from './tables.ts';

export type PointsEntryRow = typeof pointsEntries.$inferSelect;

/** An employee's balance as an SQL expression over their row. */
export const balanceSql = (employee: { id: unknown; tenantId: unknown }) =>
  sql<number>`(SELECT COALESCE(SUM(pe.delta), 0) FROM points_entries pe WHERE pe.tenant_id = ${employee.tenantId} AND pe.employee_id = ${employee.id})`;

/** The balance of one employee, read now. */
export async function balanceOf(tenant: TenantScope, employeeId: string): Promise<number> {
  const [row] = await tenant.rows<{ balance: number }>(
    sql`SELECT COALESCE(SUM(delta), 0) AS balance FROM points_entries WHERE tenant_id = ${tenant.tenantId} AND employee_id = ${employeeId}`,
  );
  return row?.balance ?? 0;
}

export interface Adjustment {
  employeeId: string;
  /** Non-zero: positive adds, negative removes. */
  points: number;
  reason: string;
  /** Who adjusts: an employee id or an API key id. */
  actor: string | null;
}

/**
 * Writes an adjustment entry. A removal larger than the balance is refused with LIMIT_REACHED at
 * `pointsPath`, saying how much can be removed. The caller has checked the employee exists and is
 * not the one adjusting.
 */
export async function adjustPoints(tenant: TenantScope, adjustment: Adjustment, now: Date, pointsPath: string[]): Promise<PointsEntryRow> {
  const { employeeId, points } = adjustment;
  const id = newId('pts');
  const t = tenant.tenantId;
  // Written only while the balance covers a removal: the check is part of the INSERT.
  await tenant.insertSelect(
    pointsEntries,
    {
      id, employeeId, kind: 'adjustment', delta: points, reason: adjustment.reason, actor: adjustment.actor,
      recognitionId: null, programId: null, periodKey: null, redemptionId: null, createdAt: now.getTime(),
    },
    sql`WHERE ${points} > 0 OR (SELECT COALESCE(SUM(delta), 0) FROM points_entries WHERE tenant_id = ${t} AND employee_id = ${employeeId}) + ${points} >= 0`,
  );
  const entry = await tenant.db.query.pointsEntries.findFirst({ where: { id } });
  if (entry) return entry;
  const balance = await balanceOf(tenant, employeeId);
  throw new UserErrors([{ code: 'LIMIT_REACHED', path: pointsPath, message: `The balance is ${balance} points; it cannot go below zero, so at most ${balance} can be removed.` }]);
}

/** A ledger entry another feature writes: every column but the id and created_at, each a value or SQL over `from`. */
export type LedgerEntry = Omit<SelectRow<typeof pointsEntries>, 'id' | 'createdAt'>;

/**
 * INSERT ... SELECT of ledger entries, one per row `from` selects (`from` is the FROM/WHERE and
 * filters by the tenant on every table it reads): the guard deciding whether, and for whom, points
 * move is part of the statement. Returns the builder, for a `db.batch` or `.onConflictDoNothing()`.
 */
export function ledgerEntriesFrom(tenant: TenantScope, entry: LedgerEntry, from: SQL, now: Date) {
  return tenant.insertSelect(pointsEntries, { id: randomId('pts'), ...entry, createdAt: now.getTime() }, from);
}

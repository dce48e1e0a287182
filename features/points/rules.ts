/**
 * Points ledger rules. The ledger is append-only: an employee's balance is the sum of their entries
 * and may never go below zero. Debits (redemptions, negative adjustments) are accepted only when
 * the balance covers them; refunds restore exactly what a redemption took, at most once.
 *
 * `applyLedgerOperation` is the reference model the property tests replay; the database enforces
 * the same rules with guarded SQL (features/points/service.ts, features/rewards/service.ts).
 */
import type { PointsEntryKind } from './tables.ts';

export interface LedgerEntry {
  employeeId: string;
  kind: PointsEntryKind;
  delta: number;
  redemptionId?: string | null;
}

export type LedgerOperation =
  | { type: 'award'; employeeId: string; points: number }
  | { type: 'adjust'; employeeId: string; points: number }
  | { type: 'redeem'; employeeId: string; redemptionId: string; cost: number }
  | { type: 'refund'; redemptionId: string };

export function balanceOf(entries: readonly LedgerEntry[], employeeId: string): number {
  return entries.reduce((sum, entry) => (entry.employeeId === employeeId ? sum + entry.delta : sum), 0);
}

/** Whether a debit of `amount` (> 0) is covered by `balance`. */
export const canDebit = (balance: number, amount: number) => amount >= 0 && balance - amount >= 0;

/**
 * The entries after `operation`, or the same entries when the rules refuse it (overspend, double
 * refund, refund of an unknown redemption). Never mutates its input.
 */
export function applyLedgerOperation(entries: readonly LedgerEntry[], operation: LedgerOperation): readonly LedgerEntry[] {
  switch (operation.type) {
    case 'award':
      return operation.points > 0 ? [...entries, { employeeId: operation.employeeId, kind: 'achievement', delta: operation.points }] : entries;
    case 'adjust': {
      if (operation.points === 0) return entries;
      if (operation.points < 0 && !canDebit(balanceOf(entries, operation.employeeId), -operation.points)) return entries;
      return [...entries, { employeeId: operation.employeeId, kind: 'adjustment', delta: operation.points }];
    }
    case 'redeem': {
      if (!canDebit(balanceOf(entries, operation.employeeId), operation.cost)) return entries;
      if (entries.some((entry) => entry.redemptionId === operation.redemptionId)) return entries;
      return [...entries, { employeeId: operation.employeeId, kind: 'redemption', delta: -operation.cost, redemptionId: operation.redemptionId }];
    }
    case 'refund': {
      const debit = entries.find((entry) => entry.redemptionId === operation.redemptionId && entry.kind === 'redemption');
      const refunded = entries.some((entry) => entry.redemptionId === operation.redemptionId && entry.kind === 'refund');
      if (!debit || refunded) return entries;
      return [...entries, { employeeId: debit.employeeId, kind: 'refund', delta: -debit.delta, redemptionId: operation.redemptionId }];
    }
  }
}

export const ADJUSTMENT_REASON_MAX = 500;

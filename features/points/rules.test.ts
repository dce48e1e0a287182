import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLedgerOperation, balanceOf, type LedgerEntry, type LedgerOperation } from './rules.ts';

const employees = ['a', 'b', 'c'];
const operation: fc.Arbitrary<LedgerOperation> = fc.oneof(
  fc.record({ type: fc.constant('award' as const), employeeId: fc.constantFrom(...employees), points: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ type: fc.constant('adjust' as const), employeeId: fc.constantFrom(...employees), points: fc.integer({ min: -100, max: 100 }) }),
  fc.record({ type: fc.constant('redeem' as const), employeeId: fc.constantFrom(...employees), redemptionId: fc.constantFrom('r1', 'r2', 'r3', 'r4'), cost: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ type: fc.constant('refund' as const), redemptionId: fc.constantFrom('r1', 'r2', 'r3', 'r4') }),
);

describe('points ledger model', () => {
  it('random sequences never take a balance below zero, and only ever append', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        let entries: readonly LedgerEntry[] = [];
        for (const op of operations) {
          const next = applyLedgerOperation(entries, op);
          expect(next.slice(0, entries.length)).toEqual(entries);
          entries = next;
          for (const id of employees) expect(balanceOf(entries, id)).toBeGreaterThanOrEqual(0);
        }
        // Each redemption is refunded at most once, and a refund equals its debit.
        for (const id of ['r1', 'r2', 'r3', 'r4']) {
          const related = entries.filter((entry) => entry.redemptionId === id);
          expect(related.length).toBeLessThanOrEqual(2);
          if (related.length === 2) expect(related[0]!.delta + related[1]!.delta).toBe(0);
        }
      }),
    );
  });

  it('refuses a redemption the balance does not cover', () => {
    const entries = applyLedgerOperation([], { type: 'award', employeeId: 'a', points: 50 });
    expect(applyLedgerOperation(entries, { type: 'redeem', employeeId: 'a', redemptionId: 'r', cost: 60 })).toBe(entries);
    expect(balanceOf(applyLedgerOperation(entries, { type: 'redeem', employeeId: 'a', redemptionId: 'r', cost: 50 }), 'a')).toBe(0);
  });
});

/** Empowerment budget rules: what remains, and whether a spend is refused, accepted or flagged. */
import type { OverspendPolicy } from './tables.ts';
import type { SpendKind, SpendOutcome } from './tables.ts';

export interface BudgetLimits {
  makeItRightAmount: number;
  kindnessCount: number;
}

export const limitFor = (budget: BudgetLimits, kind: SpendKind) => (kind === 'make_it_right' ? budget.makeItRightAmount : budget.kindnessCount);

export type SpendDecision = 'accept' | 'flag' | 'refuse';

/** Within the remaining budget: accept. Over it: flag for review if the policy allows, else refuse. */
export function decideSpend(limit: number, alreadySpent: number, amount: number, policy: OverspendPolicy): SpendDecision {
  if (alreadySpent + amount <= limit) return 'accept';
  return policy === 'flag' ? 'flag' : 'refuse';
}

/** "12.50 EUR" from 1250 minor units. */
export const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

export type OutcomeChangeProblem = 'to_pending' | 'unchanged' | 'note_required';

/**
 * Whether a spend's outcome may go from `from` to `to`. Outcomes are history: each recording is
 * kept (budget_spend_outcomes), and a recorded outcome may still change, because customers come
 * back and fixes do not always hold, but only forward (never back to PENDING), only to a different
 * outcome, and only with a note saying why. Null when the change is allowed.
 */
export function outcomeChangeProblem(from: SpendOutcome, to: SpendOutcome, note: string | null): OutcomeChangeProblem | null {
  if (from === to) return 'unchanged';
  if (to === 'pending') return 'to_pending';
  if (from !== 'pending' && !note) return 'note_required';
  return null;
}

/** Empowerment budget rules: what remains, and whether a spend is refused, accepted or flagged. */
import type { OverspendPolicy } from '../db/recognition.ts';
import type { SpendKind } from '../db/budgets.ts';

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

/** Reward catalogue and redemption rules: approval within a budget, and the redemption life cycle. */
import type { RedemptionStatus } from './tables.ts';

export interface RewardCandidate {
  id: string;
  cost: number;
  voteCount: number;
}

/**
 * Picks proposed rewards to approve, most voted first (ties: cheaper first, then id), while their
 * summed cost fits `budget`. A reward that does not fit is skipped and cheaper ones may still fit.
 */
export function pickWithinBudget<T extends RewardCandidate>(candidates: readonly T[], budget: number, limit = candidates.length): T[] {
  const ordered = [...candidates].sort((x, y) => y.voteCount - x.voteCount || x.cost - y.cost || (x.id < y.id ? -1 : 1));
  const picked: T[] = [];
  let spent = 0;
  for (const candidate of ordered) {
    if (picked.length >= limit) break;
    if (spent + candidate.cost <= budget) {
      picked.push(candidate);
      spent += candidate.cost;
    }
  }
  return picked;
}

/** Legal redemption transitions: requested -> fulfilled | cancelled; both are final. */
export function canTransition(from: RedemptionStatus, to: RedemptionStatus): boolean {
  return from === 'requested' && (to === 'fulfilled' || to === 'cancelled');
}

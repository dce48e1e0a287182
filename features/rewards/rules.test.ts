import { describe, expect, it } from 'vitest';
import { canTransition, pickWithinBudget } from './rules.ts';

describe('reward rules', () => {
  it('approves the most voted rewards that fit the budget', () => {
    const picked = pickWithinBudget(
      [
        { id: 'lunch', cost: 300, voteCount: 9 },
        { id: 'dayoff', cost: 500, voteCount: 7 },
        { id: 'article', cost: 50, voteCount: 3 },
        { id: 'mug', cost: 20, voteCount: 0 },
      ],
      600,
    );
    expect(picked.map((reward) => reward.id)).toEqual(['lunch', 'article', 'mug']);
  });
  it('respects a limit on how many are approved', () => {
    expect(pickWithinBudget([{ id: 'a', cost: 1, voteCount: 1 }, { id: 'b', cost: 1, voteCount: 2 }], 10, 1).map((r) => r.id)).toEqual(['b']);
  });
  it('only a requested redemption can be fulfilled or cancelled', () => {
    expect(canTransition('requested', 'fulfilled')).toBe(true);
    expect(canTransition('requested', 'cancelled')).toBe(true);
    expect(canTransition('fulfilled', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'fulfilled')).toBe(false);
  });
});

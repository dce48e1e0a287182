import { describe, expect, it } from 'vitest';
import { decideSpend, formatMoney, limitFor, outcomeChangeProblem } from './rules.ts';

describe('budget rules', () => {
  it('accepts within the remaining budget, refuses or flags beyond it by policy', () => {
    expect(decideSpend(5000, 3000, 2000, 'refuse')).toBe('accept');
    expect(decideSpend(5000, 3000, 2001, 'refuse')).toBe('refuse');
    expect(decideSpend(5000, 3000, 2001, 'flag')).toBe('flag');
  });
  it('kindness spends count giveaways, make-it-right spends money', () => {
    expect(limitFor({ makeItRightAmount: 5000, kindnessCount: 3 }, 'kindness')).toBe(3);
    expect(formatMoney(1250, 'EUR')).toBe('12.50 EUR');
  });
  it('outcomes move forward, never back to pending, and a change of a recorded outcome says why', () => {
    expect(outcomeChangeProblem('pending', 'resolved', null)).toBeNull();
    expect(outcomeChangeProblem('resolved', 'unresolved', null)).toBe('note_required');
    expect(outcomeChangeProblem('resolved', 'unresolved', 'Came back: still broken')).toBeNull();
    expect(outcomeChangeProblem('resolved', 'resolved', 'again')).toBe('unchanged');
    expect(outcomeChangeProblem('pending', 'pending', null)).toBe('unchanged');
    expect(outcomeChangeProblem('unresolved', 'pending', 'undo')).toBe('to_pending');
  });
});

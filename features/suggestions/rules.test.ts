import { describe, expect, it } from 'vitest';
import { SUGGESTION_STATUSES } from './tables.ts';
import { canTransition, OPEN_STATUSES, transitionRefusal, TRANSITIONS } from './rules.ts';

describe('suggestion workflow', () => {
  it('follows the happy path one step at a time', () => {
    const path = ['submitted', 'under_review', 'accepted', 'experimenting', 'adopted'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
    expect(canTransition('submitted', 'accepted')).toBe(false);
    expect(canTransition('accepted', 'adopted')).toBe(false);
    expect(canTransition('under_review', 'submitted')).toBe(false);
  });

  it('declines from every open status, and final statuses go nowhere', () => {
    for (const status of OPEN_STATUSES) expect(canTransition(status, 'declined')).toBe(true);
    for (const status of SUGGESTION_STATUSES) {
      expect(canTransition('adopted', status)).toBe(false);
      expect(canTransition('declined', status)).toBe(false);
      expect(canTransition(status, status)).toBe(false);
    }
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...SUGGESTION_STATUSES].sort());
  });

  it('names both ends of a refused transition', () => {
    expect(transitionRefusal('submitted', 'adopted')).toBe(
      'A suggestion cannot go from SUBMITTED to ADOPTED. From SUBMITTED it can go to UNDER_REVIEW or DECLINED.',
    );
    expect(transitionRefusal('declined', 'accepted')).toContain('DECLINED is final.');
  });
});

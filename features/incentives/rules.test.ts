import { describe, expect, it } from 'vitest';
import { assertProgramShape, progressOf } from './rules.ts';

describe('incentive rules', () => {
  it('progress is the share of the target reached, capped at 1', () => {
    expect(progressOf(3, 4)).toEqual({ value: 3, target: 4, ratio: 0.75, achieved: false });
    expect(progressOf(6, 4)).toMatchObject({ ratio: 1, achieved: true });
    expect(progressOf(null, 4.5)).toMatchObject({ ratio: 0, achieved: false });
  });
  it('checks that a program is measurable', () => {
    const base = { metric: 'praise_count' as const, scope: 'tenant' as const, target: 5, withinHours: null, employeeId: null, teamId: null };
    expect(() => assertProgramShape(base)).not.toThrow();
    expect(() => assertProgramShape({ ...base, metric: 'average_satisfaction', target: 7 })).toThrow(/1 to 5/);
    expect(() => assertProgramShape({ ...base, metric: 'complaints_resolved_within' })).toThrow(/hours/);
    expect(() => assertProgramShape({ ...base, scope: 'team' })).toThrow(/team/);
  });
});

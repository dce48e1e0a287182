import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, matchCompanyValue, recognitionProblems, remainingAllowance } from './rules.ts';

const base = { giverId: 'g', recipientIds: ['a', 'b'], pointsEach: 10, givenThisMonth: 0, receivedThisMonth: new Map<string, number>(), policy: DEFAULT_POLICY };

describe('recognition rules', () => {
  it('allows a recognition within allowance and caps', () => {
    expect(recognitionProblems(base)).toEqual([]);
  });
  it('refuses self-recognition', () => {
    expect(recognitionProblems({ ...base, recipientIds: ['g'] })[0]).toMatchObject({ code: 'SELF_DEALING', path: ['input', 'recipientIds'] });
  });
  it('counts points x recipients against the monthly allowance', () => {
    const problems = recognitionProblems({ ...base, pointsEach: 30, givenThisMonth: 50 });
    expect(problems).toEqual([expect.objectContaining({ code: 'LIMIT_REACHED', message: expect.stringContaining('60 points but you have 50') })]);
    expect(remainingAllowance(DEFAULT_POLICY, 130)).toBe(0);
  });
  it('caps what one recipient receives per month', () => {
    const problems = recognitionProblems({ ...base, receivedThisMonth: new Map([['a', 145]]) }, new Map([['a', 'Ana']]));
    expect(problems).toEqual([expect.objectContaining({ code: 'LIMIT_REACHED', message: expect.stringContaining('Ana can receive 5 more') })]);
  });
  it('zero-point recognition is never limited by points', () => {
    expect(recognitionProblems({ ...base, pointsEach: 0, givenThisMonth: 1000 })).toEqual([]);
  });
  it('matches company values case-insensitively', () => {
    expect(matchCompanyValue(DEFAULT_POLICY, ' care ')).toBe('Care');
    expect(matchCompanyValue(DEFAULT_POLICY, 'Speed')).toBeUndefined();
  });
});

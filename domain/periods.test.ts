import { describe, expect, it } from 'vitest';
import { bucketStart, bucketsIn, nextBucket, previousBucket, resolveRange } from './periods.ts';
import { trendsWithChange } from './trends.ts';
import { UserErrors } from './errors.ts';

describe('periods', () => {
  it('buckets by ISO week (Monday) and by month, in UTC', () => {
    expect(bucketStart(new Date('2026-11-22T23:00:00Z'), 'week')).toBe('2026-11-16'); // a Sunday
    expect(bucketStart(new Date('2026-11-16T00:00:00Z'), 'week')).toBe('2026-11-16'); // a Monday
    expect(bucketStart(new Date('2026-11-22T23:00:00Z'), 'month')).toBe('2026-11-01');
    expect(nextBucket('2026-12-01', 'month')).toBe('2027-01-01');
    expect(previousBucket('2026-01-05', 'week')).toBe('2025-12-29');
    expect(bucketsIn({ from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-22T00:00:00Z') }, 'month')).toEqual(['2026-10-01', '2026-11-01']);
  });

  it('checks ranges', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(resolveRange({}, now).from.toISOString()).toBe('2026-08-24T00:00:00.000Z');
    expect(() => resolveRange({ from: now, to: now }, now)).toThrow(UserErrors);
    expect(() => resolveRange({ from: new Date('2020-01-01T00:00:00Z') }, now)).toThrow(/at most 400 days/);
  });
});

describe('trends', () => {
  it('adds the previous bucket and the change', () => {
    const trends = trendsWithChange(
      [
        { theme: 'wait', label: 'waiting', bucket: '2026-11-09', count: 2 },
        { theme: 'wait', label: 'waiting', bucket: '2026-11-16', count: 5 },
        { theme: 'rude', label: 'rude', bucket: '2026-11-16', count: 1 },
      ],
      ['2026-11-16'],
      'week',
    );
    expect(trends).toEqual([
      { theme: 'wait', label: 'waiting', bucket: '2026-11-16', count: 5, previousCount: 2, change: 3, changeRatio: 1.5 },
      { theme: 'rude', label: 'rude', bucket: '2026-11-16', count: 1, previousCount: 0, change: 1, changeRatio: null },
    ]);
  });
});

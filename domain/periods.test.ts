import { describe, expect, it } from 'vitest';
import { bucketStart, bucketsIn, nextBucket, periodContaining, previousBucket, resolveRange, trailingWindow } from './periods.ts';
import { rankTrends, trendChange, trendsWithChange } from './trends.ts';
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

describe('bucketsIn: which buckets a range [from, to) touches', () => {
  const at = (iso: string) => new Date(iso);
  const buckets = (from: string, to: string, granularity: 'week' | 'month') => bucketsIn({ from: at(from), to: at(to) }, granularity);

  it('a range ending on a Monday includes that week (the Monday bug)', () => {
    expect(buckets('2026-11-01T00:00:00Z', '2026-11-23T08:00:00Z', 'week').at(-1)).toBe('2026-11-23');
    expect(buckets('2026-11-01T00:00:00Z', '2026-11-23T00:00:00.001Z', 'week').at(-1)).toBe('2026-11-23');
  });

  it('`to` is exclusive (as in the SQL): ending exactly at Monday 00:00:00.000 or on Sunday 23:59:59.999 stops at the week before', () => {
    expect(buckets('2026-11-01T00:00:00Z', '2026-11-23T00:00:00.000Z', 'week').at(-1)).toBe('2026-11-16');
    expect(buckets('2026-11-01T00:00:00Z', '2026-11-22T23:59:59.999Z', 'week').at(-1)).toBe('2026-11-16');
  });

  it('a range ending on the 1st of a month includes that month', () => {
    expect(buckets('2026-09-15T00:00:00Z', '2026-11-01T09:30:00Z', 'month')).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    expect(buckets('2026-09-15T00:00:00Z', '2026-11-01T00:00:00.001Z', 'month').at(-1)).toBe('2026-11-01');
    expect(buckets('2026-09-15T00:00:00Z', '2026-11-01T00:00:00.000Z', 'month').at(-1)).toBe('2026-10-01');
    expect(buckets('2026-09-15T00:00:00Z', '2026-10-31T23:59:59.999Z', 'month').at(-1)).toBe('2026-10-01');
  });

  it('a range starting on a bucket boundary starts with that bucket, one starting a millisecond before with the previous one', () => {
    expect(buckets('2026-11-16T00:00:00.000Z', '2026-11-20T00:00:00Z', 'week')).toEqual(['2026-11-16']);
    expect(buckets('2026-11-15T23:59:59.999Z', '2026-11-20T00:00:00Z', 'week')).toEqual(['2026-11-09', '2026-11-16']);
    expect(buckets('2026-10-31T23:59:59.999Z', '2026-11-02T00:00:00Z', 'month')).toEqual(['2026-10-01', '2026-11-01']);
  });

  it('crosses year ends, ISO week 53 and leap days', () => {
    // 2026 has 53 ISO weeks: W53 starts Monday 28 December 2026; 2027-W01 starts Monday 4 January.
    expect(buckets('2026-12-20T00:00:00Z', '2027-01-01T10:00:00Z', 'week')).toEqual(['2026-12-14', '2026-12-21', '2026-12-28']);
    expect(buckets('2026-12-28T00:00:00Z', '2027-01-04T00:00:00.000Z', 'week')).toEqual(['2026-12-28']);
    expect(buckets('2026-12-28T00:00:00Z', '2027-01-04T06:00:00Z', 'week')).toEqual(['2026-12-28', '2027-01-04']);
    expect(buckets('2026-12-31T23:00:00Z', '2027-01-01T00:00:01Z', 'month')).toEqual(['2026-12-01', '2027-01-01']);
    expect(buckets('2028-02-28T00:00:00Z', '2028-03-01T00:00:00.001Z', 'month')).toEqual(['2028-02-01', '2028-03-01']);
    expect(buckets('2028-02-28T00:00:00Z', '2028-03-01T00:00:00.000Z', 'month')).toEqual(['2028-02-01']);
  });

  it('crosses quarter boundaries by month', () => {
    expect(buckets('2026-09-30T12:00:00Z', '2026-10-01T00:00:00.001Z', 'month')).toEqual(['2026-09-01', '2026-10-01']);
    expect(buckets('2026-06-30T23:59:59.999Z', '2026-07-01T00:00:00.000Z', 'month')).toEqual(['2026-06-01']);
  });

  it('always runs from the bucket holding `from` to the bucket holding the last millisecond before `to`, without gaps', () => {
    const hour = 3_600_000;
    for (const granularity of ['week', 'month'] as const) {
      for (let to = Date.UTC(2026, 11, 20); to < Date.UTC(2027, 1, 5); to += 7 * hour + 1) {
        for (const to_ of [to, Date.UTC(2027, 0, 1), Date.UTC(2027, 0, 4)]) {
          const from = new Date(to_ - 40 * 24 * hour);
          const list = bucketsIn({ from, to: new Date(to_) }, granularity);
          expect(list[0]).toBe(bucketStart(from, granularity));
          expect(list.at(-1)).toBe(bucketStart(new Date(to_ - 1), granularity));
          list.slice(1).forEach((start, i) => expect(start).toBe(nextBucket(list[i]!, granularity)));
        }
      }
    }
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

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('calendar periods and trend ranking', () => {
  it('weeks start on Monday, UTC', () => {
    const period = periodContaining('week', new Date('2026-11-22T23:30:00Z')); // a Sunday
    expect([iso(period.previousStart), iso(period.start), iso(period.end)]).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    const monday = periodContaining('week', new Date('2026-11-23T00:00:00Z'));
    expect(iso(monday.start)).toBe('2026-11-23');
  });

  it('months and quarters cross year boundaries', () => {
    const january = periodContaining('month', new Date('2026-01-15T12:00:00Z'));
    expect([iso(january.previousStart), iso(january.start), iso(january.end)]).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    const q1 = periodContaining('quarter', new Date('2026-02-28T00:00:00Z'));
    expect([iso(q1.previousStart), iso(q1.start), iso(q1.end)]).toEqual(['2025-10-01', '2026-01-01', '2026-04-01']);
    const q4 = periodContaining('quarter', new Date('2026-12-31T23:59:59Z'));
    expect([iso(q4.start), iso(q4.end)]).toEqual(['2026-10-01', '2027-01-01']);
  });

  it('trailing windows are back to back', () => {
    const window = trailingWindow(new Date('2026-12-01T09:00:00Z'), 28);
    expect(window.start.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    expect(window.previousStart.toISOString()).toBe('2026-10-06T09:00:00.000Z');
  });

  it('trend change is absolute and relative', () => {
    expect(trendChange({ count: 6, previousCount: 4 })).toEqual({ change: 2, changeRatio: 0.5 });
    expect(trendChange({ count: 3, previousCount: 0 })).toEqual({ change: 3, changeRatio: null });
    expect(trendChange({ count: 0, previousCount: 2 })).toEqual({ change: -2, changeRatio: -1 });
  });

  it('ranks by count, then rise, then key, and drops what vanished', () => {
    const rows = [
      { key: 'b', count: 2, previousCount: 0 },
      { key: 'a', count: 2, previousCount: 1 },
      { key: 'c', count: 5, previousCount: 9 },
      { key: 'd', count: 0, previousCount: 4 },
    ];
    expect(rankTrends(rows, 10).map((row) => row.key)).toEqual(['c', 'b', 'a']);
    expect(rankTrends(rows, 1).map((row) => row.key)).toEqual(['c']);
  });
});

describe('calendar period keys', () => {
  it('months and quarters start on the first at UTC midnight and end exclusively', () => {
    const month = periodContaining('month', new Date('2026-12-31T23:59:59Z'));
    expect(month).toMatchObject({ key: '2026-12', start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    const quarter = periodContaining('quarter', new Date('2026-11-22T10:00:00Z'));
    expect(quarter).toMatchObject({ key: '2026-Q4', start: new Date('2026-10-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
  });

  it('weeks are ISO weeks from Monday, numbered by the year of their Thursday', () => {
    expect(periodContaining('week', new Date('2026-11-22T12:00:00Z'))).toMatchObject({ key: '2026-W47', start: new Date('2026-11-16T00:00:00Z') });
    expect(periodContaining('week', new Date('2026-11-23T00:00:00Z')).key).toBe('2026-W48');
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(periodContaining('week', new Date('2027-01-01T08:00:00Z')).key).toBe('2026-W53');
  });

  it('every instant lies inside its period', () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 3_600_000) {
      for (const kind of ['week', 'month', 'quarter'] as const) {
        const period = periodContaining(kind, new Date(t));
        expect(period.start.getTime()).toBeLessThanOrEqual(t);
        expect(period.end.getTime()).toBeGreaterThan(t);
      }
    }
  });
});

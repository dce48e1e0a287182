import { describe, expect, it } from 'vitest';
import { periodContaining, rankTrends, trailingWindow, trendChange } from './periods.ts';

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('periods', () => {
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

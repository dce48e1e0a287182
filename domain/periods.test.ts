import { describe, expect, it } from 'vitest';
import { periodContaining } from './periods.ts';

describe('periods', () => {
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

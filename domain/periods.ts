/** Reporting periods and trend changes for friction and complaint trends. Plain functions, UTC. */

export const PERIOD_KINDS = ['week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Start of the period before, which ends at `start`. */
  previousStart: Date;
}

const DAY = 86_400_000;

/** The calendar period of `kind` containing `at` (weeks start on Monday), and the one before. */
export function periodContaining(kind: PeriodKind, at: Date): Period {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (kind === 'week') {
    const midnight = Date.UTC(y, m, at.getUTCDate());
    const sinceMonday = (at.getUTCDay() + 6) % 7;
    const start = midnight - sinceMonday * DAY;
    return { start: new Date(start), end: new Date(start + 7 * DAY), previousStart: new Date(start - 7 * DAY) };
  }
  const months = kind === 'month' ? 1 : 3;
  const first = kind === 'month' ? m : m - (m % 3);
  return {
    start: new Date(Date.UTC(y, first, 1)),
    end: new Date(Date.UTC(y, first + months, 1)),
    previousStart: new Date(Date.UTC(y, first - months, 1)),
  };
}

/** The `days` before `end`, and the `days` before those (e.g. the four weeks before a meeting). */
export function trailingWindow(end: Date, days: number): Period {
  return { start: new Date(end.getTime() - days * DAY), end, previousStart: new Date(end.getTime() - 2 * days * DAY) };
}

export interface TrendCount {
  count: number;
  previousCount: number;
}

/** Change against the previous period: absolute, and relative (null when there was nothing before). */
export function trendChange({ count, previousCount }: TrendCount): { change: number; changeRatio: number | null } {
  return { change: count - previousCount, changeRatio: previousCount === 0 ? null : (count - previousCount) / previousCount };
}

/** Most frequent first, then biggest rise, then by key, at most `max`, dropping rows absent from the current period. */
export function rankTrends<T extends TrendCount & { key: string }>(rows: T[], max: number): T[] {
  return rows
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || b.count - b.previousCount - (a.count - a.previousCount) || a.key.localeCompare(b.key))
    .slice(0, max);
}

/**
 * Calendar periods (UTC) for allowances, incentive programs and budgets: a week (ISO, Monday
 * first), a month or a quarter, each with a stable key ("2026-W47", "2026-11", "2026-Q4").
 * UTC so that the same instant falls in the same period for every caller.
 */
import type { PeriodKind } from '../db/recognition.ts';

export interface Period {
  kind: PeriodKind;
  key: string;
  /** Inclusive start. */
  start: Date;
  /** Exclusive end. */
  end: Date;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The period of kind `kind` that contains `at`. */
export function periodContaining(kind: PeriodKind, at: Date): Period {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  switch (kind) {
    case 'month':
      return { kind, key: `${year}-${pad(month + 1)}`, start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
    case 'quarter': {
      const q = Math.floor(month / 3);
      return { kind, key: `${year}-Q${q + 1}`, start: new Date(Date.UTC(year, q * 3, 1)), end: new Date(Date.UTC(year, q * 3 + 3, 1)) };
    }
    case 'week': {
      const midnight = Date.UTC(year, month, at.getUTCDate());
      const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday = 0
      const start = new Date(midnight - weekday * DAY);
      // ISO week-numbering year: the year of the week's Thursday.
      const thursday = new Date(start.getTime() + 3 * DAY);
      const isoYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY)) + 1;
      return { kind, key: `${isoYear}-W${pad(week)}`, start, end: new Date(start.getTime() + 7 * DAY) };
    }
  }
}

/** The giving-allowance month of `at`, e.g. "2026-11". */
export const monthKey = (at: Date) => periodContaining('month', at).key;

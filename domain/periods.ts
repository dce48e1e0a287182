/**
 * Periods, in UTC, weeks starting on Monday (ISO 8601): date ranges and week/month buckets for the
 * customer voice (SQL uses the same definition, features/voice/stats.ts), and calendar periods and
 * trailing windows for friction trends and meeting agendas.
 */
import { validationError } from './errors.ts';

export type Granularity = 'week' | 'month';

export interface DateRange {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;
/** Longest range a voice or trend query may cover. */
export const MAX_RANGE_DAYS = 400;
/** Default look-back when no range is given. */
export const DEFAULT_RANGE_DAYS = 90;

/** A bucket is a calendar period (periodContaining below); buckets are named by their first day. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const bucketAt = (start: string, granularity: Granularity) => periodContaining(granularity, new Date(`${start}T00:00:00Z`));

/** The first day (YYYY-MM-DD) of the bucket that contains `date`. */
export function bucketStart(date: Date, granularity: Granularity): string {
  return isoDay(periodContaining(granularity, date).start);
}

/** The first day of the bucket after the one starting at `start`. */
export function nextBucket(start: string, granularity: Granularity): string {
  return isoDay(bucketAt(start, granularity).end);
}

/** The first day of the bucket before the one starting at `start`. */
export function previousBucket(start: string, granularity: Granularity): string {
  return isoDay(bucketAt(start, granularity).previousStart);
}

/**
 * Every bucket that overlaps the range, oldest first, named by its first day. `to` is exclusive,
 * as in the SQL (`received_at < to`): a bucket is in when it starts before `to`. Instants are
 * compared, not day strings, so a range ending on the first day of a bucket (any time after its
 * midnight: Mondays for weeks, the 1st for months) includes that bucket.
 */
export function bucketsIn(range: DateRange, granularity: Granularity): string[] {
  const buckets: string[] = [];
  let bucket = periodContaining(granularity, range.from);
  do {
    buckets.push(isoDay(bucket.start));
    bucket = periodContaining(granularity, bucket.end);
  } while (bucket.start < range.to);
  return buckets;
}

/**
 * A checked range: `from` before `to`, at most MAX_RANGE_DAYS long. Missing ends default to the
 * last DEFAULT_RANGE_DAYS up to `now`.
 */
export function resolveRange(input: { from?: Date | null; to?: Date | null }, now: Date, path: string[] = []): DateRange {
  const to = input.to ?? now;
  const from = input.from ?? new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY);
  if (from >= to) throw validationError([...path, 'from'], '`from` must be before `to`.');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw validationError([...path, 'to'], `A range covers at most ${MAX_RANGE_DAYS} days.`);
  }
  return { from, to };
}

// ---- calendar periods (friction trends, meeting agendas) ----------------------------------------

export const PERIOD_KINDS = ['week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A span of time and the span of the same length just before it. */
export interface Window {
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Start of the span before, which ends at `start`. */
  previousStart: Date;
}

/** A calendar period with a stable key ("2026-W47", "2026-11", "2026-Q4"), e.g. for allowances. */
export interface Period extends Window {
  kind: PeriodKind;
  key: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar period of `kind` containing `at`, and where the one before starts. Weeks are ISO
 * weeks (Monday first, numbered by the year of their Thursday); UTC, so the same instant falls in
 * the same period for every caller.
 */
export function periodContaining(kind: PeriodKind, at: Date): Period {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  if (kind === 'week') {
    const midnight = Date.UTC(year, month, at.getUTCDate());
    const start = midnight - ((at.getUTCDay() + 6) % 7) * DAY;
    const thursday = new Date(start + 3 * DAY);
    const isoYear = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY)) + 1;
    return { kind, key: `${isoYear}-W${pad(week)}`, start: new Date(start), end: new Date(start + 7 * DAY), previousStart: new Date(start - 7 * DAY) };
  }
  const months = kind === 'month' ? 1 : 3;
  const first = kind === 'month' ? month : month - (month % 3);
  const key = kind === 'month' ? `${year}-${pad(month + 1)}` : `${year}-Q${Math.floor(month / 3) + 1}`;
  return {
    kind,
    key,
    start: new Date(Date.UTC(year, first, 1)),
    end: new Date(Date.UTC(year, first + months, 1)),
    previousStart: new Date(Date.UTC(year, first - months, 1)),
  };
}

/** The giving-allowance month of `at`, e.g. "2026-11". */
export const monthKey = (at: Date) => periodContaining('month', at).key;

/** The `days` before `end`, and the `days` before those (e.g. the four weeks before a meeting). */
export function trailingWindow(end: Date, days: number): Window {
  return { start: new Date(end.getTime() - days * DAY), end, previousStart: new Date(end.getTime() - 2 * days * DAY) };
}


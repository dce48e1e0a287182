/**
 * When a tenant's weekly summary is due, and which week it covers, in the tenant's own time zone.
 * Pure: every function takes the instant it reasons about (the cron's scheduledTime, a request's
 * ctx.now), never reads a clock. Cron runs are neither exactly-once nor non-overlapping, so
 * everything downstream is keyed on the period these return.
 */
import { periodContaining } from '../../domain/periods.ts';

const DAY = 86_400_000;

export interface ScheduleSettings {
  timeZone: string;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Local hour, 0-23. */
  hour: number;
}

/** A week of the tenant's calendar: local midnight Monday to local midnight Monday, as instants. */
export interface SummaryPeriod {
  /** ISO week key, e.g. "2026-W47". */
  key: string;
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Start of the week before (for "against the previous period"). */
  previousStart: Date;
  timeZone: string;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** The instant of local midnight starting the date (year, month, day) in `timeZone`. */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  // Offset-correct twice: the offset at the guess can differ from the offset at the answer
  // (a daylight-saving change on that day).
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - seen;
  }
  return new Date(guess);
}

/** The tenant-local ISO week with key `key` ("2026-W47"), or null when the key is malformed. */
export function periodForKey(key: string, timeZone: string): SummaryPeriod | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  // ISO week 1 is the week with January 4th in it.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (week - 1) * 7 * DAY;
  const mondayDate = new Date(monday);
  if (week < 1 || periodContaining('week', mondayDate).key !== key) return null;
  const at = (ms: number) => {
    const d = new Date(ms);
    return localMidnight(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timeZone);
  };
  return { key, start: at(monday), end: at(monday + 7 * DAY), previousStart: at(monday - 7 * DAY), timeZone };
}

/** The last complete tenant-local ISO week before the local date of `at`. */
export function previousWeek(at: Date, timeZone: string): SummaryPeriod {
  const p = localParts(at, timeZone);
  const localDate = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const key = periodContaining('week', new Date(localDate.getTime() - 7 * DAY)).key;
  return periodForKey(key, timeZone)!;
}

/**
 * Hourly runs that still start a tenant's week after its hour: a missed or failed cron run is
 * caught up by the next ones. Repeats cost a no-op compile (summaries and emails are idempotent).
 */
export const CATCH_UP_HOURS = 3;

/**
 * The week whose summary is due at `at`, or null. Due from the tenant's local weekday and hour for
 * CATCH_UP_HOURS hours, so an hourly cron starts each tenant's week at its own local hour whatever
 * the UTC offset, and a repeated, late or missed run gives the same period.
 */
export function duePeriod(settings: ScheduleSettings, at: Date): SummaryPeriod | null {
  for (let late = 0; late < CATCH_UP_HOURS; late++) {
    const then = new Date(at.getTime() - late * 3_600_000);
    const p = localParts(then, settings.timeZone);
    if (p.weekday === settings.weekday && p.hour === settings.hour) return previousWeek(then, settings.timeZone);
  }
  return null;
}

/** "Mon 16 Nov" in the tenant's zone: how a quote's call is dated in a summary. */
export function localDayLabel(at: Date, timeZone: string): string {
  let found = dayLabels.get(timeZone);
  if (!found) {
    // Formatters are costly to build; a week's compile dates thousands of quotes.
    found = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
    dayLabels.set(timeZone, found);
  }
  return found.format(at);
}
const dayLabels = new Map<string, Intl.DateTimeFormat>();

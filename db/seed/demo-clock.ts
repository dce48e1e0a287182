/**
 * Where and when the demo tenants work: each one's time zone, trade and hours, and wall-clock time
 * in that zone, so seeded calls, complaints and recognition happen when a shop is open and a
 * manager is at work, not at 03:00 local time.
 */
import { localParts } from '../../features/summaries/schedule.ts';
import type { Trade } from './demo-phrases.ts';

export interface DemoWorkplace {
  timeZone: string;
  trade: Trade;
  /** When customers are served and complain (local hours, [from, to)), every day. */
  opening: [number, number];
  /** When managers call customers and staff recognise each other: weekdays, local hours [from, to). */
  office: [number, number];
}

export const DEMO_WORKPLACES: Record<string, DemoWorkplace> = {
  brewline: { timeZone: 'Europe/Lisbon', trade: 'cafe', opening: [7, 19], office: [9, 18] },
  voltmart: { timeZone: 'America/Chicago', trade: 'appliances', opening: [9, 20], office: [9, 18] },
};

/** Unknown slugs (the large tenant, benchmarks) work in UTC, as a café does. */
export const workplaceOf = (slug: string): DemoWorkplace => DEMO_WORKPLACES[slug] ?? { timeZone: 'UTC', trade: 'cafe', opening: [7, 19], office: [9, 18] };

/** The instant the clocks in `timeZone` show year-month-day hour:minute (corrected across DST changes). */
export function wallClock(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    guess += wall - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  return new Date(guess);
}

/** The local calendar day `days` after the local day of `from`, at hour:minute local time. */
export function localDayAt(timeZone: string, from: Date, days: number, hour: number, minute: number): Date {
  const p = localParts(from, timeZone);
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return wallClock(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
}

/** ISO weekday (1 = Monday) of the local day `days` after the local day of `from`. */
export function localWeekday(timeZone: string, from: Date, days: number): number {
  const p = localParts(from, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day + days)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

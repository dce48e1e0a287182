/**
 * The request clock. Every "now" in a request (default periods, allowances, expiries, timestamps
 * written to the database) is read once, here, into `ctx.now`, so one response never mixes two
 * instants and tests can pin time instead of depending on the day they run.
 *
 * Production reads the system clock and ignores both overrides below.
 * - `FRONTLINE_NOW` (a var, an RFC 3339 instant) fixes the clock when ENVIRONMENT is `test` or
 *   `development`: vitest.config.ts pins it, and a developer can replay a date in `.dev.vars`.
 * - the `X-Frontline-Now` request header moves one request in time, only when ENVIRONMENT is
 *   `test`, so a test can run the same operation at several instants (a Monday, the 1st).
 */
import { GraphQLError } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Env } from './env.ts';

export type Clock = () => Date;

/** The only place the system time is read for request logic. */
export const systemClock: Clock = () => new Date();

export const NOW_HEADER = 'X-Frontline-Now';

/** An RFC 3339 instant, read exactly like the DateTime scalar reads input (schema/scalars.ts). */
function parseInstant(value: string, source: string): Date {
  let date: unknown;
  try {
    date = GraphQLDateTime.parseValue(value);
  } catch {
    date = null;
  }
  if (date instanceof Date && !Number.isNaN(date.getTime())) return date;
  throw new GraphQLError(`${source} must be an RFC 3339 instant such as 2026-11-23T00:00:05Z; got "${value.slice(0, 64)}".`, {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

/**
 * The instant a request runs at: the test header, else the pinned var, else `clock()`. Called
 * once per request (worker/yoga.ts); everything downstream reads `ctx.now`.
 */
export function requestNow(headers: Headers, env: Pick<Env, 'ENVIRONMENT' | 'FRONTLINE_NOW'>, clock: Clock = systemClock): Date {
  if (env.ENVIRONMENT === 'test') {
    const header = headers.get(NOW_HEADER);
    if (header) return parseInstant(header, NOW_HEADER);
  }
  if ((env.ENVIRONMENT === 'test' || env.ENVIRONMENT === 'development') && env.FRONTLINE_NOW) {
    return parseInstant(env.FRONTLINE_NOW, 'FRONTLINE_NOW');
  }
  return clock();
}

/**
 * Milliseconds since the returned function was made, for request and job durations in the logs
 * (never for request logic, which reads the request clock). Workers advance timers only across
 * I/O, so a request that does none measures 0.
 */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => Math.round((performance.now() - started) * 10) / 10;
}

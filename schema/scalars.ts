/** DateTime (RFC 3339 instant) and Date (calendar day, YYYY-MM-DD). */
import { GraphQLError, Kind } from 'graphql';
// Only this scalar is imported (the package is side-effect free, so the bundle keeps just it).
import { GraphQLDateTime } from 'graphql-scalars';
import { builder } from './builder.ts';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

const DATE_TIME_HELP = 'DateTime must be an RFC 3339 instant with a time zone, e.g. "2026-11-22T09:30:00Z" or "2026-11-22T10:30:00.123456+01:00"';

/**
 * RFC 3339 as real clients write it (any number of fractional digits, `Z` or an offset), checked
 * by graphql-scalars' DateTime (a real calendar date, hours to 23, seconds required). Its own
 * errors carry no code; ours are BAD_USER_INPUT and say what to send. Precision below a
 * millisecond is dropped (a JavaScript Date holds milliseconds).
 */
function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw invalid(`${DATE_TIME_HELP}.`);
  let date: unknown;
  try {
    date = GraphQLDateTime.parseValue(value);
  } catch {
    throw invalid(`${DATE_TIME_HELP}; got "${value.slice(0, 64)}".`);
  }
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw invalid(`${DATE_TIME_HELP}; got "${value.slice(0, 64)}".`);
  return date;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw invalid('Date must be a real calendar day written YYYY-MM-DD, e.g. "2024-03-18".');
  }
  return value;
}

builder.scalarType('DateTime', {
  description:
    'An instant. Input: RFC 3339 with a time zone, any fractional digits, e.g. "2026-11-22T09:30:00Z" or "2026-11-22T10:30:00.123456+01:00". Output: always UTC with milliseconds, e.g. "2026-11-22T09:30:00.000Z".',
  // Our own serializer: graphql-scalars' returns the Date itself; clients keep getting this string.
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

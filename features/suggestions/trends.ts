/**
 * The GROUP BY queries behind friction trends (suggestions per category and theme). Each counts the
 * current and the previous period in one statement. `finishTrends` ranks counted rows the same way
 * for the meeting agenda's complaint trends (features/meetings/service.ts).
 */
import { eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { suggestions, suggestionThemes } from './tables.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import type { Window as Period } from '../../domain/periods.ts';
import { rankTrends, trendChange } from '../../domain/trends.ts';

export interface TrendRow {
  key: string;
  label: string;
  count: number;
  previousCount: number;
  change: number;
  changeRatio: number | null;
}

/** count = rows at or after period.start; previousCount = rows before it (the query spans both). */
const inCurrent = (column: SQL | SQLiteColumn, period: Period) =>
  sql<number>`coalesce(sum(CASE WHEN ${column} >= ${period.start.getTime()} THEN 1 ELSE 0 END), 0)`;
const inPrevious = (column: SQL | SQLiteColumn, period: Period) =>
  sql<number>`coalesce(sum(CASE WHEN ${column} < ${period.start.getTime()} THEN 1 ELSE 0 END), 0)`;

export const finishTrends = (rows: { key: string; label: string; count: number; previousCount: number }[], max: number): TrendRow[] =>
  rankTrends(
    rows.map((row) => ({ ...row, count: Number(row.count), previousCount: Number(row.previousCount) })),
    max,
  ).map((row) => ({ ...row, ...trendChange(row) }));

/** Suggestions per category in the period and the one before (optionally for one team). */
export async function suggestionCategoryTrends(tenant: TenantScope, period: Period, teamId: string | null): Promise<TrendRow[]> {
  const rows = await tenant
    .select({
      key: suggestions.category,
      label: suggestions.category,
      count: inCurrent(suggestions.createdAt, period),
      previousCount: inPrevious(suggestions.createdAt, period),
    })
    .from(
      suggestions,
      gte(suggestions.createdAt, period.previousStart),
      lt(suggestions.createdAt, period.end),
      teamId ? eq(suggestions.teamId, teamId) : undefined,
    )
    .groupBy(suggestions.category);
  return finishTrends(rows, 10);
}

/** Recurring suggestion themes in the period and the one before. */
export async function suggestionThemeTrends(tenant: TenantScope, period: Period, teamId: string | null, max: number): Promise<TrendRow[]> {
  const rows = await tenant
    .select({
      key: suggestionThemes.theme,
      label: sql<string>`min(${suggestionThemes.label})`,
      count: inCurrent(suggestionThemes.createdAt, period),
      previousCount: inPrevious(suggestionThemes.createdAt, period),
    })
    .from(
      suggestionThemes,
      gte(suggestionThemes.createdAt, period.previousStart),
      lt(suggestionThemes.createdAt, period.end),
      teamId ? eq(suggestionThemes.teamId, teamId) : undefined,
    )
    .groupBy(suggestionThemes.theme)
    .orderBy(sql`3 DESC`, suggestionThemes.theme)
    .limit(max * 3);
  return finishTrends(rows, max);
}

/**
 * The GROUP BY queries behind friction trends (suggestions) and the meeting agenda's complaint
 * trends (customer feedback). Each counts the current and the previous period in one statement.
 */
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { feedback, feedbackThemes } from '../db/voice.ts';
import { suggestions, suggestionThemes } from '../db/suggestions.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import type { Window as Period } from '../domain/periods.ts';
import { rankTrends, trendChange } from '../domain/trends.ts';

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

const finish = (rows: { key: string; label: string; count: number; previousCount: number }[], max: number): TrendRow[] =>
  rankTrends(
    rows.map((row) => ({ ...row, count: Number(row.count), previousCount: Number(row.previousCount) })),
    max,
  ).map((row) => ({ ...row, ...trendChange(row) }));

/** Suggestions per category in the period and the one before (optionally for one team). */
export async function suggestionCategoryTrends(tenant: TenantScope, period: Period, teamId: string | null): Promise<TrendRow[]> {
  const rows = await tenant.db
    .select({
      key: suggestions.category,
      label: suggestions.category,
      count: inCurrent(suggestions.createdAt, period),
      previousCount: inPrevious(suggestions.createdAt, period),
    })
    .from(suggestions)
    .where(
      tenant.filter(
        suggestions,
        gte(suggestions.createdAt, period.previousStart),
        lt(suggestions.createdAt, period.end),
        teamId ? eq(suggestions.teamId, teamId) : undefined,
      ),
    )
    .groupBy(suggestions.category);
  return finish(rows, 10);
}

/** Recurring suggestion themes in the period and the one before. */
export async function suggestionThemeTrends(tenant: TenantScope, period: Period, teamId: string | null, max: number): Promise<TrendRow[]> {
  const rows = await tenant.db
    .select({
      key: suggestionThemes.theme,
      label: sql<string>`min(${suggestionThemes.label})`,
      count: inCurrent(suggestionThemes.createdAt, period),
      previousCount: inPrevious(suggestionThemes.createdAt, period),
    })
    .from(suggestionThemes)
    .where(
      tenant.filter(
        suggestionThemes,
        gte(suggestionThemes.createdAt, period.previousStart),
        lt(suggestionThemes.createdAt, period.end),
        teamId ? eq(suggestionThemes.teamId, teamId) : undefined,
      ),
    )
    .groupBy(suggestionThemes.theme)
    .orderBy(sql`3 DESC`, suggestionThemes.theme)
    .limit(max * 3);
  return finish(rows, max);
}

/**
 * A team's top complaint themes from customer feedback (db/voice.ts) in the period, with the
 * previous period's counts: one GROUP BY over feedback_themes joined to feedback for the team.
 */
export async function teamComplaintTrends(tenant: TenantScope, teamId: string, period: Period, max: number): Promise<TrendRow[]> {
  const rows = await tenant.db
    .select({
      key: feedbackThemes.theme,
      label: sql<string>`min(${feedbackThemes.label})`,
      count: inCurrent(feedbackThemes.receivedAt, period),
      previousCount: inPrevious(feedbackThemes.receivedAt, period),
    })
    .from(feedbackThemes)
    .innerJoin(feedback, and(eq(feedback.tenantId, feedbackThemes.tenantId), eq(feedback.id, feedbackThemes.feedbackId)))
    .where(
      tenant.filter(
        feedback,
        // Stated on feedback_themes too, so its (tenant_id, kind, received_at) index leads the plan.
        eq(feedbackThemes.tenantId, tenant.tenantId),
        eq(feedbackThemes.kind, 'complaint'),
        eq(feedback.teamId, teamId),
        gte(feedbackThemes.receivedAt, period.previousStart),
        lt(feedbackThemes.receivedAt, period.end),
      ),
    )
    .groupBy(feedbackThemes.theme)
    .orderBy(sql`3 DESC`, feedbackThemes.theme)
    .limit(max * 3);
  return finish(rows, max);
}

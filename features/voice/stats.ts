/**
 * Aggregations over the customer voice, done in SQL (GROUP BY, window functions) so their cost
 * does not grow with the rows in JavaScript. Each function is ONE statement for any number of
 * subjects; lists of ids travel as one JSON parameter (json_each), clear of D1's 100-parameter limit.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Granularity, DateRange } from '../../domain/periods.ts';
import { jsonList } from '../../db/batching.ts';
import type { ThemeBucketCount } from '../../domain/trends.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';

export type VoiceLevel = 'employee' | 'team' | 'tenant';

export interface VoiceStats {
  subjectId: string;
  callCount: number;
  averageSatisfaction: number | null;
  /** % promoters (9-10) minus % detractors (0-6), over calls with an NPS answer. */
  nps: number | null;
  npsResponses: number;
  praiseCount: number;
  complaintCount: number;
  ideaCount: number;
}

/** SQL for the bucket (first day, YYYY-MM-DD) of a millisecond timestamp column. */
function bucketSql(column: SQL, granularity: Granularity): SQL {
  return granularity === 'week'
    ? sql`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch', 'weekday 0', '-6 days')`
    : sql`strftime('%Y-%m-01', ${column} / 1000, 'unixepoch')`;
}

/** Complaint counts per theme and bucket in [from, to). One GROUP BY. */
export async function complaintThemeCounts(tenant: TenantScope, range: DateRange, granularity: Granularity): Promise<ThemeBucketCount[]> {
  const bucket = bucketSql(sql`ft.received_at`, granularity);
  // The label is the theme's current one (a rename shows at once); a key no longer in the taxonomy
  // (until a re-theme run reaches its records) keeps the label it was classified with.
  const rows = await tenant.rows<{ theme: string; label: string; bucket: string; count: number }>(sql`
    SELECT ft.theme, coalesce(min(t.label), min(ft.label)) AS label, ${bucket} AS bucket, count(*) AS count
    FROM feedback_themes ft LEFT JOIN themes t ON t.tenant_id = ft.tenant_id AND t.key = ft.theme
    WHERE ft.tenant_id = ${tenant.tenantId} AND ft.kind = 'complaint'
      AND ft.received_at >= ${range.from.getTime()} AND ft.received_at < ${range.to.getTime()}
    GROUP BY ft.theme, bucket`);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/**
 * Up to `perTrend` example complaint ids for each (theme, bucket) pair, newest first. One
 * statement with a window function.
 */
export async function complaintExamples(
  tenant: TenantScope,
  pairs: { theme: string; bucket: string }[],
  range: DateRange,
  granularity: Granularity,
  perTrend: number,
): Promise<Map<string, string[]>> {
  const examples = new Map<string, string[]>();
  if (pairs.length === 0) return examples;
  const bucket = bucketSql(sql`received_at`, granularity);
  const rows = await tenant.rows<{ feedback_id: string; pair: string }>(sql`
    SELECT feedback_id, pair FROM (
      SELECT feedback_id, theme || '|' || ${bucket} AS pair,
             row_number() OVER (PARTITION BY theme, ${bucket} ORDER BY received_at DESC, feedback_id) AS rank
      FROM feedback_themes
      WHERE tenant_id = ${tenant.tenantId} AND kind = 'complaint'
        AND received_at >= ${range.from.getTime()} AND received_at < ${range.to.getTime()}
    )
    WHERE rank <= ${perTrend} AND pair IN ${jsonList(pairs.map((pair) => `${pair.theme}|${pair.bucket}`))}`);
  for (const row of rows) examples.set(row.pair, [...(examples.get(row.pair) ?? []), row.feedback_id]);
  return examples;
}

const SUBJECT_COLUMN: Record<Exclude<VoiceLevel, 'tenant'>, SQL> = {
  employee: sql.raw('employee_id'),
  team: sql.raw('team_id'),
};

/**
 * Voice figures for many subjects of one level in one statement. For employees and teams the
 * calls are those in which a customer mentioned the person (or a member of the team); for the
 * tenant, every call. Subjects with no data come back with zero counts.
 */
export async function voiceStats(tenant: TenantScope, level: VoiceLevel, subjectIds: readonly string[], range: DateRange): Promise<VoiceStats[]> {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const t = tenant.tenantId;
  const ids = JSON.stringify(subjectIds);
  const subjects = sql`subjects(subject) AS (SELECT value FROM json_each(${ids}))`;
  const query =
    level === 'tenant'
      ? sql`WITH ${subjects},
        fb AS (SELECT sum(kind = 'praise') AS praise, sum(kind = 'complaint') AS complaints, sum(kind = 'idea') AS ideas
               FROM feedback WHERE tenant_id = ${t} AND received_at >= ${from} AND received_at < ${to}),
        calls AS (SELECT count(*) AS n, avg(satisfaction) AS satisfaction, sum(nps >= 9) AS promoters, sum(nps <= 6) AS detractors, count(nps) AS nps_n
               FROM survey_calls WHERE tenant_id = ${t} AND called_at >= ${from} AND called_at < ${to})
        SELECT s.subject, calls.n, calls.satisfaction, calls.promoters, calls.detractors, calls.nps_n, fb.praise, fb.complaints, fb.ideas
        FROM subjects s, fb, calls`
      : sql`WITH ${subjects},
        fb AS (SELECT ${SUBJECT_COLUMN[level]} AS subject, sum(kind = 'praise') AS praise, sum(kind = 'complaint') AS complaints, sum(kind = 'idea') AS ideas
               FROM feedback WHERE tenant_id = ${t} AND ${SUBJECT_COLUMN[level]} IN (SELECT subject FROM subjects)
                 AND received_at >= ${from} AND received_at < ${to}
               GROUP BY ${SUBJECT_COLUMN[level]}),
        mentioned AS (SELECT DISTINCT ${SUBJECT_COLUMN[level]} AS subject, call_id FROM feedback
               WHERE tenant_id = ${t} AND call_id IS NOT NULL AND ${SUBJECT_COLUMN[level]} IN (SELECT subject FROM subjects)
                 AND received_at >= ${from} AND received_at < ${to}),
        calls AS (SELECT m.subject, count(*) AS n, avg(c.satisfaction) AS satisfaction, sum(c.nps >= 9) AS promoters,
                         sum(c.nps <= 6) AS detractors, count(c.nps) AS nps_n
               FROM mentioned m JOIN survey_calls c ON c.tenant_id = ${t} AND c.id = m.call_id
               GROUP BY m.subject)
        SELECT s.subject, calls.n, calls.satisfaction, calls.promoters, calls.detractors, calls.nps_n, fb.praise, fb.complaints, fb.ideas
        FROM subjects s LEFT JOIN fb ON fb.subject = s.subject LEFT JOIN calls ON calls.subject = s.subject`;
  const rows = await tenant.rows<{
    subject: string;
    n: number | null;
    satisfaction: number | null;
    promoters: number | null;
    detractors: number | null;
    nps_n: number | null;
    praise: number | null;
    complaints: number | null;
    ideas: number | null;
  }>(query);
  return rows.map((row) => {
    const npsResponses = Number(row.nps_n ?? 0);
    return {
      subjectId: row.subject,
      callCount: Number(row.n ?? 0),
      averageSatisfaction: row.satisfaction == null ? null : Math.round(Number(row.satisfaction) * 100) / 100,
      nps: npsResponses === 0 ? null : Math.round(((Number(row.promoters ?? 0) - Number(row.detractors ?? 0)) / npsResponses) * 1000) / 10,
      npsResponses,
      praiseCount: Number(row.praise ?? 0),
      complaintCount: Number(row.complaints ?? 0),
      ideaCount: Number(row.ideas ?? 0),
    };
  });
}

/**
 * The ids of the best praise from survey calls for many subjects in one statement: per subject,
 * the `perSubject` most positive quotes in the range (ties: newest first).
 */
export async function topPraiseIds(
  tenant: TenantScope,
  level: VoiceLevel,
  subjectIds: readonly string[],
  range: DateRange,
  perSubject: number,
): Promise<{ subject: string; id: string }[]> {
  const subject = level === 'tenant' ? sql.raw('tenant_id') : SUBJECT_COLUMN[level];
  return tenant.rows<{ subject: string; id: string }>(sql`
    SELECT subject, id FROM (
      SELECT ${subject} AS subject, id,
             row_number() OVER (PARTITION BY ${subject} ORDER BY sentiment DESC, received_at DESC, id) AS rank
      FROM feedback
      WHERE tenant_id = ${tenant.tenantId} AND kind = 'praise' AND call_id IS NOT NULL
        AND ${subject} IN ${jsonList(subjectIds)}
        AND received_at >= ${range.from.getTime()} AND received_at < ${range.to.getTime()}
    )
    WHERE rank <= ${perSubject}
    ORDER BY subject, rank`);
}

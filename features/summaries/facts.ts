/**
 * The period's facts, read with hand-written SQL through TenantScope.rows: one statement per
 * source, whatever the tenant's size (a 200-employee week is about ten statements). Every query
 * filters every table it reads by the tenant.
 *
 * Other features have no service.ts yet, so every cross-feature read lives here, one function per
 * source, labelled with the feature that owns the data; each can move into that feature's
 * service later without changing the compile step.
 */
import { sql } from 'drizzle-orm';
import type { TenantScope } from '../../db/tenant-scope.ts';
import type {
  AdoptedSuggestionFact, EmployeeCallFigure, ExperimentFact, FeedbackFact, PeriodFacts, PersonFact, PointsFact, RecognitionFact, SpendFact, TeamCallFigure, TeamFact, ThemeFact,
} from './rules.ts';
import type { SummaryPeriod } from './schedule.ts';

const ms = (date: Date) => date.getTime();
const ids = (json: string | null): string[] => (json ? (JSON.parse(json) as (string | null)[]).filter((id): id is string => id !== null) : []);

/** Feature people: active employees (deactivated people get no summary). */
export async function readPeople(tenant: TenantScope): Promise<PersonFact[]> {
  const rows = await tenant.rows<{ id: string; name: string; role: PersonFact['role']; team_id: string | null }>(
    sql`SELECT id, name, role, team_id FROM employees WHERE tenant_id = ${tenant.tenantId} AND status = 'active' ORDER BY name, id`,
  );
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, teamId: row.team_id }));
}

/** Feature people: active teams. */
export async function readTeams(tenant: TenantScope): Promise<TeamFact[]> {
  return tenant.rows<TeamFact>(sql`SELECT id, name FROM teams WHERE tenant_id = ${tenant.tenantId} AND status = 'active' ORDER BY name, id`);
}

/** Feature people: the tenant's display name. */
export async function readTenantName(tenant: TenantScope): Promise<string> {
  const [row] = await tenant.rows<{ name: string }>(sql`SELECT name FROM tenants WHERE id = ${tenant.tenantId}`);
  return row?.name ?? '';
}

/**
 * Feature voice: praise and complaints received in the period, with the call's time and channel
 * (never the customer's name or contact). A feedback row's team is its own or its employee's.
 */
export async function readFeedback(tenant: TenantScope, period: SummaryPeriod): Promise<FeedbackFact[]> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<{
    id: string; kind: 'praise' | 'complaint'; employee_id: string | null; team_id: string | null; body: string; source: string;
    call_id: string | null; said_at: number; channel: string | null; themes: string;
  }>(sql`
    SELECT f.id, f.kind, f.employee_id, COALESCE(f.team_id, e.team_id) AS team_id, f.body, f.source, f.call_id,
      COALESCE(c.called_at, f.received_at) AS said_at, c.channel, f.themes
    FROM feedback f
    LEFT JOIN employees e ON e.tenant_id = ${t} AND e.id = f.employee_id
    LEFT JOIN survey_calls c ON c.tenant_id = ${t} AND c.id = f.call_id
    WHERE f.tenant_id = ${t} AND f.kind IN ('praise', 'complaint')
      AND f.received_at >= ${ms(period.start)} AND f.received_at < ${ms(period.end)}
    ORDER BY f.received_at, f.id`);
  return rows.map((row) => ({
    id: row.id, kind: row.kind, employeeId: row.employee_id, teamId: row.team_id, body: row.body, source: row.source,
    callId: row.call_id, saidAt: row.said_at, channel: row.channel, themes: JSON.parse(row.themes) as string[],
  }));
}

/** Feature voice: praise and complaint counts per team in the week before (for comparisons). */
export async function readPreviousFeedback(tenant: TenantScope, period: SummaryPeriod): Promise<PeriodFacts['previousFeedback']> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<{ team_id: string | null; praise: number; complaints: number }>(sql`
    SELECT COALESCE(f.team_id, e.team_id) AS team_id, SUM(f.kind = 'praise') AS praise, SUM(f.kind = 'complaint') AS complaints
    FROM feedback f LEFT JOIN employees e ON e.tenant_id = ${t} AND e.id = f.employee_id
    WHERE f.tenant_id = ${t} AND f.kind IN ('praise', 'complaint')
      AND f.received_at >= ${ms(period.previousStart)} AND f.received_at < ${ms(period.start)}
    GROUP BY 1`);
  return rows.map((row) => ({ teamId: row.team_id, praise: row.praise, complaints: row.complaints }));
}

/** Feature voice: per employee, the survey calls of the period in which the customer mentioned them. */
export async function readEmployeeCalls(tenant: TenantScope, period: SummaryPeriod): Promise<EmployeeCallFigure[]> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<{ employee_id: string; calls: number; average: number; call_ids: string }>(sql`
    SELECT employee_id, COUNT(*) AS calls, AVG(satisfaction) AS average, json_group_array(call_id) AS call_ids
    FROM (SELECT DISTINCT f.employee_id, c.id AS call_id, c.satisfaction
          FROM feedback f JOIN survey_calls c ON c.tenant_id = ${t} AND c.id = f.call_id
          WHERE f.tenant_id = ${t} AND f.employee_id IS NOT NULL
            AND c.called_at >= ${ms(period.start)} AND c.called_at < ${ms(period.end)})
    GROUP BY employee_id`);
  return rows.map((row) => ({ employeeId: row.employee_id, calls: row.calls, averageSatisfaction: row.average, callIds: ids(row.call_ids) }));
}

/** Feature voice: survey calls logged per team, this period and the one before. */
export async function readTeamCalls(tenant: TenantScope, period: SummaryPeriod): Promise<TeamCallFigure[]> {
  const start = ms(period.start);
  const rows = await tenant.rows<{ team_id: string | null; calls: number; average: number | null; previous_calls: number; previous_average: number | null }>(sql`
    SELECT team_id,
      SUM(called_at >= ${start}) AS calls, AVG(CASE WHEN called_at >= ${start} THEN satisfaction END) AS average,
      SUM(called_at < ${start}) AS previous_calls, AVG(CASE WHEN called_at < ${start} THEN satisfaction END) AS previous_average
    FROM survey_calls
    WHERE tenant_id = ${tenant.tenantId} AND called_at >= ${ms(period.previousStart)} AND called_at < ${ms(period.end)}
    GROUP BY team_id`);
  return rows.map((row) => ({
    teamId: row.team_id, calls: row.calls, averageSatisfaction: row.average, previousCalls: row.previous_calls, previousAverageSatisfaction: row.previous_average,
  }));
}

/** Feature voice: complaint themes per team, this period and the one before, with this period's records. */
export async function readComplaintThemes(tenant: TenantScope, period: SummaryPeriod): Promise<ThemeFact[]> {
  const t = tenant.tenantId;
  const start = ms(period.start);
  const rows = await tenant.rows<{ team_id: string | null; label: string; count: number; previous_count: number; feedback_ids: string }>(sql`
    SELECT COALESCE(f.team_id, e.team_id) AS team_id, MIN(ft.label) AS label,
      SUM(ft.received_at >= ${start}) AS count, SUM(ft.received_at < ${start}) AS previous_count,
      json_group_array(CASE WHEN ft.received_at >= ${start} THEN ft.feedback_id END) AS feedback_ids
    FROM feedback_themes ft
    JOIN feedback f ON f.tenant_id = ${t} AND f.id = ft.feedback_id
    LEFT JOIN employees e ON e.tenant_id = ${t} AND e.id = f.employee_id
    WHERE ft.tenant_id = ${t} AND ft.kind = 'complaint' AND ft.received_at >= ${ms(period.previousStart)} AND ft.received_at < ${ms(period.end)}
    GROUP BY 1, ft.theme`);
  return rows.map((row) => ({ teamId: row.team_id, label: row.label, count: row.count, previousCount: row.previous_count, feedbackIds: ids(row.feedback_ids) }));
}

/** Feature recognition: recognition received in the period. */
export async function readRecognition(tenant: TenantScope, period: SummaryPeriod): Promise<RecognitionFact[]> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<{ recognition_id: string; employee_id: string; value: string; points: number }>(sql`
    SELECT rr.recognition_id, rr.employee_id, r.value, rr.points
    FROM recognition_recipients rr JOIN recognitions r ON r.tenant_id = ${t} AND r.id = rr.recognition_id
    WHERE rr.tenant_id = ${t} AND r.created_at >= ${ms(period.start)} AND r.created_at < ${ms(period.end)}`);
  return rows.map((row) => ({ recognitionId: row.recognition_id, employeeId: row.employee_id, value: row.value, points: row.points }));
}

/** Feature points: points earned (positive ledger entries) in the period. */
export async function readPointsEarned(tenant: TenantScope, period: SummaryPeriod): Promise<PointsFact[]> {
  const rows = await tenant.rows<{ id: string; employee_id: string; kind: string; delta: number; reason: string | null }>(sql`
    SELECT id, employee_id, kind, delta, reason FROM points_entries
    WHERE tenant_id = ${tenant.tenantId} AND delta > 0 AND kind IN ('recognition', 'achievement')
      AND created_at >= ${ms(period.start)} AND created_at < ${ms(period.end)}`);
  return rows.map((row) => ({ entryId: row.id, employeeId: row.employee_id, kind: row.kind, delta: row.delta, reason: row.reason }));
}

/** Feature budgets: spends whose outcome, recorded in the period, was "resolved". */
export async function readResolvedSpends(tenant: TenantScope, period: SummaryPeriod): Promise<SpendFact[]> {
  const rows = await tenant.rows<{ id: string; employee_id: string; kind: string }>(sql`
    SELECT id, employee_id, kind FROM budget_spends
    WHERE tenant_id = ${tenant.tenantId} AND outcome = 'resolved' AND outcome_at >= ${ms(period.start)} AND outcome_at < ${ms(period.end)}`);
  return rows.map((row) => ({ spendId: row.id, employeeId: row.employee_id, kind: row.kind }));
}

/**
 * Feature suggestions: suggestions that reached ADOPTED in the period. An anonymous suggestion's
 * author is never read (NULL in SQL), so no summary can reveal it.
 */
export async function readAdoptedSuggestions(tenant: TenantScope, period: SummaryPeriod): Promise<AdoptedSuggestionFact[]> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<{ id: string; author_id: string | null; team_id: string | null; title: string }>(sql`
    SELECT DISTINCT s.id, CASE WHEN s.anonymous THEN NULL ELSE s.author_id END AS author_id, s.team_id, s.title
    FROM suggestion_history h JOIN suggestions s ON s.tenant_id = ${t} AND s.id = h.suggestion_id
    WHERE h.tenant_id = ${t} AND h.to_status = 'adopted' AND h.created_at >= ${ms(period.start)} AND h.created_at < ${ms(period.end)}`);
  return rows.map((row) => ({ suggestionId: row.id, authorId: row.author_id, teamId: row.team_id, title: row.title }));
}

/**
 * Feature suggestions: experiments concluded in the period, with their suggestion. As above, an
 * anonymous suggestion's author is never read.
 */
export async function readConcludedExperiments(tenant: TenantScope, period: SummaryPeriod): Promise<ExperimentFact[]> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<{ id: string; suggestion_id: string; title: string; team_id: string | null; owner_id: string; author_id: string | null; outcome: ExperimentFact['outcome'] }>(sql`
    SELECT x.id, x.suggestion_id, s.title, s.team_id, x.owner_id, CASE WHEN s.anonymous THEN NULL ELSE s.author_id END AS author_id, x.outcome
    FROM experiments x JOIN suggestions s ON s.tenant_id = ${t} AND s.id = x.suggestion_id
    WHERE x.tenant_id = ${t} AND x.outcome IS NOT NULL AND x.concluded_at >= ${ms(period.start)} AND x.concluded_at < ${ms(period.end)}
    ORDER BY x.concluded_at, x.id`);
  return rows.map((row) => ({
    experimentId: row.id, suggestionId: row.suggestion_id, title: row.title, teamId: row.team_id, ownerId: row.owner_id, authorId: row.author_id, outcome: row.outcome,
  }));
}

/** Everything the compile step needs for one tenant and week (thirteen statements, run together). */
export async function readPeriodFacts(tenant: TenantScope, period: SummaryPeriod): Promise<PeriodFacts> {
  const [tenantName, people, teams, feedback, previousFeedback, employeeCalls, teamCalls, themes, recognition, points, resolvedSpends, adoptedSuggestions, concludedExperiments] = await Promise.all([
    readTenantName(tenant), readPeople(tenant), readTeams(tenant), readFeedback(tenant, period), readPreviousFeedback(tenant, period),
    readEmployeeCalls(tenant, period), readTeamCalls(tenant, period), readComplaintThemes(tenant, period), readRecognition(tenant, period),
    readPointsEarned(tenant, period), readResolvedSpends(tenant, period), readAdoptedSuggestions(tenant, period),
    readConcludedExperiments(tenant, period),
  ]);
  return { period, tenantName, people, teams, feedback, previousFeedback, employeeCalls, teamCalls, themes, recognition, points, resolvedSpends, adoptedSuggestions, concludedExperiments };
}

/**
 * Measures an incentive program's metric over a period from the real customer-voice tables, as
 * one SQL aggregate. Timestamps are milliseconds; every table read is filtered by the tenant.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { incentivePrograms } from '../db/recognition.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import type { Period } from '../domain/periods.ts';

type Program = typeof incentivePrograms.$inferSelect;

/** Feedback about the program's subject: the employee, the team (or its members), or everyone. */
function feedbackSubject(program: Program, t: string): SQL {
  if (program.scope === 'employee') return sql`f.employee_id = ${program.employeeId}`;
  if (program.scope === 'team') {
    return sql`(f.team_id = ${program.teamId} OR f.employee_id IN (SELECT e.id FROM employees e WHERE e.tenant_id = ${t} AND e.team_id = ${program.teamId}))`;
  }
  return sql`1 = 1`;
}

export async function measure(tenant: TenantScope, program: Program, period: Period): Promise<number | null> {
  const t = tenant.tenantId;
  const from = period.start.getTime();
  const to = period.end.getTime();
  let query: SQL;
  switch (program.metric) {
    case 'average_satisfaction': {
      // A call counts for an employee when the customer mentioned them in it; for a team, calls
      // logged by the team.
      const subject =
        program.scope === 'employee'
          ? sql`EXISTS (SELECT 1 FROM feedback f WHERE f.tenant_id = ${t} AND f.call_id = c.id AND f.employee_id = ${program.employeeId})`
          : program.scope === 'team'
            ? sql`c.team_id = ${program.teamId}`
            : sql`1 = 1`;
      query = sql`SELECT AVG(c.satisfaction) AS value FROM survey_calls c WHERE c.tenant_id = ${t} AND c.called_at >= ${from} AND c.called_at < ${to} AND ${subject}`;
      break;
    }
    case 'praise_count':
      query = sql`SELECT count(*) AS value FROM feedback f WHERE f.tenant_id = ${t} AND f.kind = 'praise' AND f.received_at >= ${from} AND f.received_at < ${to} AND ${feedbackSubject(program, t)}`;
      break;
    case 'complaints_resolved_within':
      query = sql`SELECT count(*) AS value FROM feedback f WHERE f.tenant_id = ${t} AND f.kind = 'complaint' AND f.status = 'resolved'
        AND f.resolved_at >= ${from} AND f.resolved_at < ${to} AND f.resolved_at - f.received_at <= ${(program.withinHours ?? 0) * 3_600_000}
        AND ${feedbackSubject(program, t)}`;
      break;
    case 'survey_calls_made': {
      const subject =
        program.scope === 'employee' ? sql`c.caller_id = ${program.employeeId}` : program.scope === 'team' ? sql`c.team_id = ${program.teamId}` : sql`1 = 1`;
      query = sql`SELECT count(*) AS value FROM survey_calls c WHERE c.tenant_id = ${t} AND c.called_at >= ${from} AND c.called_at < ${to} AND ${subject}`;
      break;
    }
    case 'suggestions_adopted': {
      const subject =
        program.scope === 'employee' ? sql`s.author_id = ${program.employeeId}` : program.scope === 'team' ? sql`s.team_id = ${program.teamId}` : sql`1 = 1`;
      query = sql`SELECT count(DISTINCT s.id) AS value FROM suggestions s
        JOIN suggestion_history h ON h.tenant_id = s.tenant_id AND h.suggestion_id = s.id
        WHERE s.tenant_id = ${t} AND h.to_status = 'adopted' AND h.created_at >= ${from} AND h.created_at < ${to} AND ${subject}`;
      break;
    }
  }
  const [row] = await tenant.rows<{ value: number | null }>(query);
  return row?.value ?? null;
}

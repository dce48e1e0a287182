/**
 * Measures an incentive program's metric over a period from the real customer-voice tables, as
 * one SQL aggregate. Timestamps are milliseconds; every table read is filtered by the tenant.
 */
import { type SQL, sql } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { incentivePrograms } from './tables.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import type { Period } from '../../domain/periods.ts';

type Program = typeof incentivePrograms.$inferSelect;

/** Feedback about the program's subject: the employee, the team (or its members), or everyone. */
function feedbackSubject(program: Program, t: string): SQL {
  if (program.scope === 'employee') return sql`f.employee_id = ${program.employeeId}`;
  if (program.scope === 'team') {
    return sql`(f.team_id = ${program.teamId} OR f.employee_id IN (SELECT e.id FROM employees e WHERE e.tenant_id = ${t} AND e.team_id = ${program.teamId}))`;
  }
  return sql`1 = 1`;
}

/**
 * Complaints owned by the program's subject: the employee, a member of the team (or, for a team's
 * complaint nobody owns, the team), or everyone. The owner is owner_id, or by default the employee
 * the complaint is about (the same default features/complaints applies; owner_id is set on every
 * complaint written since ownership exists, and backfilled for older ones).
 */
function ownerSubject(program: Program, t: string): SQL {
  const owner = sql`COALESCE(f.owner_id, f.employee_id)`;
  if (program.scope === 'employee') return sql`${owner} = ${program.employeeId}`;
  if (program.scope === 'team') {
    return sql`(${owner} IN (SELECT e.id FROM employees e WHERE e.tenant_id = ${t} AND e.team_id = ${program.teamId}) OR (${owner} IS NULL AND f.team_id = ${program.teamId}))`;
  }
  return sql`1 = 1`;
}

/** The SELECT that measures `program` in `period`: one row, one column `value`. */
function measureSql(tenant: TenantScope, program: Program, period: Period): SQL {
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
      // Counted per owner: whoever owned the complaint (and so made it right) gets the credit,
      // whether it was about them or they took it (features/complaints).
      query = sql`SELECT count(*) AS value FROM feedback f WHERE f.tenant_id = ${t} AND f.kind = 'complaint' AND f.status = 'resolved'
        AND f.resolved_at >= ${from} AND f.resolved_at < ${to} AND f.resolved_at - f.received_at <= ${(program.withinHours ?? 0) * 3_600_000}
        AND ${ownerSubject(program, t)}`;
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
  return query;
}

export interface Measurement {
  value: number | null;
  /** Whether points were already awarded for this program and period. */
  awarded: boolean;
}

const dialect = new SQLiteAsyncDialect();
const MAX_PARAMETERS = 100;

/**
 * Measures many programs (each in its own period) in as few statements as D1 allows: one row whose
 * columns are each program's `(measure)` and `(awarded)` scalar subqueries, packed until a statement
 * would bind more than 100 parameters. (Columns rather than UNION ALL: D1 caps compound SELECTs.)
 * A page of programs is usually one statement.
 */
export async function measureMany(tenant: TenantScope, items: readonly { program: Program; period: Period }[]): Promise<Measurement[]> {
  const t = tenant.tenantId;
  const columns = items.map(({ program, period }, index) => {
    const column = sql`(SELECT value FROM (${measureSql(tenant, program, period)})) AS ${sql.raw(`v${index}`)},
      (SELECT count(*) FROM points_entries WHERE tenant_id = ${t} AND program_id = ${program.id} AND period_key = ${period.key}) AS ${sql.raw(`a${index}`)}`;
    return { column, parameters: dialect.sqlToQuery(column).params.length };
  });
  const statements: SQL[][] = [];
  let current: SQL[] = [];
  let bound = 0;
  for (const { column, parameters } of columns) {
    if (current.length > 0 && bound + parameters > MAX_PARAMETERS) {
      statements.push(current);
      current = [];
      bound = 0;
    }
    current.push(column);
    bound += parameters;
  }
  if (current.length > 0) statements.push(current);
  const rows = await Promise.all(statements.map((group) => tenant.rows<Record<string, number | null>>(sql`SELECT ${sql.join(group, sql`, `)}`)));
  const values: Record<string, number | null> = Object.assign({}, ...rows.map((result) => result[0] ?? {}));
  return items.map((_, index) => {
    const value = values[`v${index}`];
    return { value: value == null ? null : Number(value), awarded: Number(values[`a${index}`] ?? 0) > 0 };
  });
}

/**
 * Incentive programs: measurable goals per employee, team or the whole tenant, awarded in points
 * each period they are reached (features/incentives/service.ts).
 */
import { foreignKey, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees, teams } from '../people/tables.ts';

export const INCENTIVE_METRICS = ['average_satisfaction', 'praise_count', 'complaints_resolved_within', 'survey_calls_made', 'suggestions_adopted'] as const;
export type IncentiveMetric = (typeof INCENTIVE_METRICS)[number];
export const PERIOD_KINDS = ['week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PROGRAM_SCOPES = ['employee', 'team', 'tenant'] as const;
export type ProgramScope = (typeof PROGRAM_SCOPES)[number];
export const PROGRAM_STATUSES = ['active', 'ended'] as const;

export const incentivePrograms = sqliteTable(
  'incentive_programs',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    description: text('description'),
    metric: text('metric', { enum: INCENTIVE_METRICS }).notNull(),
    /** For complaints_resolved_within: the N hours. */
    withinHours: integer('within_hours'),
    target: real('target').notNull(),
    period: text('period', { enum: PERIOD_KINDS }).notNull(),
    scope: text('scope', { enum: PROGRAM_SCOPES }).notNull(),
    employeeId: text('employee_id'),
    teamId: text('team_id'),
    /** Points each awarded employee receives when the goal is reached in a period. */
    points: integer('points').notNull(),
    status: text('status', { enum: PROGRAM_STATUSES }).notNull().default('active'),
    /**
     * Who set it up: an employee id or an API key id (null for programs older than the column).
     * An employee who created a program is never among its awardees (domain/separation-of-duties.ts).
     */
    createdBy: text('created_by'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    uniqueIndex('incentive_programs_tenant_id_unique').on(t.tenantId, t.id),
    index('incentive_programs_tenant_status_idx').on(t.tenantId, t.status, t.createdAt),
  ],
);

/**
 * Peer recognition and incentive programs: the tenant's recognition policy, recognitions with
 * their recipients, and incentive programs with measurable goals.
 *
 * Points given in recognition come from the giver's monthly giving allowance (counted from
 * `recognitions.points_total` in the giving month), which is kept apart from the points ledger
 * (features/points/tables.ts): recipients earn ledger points, givers never spend ledger points to give.
 */

import { foreignKey, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from './columns.ts';
import { employees, teams } from '../features/people/tables.ts';
import { tenants } from './tenants.ts';
import { feedback, surveyCalls } from '../features/voice/tables.ts';

export const OVERSPEND_POLICIES = ['refuse', 'flag'] as const;
export type OverspendPolicy = (typeof OVERSPEND_POLICIES)[number];

/** One row per tenant (absent = defaults, see domain/recognition.ts). */
export const recognitionPolicies = sqliteTable(
  'recognition_policies',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    /** Points each employee may give away per calendar month (UTC). */
    monthlyGivingAllowance: integer('monthly_giving_allowance').notNull(),
    /** Most recognition points one employee may receive per calendar month, from all givers. */
    recipientMonthlyCap: integer('recipient_monthly_cap').notNull(),
    /** The company values a recognition names, JSON array of strings. */
    companyValues: text('company_values', { mode: 'json' }).$type<string[]>().notNull(),
    /** What happens to an empowerment spend over the remaining budget. */
    overspendPolicy: text('overspend_policy', { enum: OVERSPEND_POLICIES }).notNull().default('refuse'),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('recognition_policies_tenant_unique').on(t.tenantId), uniqueIndex('recognition_policies_tenant_id_unique').on(t.tenantId, t.id)],
);

export const recognitions = sqliteTable(
  'recognitions',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    giverId: text('giver_id').notNull(),
    /** Set when a whole team was recognised (recipients are its members at the time). */
    teamId: text('team_id'),
    message: text('message').notNull(),
    value: text('value').notNull(),
    /** Points each recipient received. */
    pointsEach: integer('points_each').notNull().default(0),
    /** pointsEach x recipients: what the giver's allowance paid. */
    pointsTotal: integer('points_total').notNull().default(0),
    /** Giving month, YYYY-MM (UTC): the allowance period this recognition counts against. */
    period: text('period').notNull(),
    /** Customer praise this recognition was made from. */
    sourceFeedbackId: text('source_feedback_id'),
    sourceCallId: text('source_call_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.giverId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    foreignKey({ columns: [t.tenantId, t.sourceFeedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    foreignKey({ columns: [t.tenantId, t.sourceCallId], foreignColumns: [surveyCalls.tenantId, surveyCalls.id] }),
    uniqueIndex('recognitions_tenant_id_unique').on(t.tenantId, t.id),
    index('recognitions_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('recognitions_tenant_giver_idx').on(t.tenantId, t.giverId, t.period),
  ],
);

export const recognitionRecipients = sqliteTable(
  'recognition_recipients',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    recognitionId: text('recognition_id').notNull(),
    employeeId: text('employee_id').notNull(),
    points: integer('points').notNull().default(0),
    /** Copied from the recognition so the per-recipient cap is one indexed sum. */
    period: text('period').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.recognitionId], foreignColumns: [recognitions.tenantId, recognitions.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('recognition_recipients_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('recognition_recipients_unique').on(t.tenantId, t.recognitionId, t.employeeId),
    index('recognition_recipients_tenant_employee_idx').on(t.tenantId, t.employeeId, t.period),
  ],
);

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

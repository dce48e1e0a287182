/**
 * Peer recognition: the tenant's recognition policy (which also holds the empowerment budgets'
 * overspend policy, read through features/recognition/service.ts) and recognitions with their recipients.
 *
 * Points given in recognition come from the giver's monthly giving allowance (counted from
 * `recognitions.points_total` in the giving month), which is kept apart from the points ledger
 * (features/points/tables.ts): recipients earn ledger points, givers never spend ledger points to give.
 */

import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees, teams } from '../people/tables.ts';
import { tenants } from '../../db/tenants.ts';
import { OVERSPEND_POLICIES } from '../budgets/tables.ts';
import { feedback, surveyCalls } from '../voice/tables.ts';

/** One row per tenant (absent = defaults, see rules.ts). */
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

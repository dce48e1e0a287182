/**
 * Empowerment budgets: per employee and period, a make-it-right amount (in minor units of a
 * currency) and a kindness allowance (a number of small giveaways), and each spend against them
 * with the complaint or feedback it answers and, later, its outcome.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from './columns.ts';
import { employees } from './people.ts';
import { PERIOD_KINDS } from './recognition.ts';
import { feedback } from './voice.ts';

export const empowermentBudgets = sqliteTable(
  'empowerment_budgets',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    employeeId: text('employee_id').notNull(),
    period: text('period', { enum: PERIOD_KINDS }).notNull(),
    /** e.g. 2026-11, 2026-W47, 2026-Q4 (domain/periods.ts). */
    periodKey: text('period_key').notNull(),
    startsAt: timestampColumn('starts_at').notNull(),
    endsAt: timestampColumn('ends_at').notNull(),
    /** Make-it-right budget in minor units (cents). */
    makeItRightAmount: integer('make_it_right_amount').notNull(),
    currency: text('currency').notNull(),
    /** Number of small giveaways. */
    kindnessCount: integer('kindness_count').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('empowerment_budgets_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('empowerment_budgets_period_unique').on(t.tenantId, t.employeeId, t.periodKey),
    index('empowerment_budgets_tenant_period_idx').on(t.tenantId, t.periodKey),
  ],
);

export const SPEND_KINDS = ['make_it_right', 'kindness'] as const;
export type SpendKind = (typeof SPEND_KINDS)[number];
export const SPEND_REASONS = ['wait_time', 'product_issue', 'order_error', 'service_failure', 'goodwill', 'other'] as const;
export const SPEND_OUTCOMES = ['pending', 'resolved', 'unresolved'] as const;
export type SpendOutcome = (typeof SPEND_OUTCOMES)[number];

export const budgetSpends = sqliteTable(
  'budget_spends',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    budgetId: text('budget_id').notNull(),
    employeeId: text('employee_id').notNull(),
    kind: text('kind', { enum: SPEND_KINDS }).notNull(),
    /** Minor units for make_it_right; 1 per giveaway for kindness. */
    amount: integer('amount').notNull(),
    reasonCode: text('reason_code', { enum: SPEND_REASONS }).notNull(),
    feedbackId: text('feedback_id'),
    customerNote: text('customer_note'),
    /** Accepted over the remaining budget because the tenant's policy says so; for review. */
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    outcome: text('outcome', { enum: SPEND_OUTCOMES }).notNull().default('pending'),
    outcomeNote: text('outcome_note'),
    outcomeAt: timestampColumn('outcome_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.budgetId], foreignColumns: [empowermentBudgets.tenantId, empowermentBudgets.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.feedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    uniqueIndex('budget_spends_tenant_id_unique').on(t.tenantId, t.id),
    index('budget_spends_tenant_budget_idx').on(t.tenantId, t.budgetId, t.kind),
    index('budget_spends_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/**
 * Empowerment budgets: per employee and period, a make-it-right amount (in minor units of a
 * currency) and a kindness allowance (a number of small giveaways), and each spend against them
 * with the complaint or feedback it answers and, later, its outcome.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees } from '../people/tables.ts';
import { PERIOD_KINDS } from '../incentives/tables.ts';
import { feedback } from '../voice/tables.ts';

/** What happens to a spend over the remaining budget; the tenant chooses it in its recognition policy. */
export const OVERSPEND_POLICIES = ['refuse', 'flag'] as const;
export type OverspendPolicy = (typeof OVERSPEND_POLICIES)[number];

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
    /**
     * Who last set it: an employee id or an API key id (null for budgets older than the column).
     * Nobody sets their own budget, and a budget someone set for themselves cannot be spent.
     */
    setBy: text('set_by'),
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
    /** The latest recorded outcome; every recorded outcome is a row of budget_spend_outcomes. */
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

/**
 * The history of a spend's outcome, append-only: one row per recorded outcome (never updated or
 * deleted), written in the same batch as the spend's `outcome` column, so a change such as
 * RESOLVED -> UNRESOLVED always leaves a trace of what it was, who changed it, when and why.
 */
export const budgetSpendOutcomes = sqliteTable(
  'budget_spend_outcomes',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    spendId: text('spend_id').notNull(),
    /** The outcome before this record (pending for the first one). */
    fromOutcome: text('from_outcome', { enum: SPEND_OUTCOMES }).notNull(),
    outcome: text('outcome', { enum: SPEND_OUTCOMES }).notNull(),
    note: text('note'),
    /** Who recorded it: an employee id or an API key id (null for outcomes backfilled from before the history). */
    recordedBy: text('recorded_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.spendId], foreignColumns: [budgetSpends.tenantId, budgetSpends.id] }),
    uniqueIndex('budget_spend_outcomes_tenant_id_unique').on(t.tenantId, t.id),
    index('budget_spend_outcomes_tenant_spend_idx').on(t.tenantId, t.spendId, t.createdAt),
  ],
);

export const SPEND_REVIEW_DECISIONS = ['approve', 'question'] as const;
export type SpendReviewDecision = (typeof SPEND_REVIEW_DECISIONS)[number];

/**
 * The review of a flagged spend (accepted over the budget under the FLAG policy): a manager
 * approves it or questions it, with a note. Append-only history: a questioned spend can be
 * reviewed again; once approved, the review is over. Never by the employee who spent it.
 */
export const budgetSpendReviews = sqliteTable(
  'budget_spend_reviews',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    spendId: text('spend_id').notNull(),
    decision: text('decision', { enum: SPEND_REVIEW_DECISIONS }).notNull(),
    note: text('note').notNull(),
    /** An employee id or an API key id. */
    reviewedBy: text('reviewed_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.spendId], foreignColumns: [budgetSpends.tenantId, budgetSpends.id] }),
    uniqueIndex('budget_spend_reviews_tenant_id_unique').on(t.tenantId, t.id),
    index('budget_spend_reviews_tenant_spend_idx').on(t.tenantId, t.spendId, t.createdAt),
  ],
);

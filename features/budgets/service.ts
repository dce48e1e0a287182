/**
 * The budgets feature's entry point (other features, jobs and the schema import only this file).
 *
 * Empowerment budgets, GraphQL-free: setting a budget, finding the budget a spend draws on,
 * spending within it (the limit check is part of the INSERT, so two spends at once cannot both
 * squeeze through), recording a spend's outcome with its history, and the spend-against-outcomes
 * report. Every read and write goes through TenantScope; failures a person can fix are UserErrors.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { newId, randomId } from '../../db/ids.ts';
import type { OverspendPolicy } from './tables.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { feedback } from '../voice/service.ts';
import { conflictError, invalidTransitionError, notFoundError, UserErrors, validationError } from '../../domain/errors.ts';
import type { Period } from '../../domain/periods.ts';
import { assertNoSelfDealing, recordedActor } from '../../domain/separation-of-duties.ts';
import { formatMoney, limitFor, outcomeChangeProblem } from './rules.ts';
import { budgetSpendOutcomes, budgetSpendReviews, budgetSpends, empowermentBudgets, type SPEND_REASONS, type SpendKind, type SpendOutcome, type SpendReviewDecision } from './tables.ts';

export type BudgetRow = typeof empowermentBudgets.$inferSelect;
export type SpendRow = typeof budgetSpends.$inferSelect;
type Path = string[];

/** Spent so far of one kind, as SQL over a budget row (for the budget's computed fields). */
export const spentSql = (budget: { id: unknown; tenantId: unknown }, kind: SpendKind) =>
  sql<number>`(SELECT COALESCE(SUM(s.amount), 0) FROM budget_spends s WHERE s.tenant_id = ${budget.tenantId} AND s.budget_id = ${budget.id} AND s.kind = ${kind})`;

// ---- setting a budget --------------------------------------------------------------------------

export interface BudgetAmounts {
  makeItRightAmount: number;
  currency: string;
  kindnessCount: number;
}

/**
 * Creates or changes an employee's budget for `period` (one per employee and period key), recording
 * who set it. The caller has checked the employee exists and is not the one setting it.
 */
export async function setBudget(tenant: TenantScope, employeeId: string, period: Period, values: BudgetAmounts, setBy: string | null, now: Date): Promise<BudgetRow | null> {
  await tenant
    .insert(empowermentBudgets, { id: newId('bud'), employeeId, period: period.kind, periodKey: period.key, startsAt: period.start, endsAt: period.end, ...values, setBy })
    .onConflictDoUpdate({ target: [empowermentBudgets.tenantId, empowermentBudgets.employeeId, empowermentBudgets.periodKey], set: { ...values, setBy, updatedAt: now } });
  const budget = await tenant.db.query.empowermentBudgets.findFirst({ where: { employeeId, periodKey: period.key } });
  return budget ?? null;
}

// ---- spending ----------------------------------------------------------------------------------

/** Refuses a feedback id that does not exist in this tenant (or at all: the answer is the same). */
export async function assertFeedbackExists(tenant: TenantScope, feedbackId: string, path: Path, missing: string): Promise<void> {
  if ((await tenant.count(feedback, eq(feedback.id, feedbackId))) === 0) throw notFoundError(path, missing);
}

/**
 * The budget an employee spends from at `now`: the one whose period contains it. Refused when there
 * is none, or when it was set by the employee themselves (possible only before the rule existed).
 */
export async function spendableBudget(tenant: TenantScope, employeeId: string, now: Date, path: Path): Promise<BudgetRow> {
  const budget = await tenant.db.query.empowermentBudgets.findFirst({
    where: { employeeId, startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { startsAt: 'desc' },
  });
  if (!budget) throw new UserErrors([{ code: 'LIMIT_REACHED', path, message: 'You have no empowerment budget for this period; ask your manager to set one.' }]);
  assertNoSelfDealing('spendBudget', [recordedActor(budget.setBy)], [employeeId], path);
  return budget;
}

export interface SpendRequest {
  employeeId: string;
  kind: SpendKind;
  amount: number;
  reasonCode: (typeof SPEND_REASONS)[number];
  feedbackId: string | null;
  customerNote: string | null;
}

/**
 * Writes a spend against `budget` in one statement, only within the remaining budget, or over it
 * and flagged when the tenant's policy is FLAG. Over the budget under REFUSE: LIMIT_REACHED at
 * `amountPath`, saying how much is left.
 */
export async function spend(tenant: TenantScope, budget: BudgetRow, request: SpendRequest, overspendPolicy: OverspendPolicy, now: Date, amountPath: Path): Promise<SpendRow> {
  const { kind, amount } = request;
  const limitColumn = kind === 'make_it_right' ? sql`b.make_it_right_amount` : sql`b.kindness_count`;
  const within = sql`((SELECT COALESCE(SUM(s.amount), 0) FROM budget_spends s WHERE s.tenant_id = ${tenant.tenantId} AND s.budget_id = b.id AND s.kind = ${kind}) + ${amount} <= ${limitColumn})`;
  const id = newId('spd');
  // One statement: written only within the remaining budget (or flagged, under the FLAG policy).
  await tenant.insertSelect(
    budgetSpends,
    {
      id, budgetId: budget.id, employeeId: request.employeeId, kind, amount, reasonCode: request.reasonCode, feedbackId: request.feedbackId,
      customerNote: request.customerNote, flagged: sql`CASE WHEN ${within} THEN 0 ELSE 1 END`, outcome: 'pending',
      outcomeNote: null, outcomeAt: null, createdAt: now.getTime(),
    },
    sql`FROM empowerment_budgets b WHERE b.tenant_id = ${tenant.tenantId} AND b.id = ${budget.id} AND (${within} OR ${overspendPolicy === 'flag' ? 1 : 0} = 1)`,
  );
  const written = await tenant.db.query.budgetSpends.findFirst({ where: { id } });
  if (written) return written;
  const [row] = await tenant.rows<{ spent: number }>(
    sql`SELECT COALESCE(SUM(amount), 0) AS spent FROM budget_spends WHERE tenant_id = ${tenant.tenantId} AND budget_id = ${budget.id} AND kind = ${kind}`,
  );
  const left = Math.max(0, limitFor(budget, kind) - (row?.spent ?? 0));
  const message =
    kind === 'make_it_right'
      ? `This spends ${formatMoney(amount, budget.currency)} but only ${formatMoney(left, budget.currency)} of your make-it-right budget is left for ${budget.periodKey}.`
      : `You have ${left} of ${budget.kindnessCount} kindness giveaways left for ${budget.periodKey}.`;
  throw new UserErrors([{ code: 'LIMIT_REACHED', path: amountPath, message }]);
}

// ---- outcomes ----------------------------------------------------------------------------------

export async function findSpend(tenant: TenantScope, id: string): Promise<SpendRow | null> {
  return (await tenant.db.query.budgetSpends.findFirst({ where: { id } })) ?? null;
}

export interface OutcomeChange {
  outcome: SpendOutcome;
  note: string | null;
  /** An employee id or an API key id. */
  recordedBy: string | null;
}

/**
 * Records a new outcome of `spend` (as read by the caller) and keeps the change in its history.
 * Refused going back to PENDING, to the same outcome, or changing a recorded outcome without a note
 * (errors at `outcomePath`/`notePath`); CONFLICT at `spendPath` when someone changed it meanwhile.
 */
export async function changeOutcome(
  tenant: TenantScope,
  spendRow: SpendRow,
  change: OutcomeChange,
  now: Date,
  paths: { spend: Path; outcome: Path; note: Path },
): Promise<SpendRow | null> {
  const { id, outcome: from } = spendRow;
  const { outcome: to, note } = change;
  const problem = outcomeChangeProblem(from, to, note);
  if (problem === 'to_pending') throw invalidTransitionError(paths.outcome, `This spend's outcome is ${from.toUpperCase()}; a recorded outcome never goes back to PENDING.`);
  if (problem === 'unchanged') throw invalidTransitionError(paths.outcome, `This spend's outcome is already ${from.toUpperCase()}.`);
  if (problem === 'note_required') throw validationError(paths.note, `Say why the outcome changes from ${from.toUpperCase()} to ${to.toUpperCase()}: the change is kept in its history.`);
  // One batch: the history row is written only while the outcome is still what was read, then
  // the outcome changes under the same guard; of two concurrent changes only one applies.
  const t = tenant.tenantId;
  const [, changed] = (await tenant.batch([
    tenant.insertSelect(
      budgetSpendOutcomes,
      { id: randomId('sdo'), spendId: id, fromOutcome: from, outcome: to, note, recordedBy: change.recordedBy, createdAt: now.getTime() },
      sql`FROM budget_spends s WHERE s.tenant_id = ${t} AND s.id = ${id} AND s.outcome = ${from}`,
    ),
    tenant.updateWhere(budgetSpends, { outcome: to, outcomeNote: note, outcomeAt: now }, and(eq(budgetSpends.id, id), eq(budgetSpends.outcome, from)) as SQL),
  ])) as [unknown, D1Result];
  if (!changed.meta.changes) throw conflictError(paths.spend, 'The outcome changed while you were working on it; reload the spend and try again.');
  return findSpend(tenant, id);
}

// ---- reviews of flagged spends -----------------------------------------------------------------

/** The latest review decision of a spend, as SQL over a spend row (null: not reviewed yet). */
export const latestReviewSql = (spendRow: { id: unknown; tenantId: unknown }) =>
  sql<SpendReviewDecision | null>`(SELECT r.decision FROM budget_spend_reviews r WHERE r.tenant_id = ${spendRow.tenantId} AND r.spend_id = ${spendRow.id} ORDER BY r.created_at DESC, r.id DESC LIMIT 1)`;

/**
 * Records a manager's review of a flagged spend: APPROVE ends the review, QUESTION asks the
 * spender to explain and leaves it open for another review. Written only while the spend is
 * flagged and not yet approved (checked in the INSERT itself, so two approvals at once write one).
 * The caller has checked that the reviewer is not the spender (separation of duties).
 */
export async function reviewSpend(
  tenant: TenantScope,
  spendRow: SpendRow,
  review: { decision: SpendReviewDecision; note: string; reviewedBy: string },
  now: Date,
  paths: { spend: Path },
): Promise<SpendRow | null> {
  if (!spendRow.flagged) throw invalidTransitionError(paths.spend, 'This spend was within its budget: only flagged spends are reviewed.');
  const t = tenant.tenantId;
  const result = (await tenant.insertSelect(
    budgetSpendReviews,
    { id: newId('srv'), spendId: spendRow.id, decision: review.decision, note: review.note, reviewedBy: review.reviewedBy, createdAt: now.getTime() },
    sql`FROM budget_spends s WHERE s.tenant_id = ${t} AND s.id = ${spendRow.id} AND s.flagged = 1
      AND NOT EXISTS (SELECT 1 FROM budget_spend_reviews r WHERE r.tenant_id = ${t} AND r.spend_id = s.id AND r.decision = 'approve')`,
  )) as D1Result;
  if (!result.meta.changes) throw invalidTransitionError(paths.spend, 'This spend was already approved; its review is over.');
  return findSpend(tenant, spendRow.id);
}

// ---- spend against outcomes --------------------------------------------------------------------

export interface OutcomeRow {
  budget_id: string;
  spends: number;
  make_it_right_spent: number;
  kindness_used: number;
  flagged: number;
  complaints_answered: number;
  resolved_after_spend: number;
  later_rating: number | null;
}
export interface OutcomeReport {
  budget: BudgetRow;
  row: OutcomeRow;
}

/** Per budget of the period: what was spent and what came of it (at most 500 budgets, biggest spend first). */
export async function outcomeReport(tenant: TenantScope, periodKey: string): Promise<OutcomeReport[]> {
  const t = tenant.tenantId;
  const rows = await tenant.rows<OutcomeRow>(sql`
    SELECT b.id AS budget_id,
      count(s.id) AS spends,
      COALESCE(SUM(CASE WHEN s.kind = 'make_it_right' THEN s.amount END), 0) AS make_it_right_spent,
      COALESCE(SUM(CASE WHEN s.kind = 'kindness' THEN s.amount END), 0) AS kindness_used,
      COALESCE(SUM(s.flagged), 0) AS flagged,
      COALESCE(SUM(CASE WHEN f.kind = 'complaint' THEN 1 ELSE 0 END), 0) AS complaints_answered,
      COALESCE(SUM(CASE WHEN f.kind = 'complaint' AND f.status = 'resolved' AND f.resolved_at >= s.created_at THEN 1 ELSE 0 END), 0) AS resolved_after_spend,
      (SELECT AVG(later.satisfaction) FROM budget_spends s2
         JOIN feedback f2 ON f2.tenant_id = s2.tenant_id AND f2.id = s2.feedback_id
         JOIN survey_calls c ON c.tenant_id = f2.tenant_id AND c.id = f2.call_id
         JOIN survey_calls later ON later.tenant_id = c.tenant_id AND later.customer_contact = c.customer_contact AND later.called_at > s2.created_at
       WHERE s2.tenant_id = ${t} AND s2.budget_id = b.id AND c.customer_contact IS NOT NULL) AS later_rating
    FROM empowerment_budgets b
    LEFT JOIN budget_spends s ON s.tenant_id = b.tenant_id AND s.budget_id = b.id
    LEFT JOIN feedback f ON f.tenant_id = s.tenant_id AND f.id = s.feedback_id
    WHERE b.tenant_id = ${t} AND b.period_key = ${periodKey}
    GROUP BY b.id ORDER BY make_it_right_spent DESC, b.id LIMIT 500`);
  if (rows.length === 0) return [];
  const budgets = await tenant.db.query.empowermentBudgets.findMany({ where: { periodKey } });
  const byId = new Map(budgets.map((budget) => [budget.id, budget]));
  return rows.flatMap((row) => {
    const budget = byId.get(row.budget_id);
    return budget ? [{ budget, row }] : [];
  });
}

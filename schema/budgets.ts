/**
 * Empowerment budgets: per employee and period, a make-it-right amount to fix a customer's problem
 * on the spot and a kindness allowance of small giveaways. A spend over the remaining budget is
 * refused (or, under the tenant's FLAG policy, accepted and flagged for review); the check is part
 * of the INSERT, so two spends at once cannot both squeeze through. Managers see spend against
 * outcomes: complaints resolved after a spend and how those customers rated later.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { PERIOD_KINDS, type PeriodKind } from '../features/incentives/tables.ts';
import { loadPolicy } from '../features/recognition/service.ts';
import * as budgetsService from '../features/budgets/service.ts';
import { latestReviewSql, spentSql, type OutcomeReport } from '../features/budgets/service.ts';
import { budgetSpends, empowermentBudgets, SPEND_KINDS, SPEND_OUTCOMES, SPEND_REASONS, SPEND_REVIEW_DECISIONS, type SpendKind, type SpendOutcome, type SpendReviewDecision } from '../features/budgets/tables.ts';
import { missingMessage, notFoundError, parseInput, type UserErrorData, validationError } from '../domain/errors.ts';
import { periodContaining } from '../domain/periods.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { actorGlobalId, refuseSelfDealing } from './duties.ts';
import { upperEnum } from './enums.ts';
import { findEmployee } from './employees.ts';
import { UserErrorInterface } from './errors.ts';
import { encodeId, idEquals, localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';

const SpendKindEnum = upperEnum<SpendKind>('SpendKind', SPEND_KINDS);
const SpendReasonEnum = upperEnum<(typeof SPEND_REASONS)[number]>('SpendReason', SPEND_REASONS);
const SpendOutcomeEnum = upperEnum<SpendOutcome>('SpendOutcome', SPEND_OUTCOMES);
const BudgetPeriodEnum = upperEnum<PeriodKind>('BudgetPeriod', PERIOD_KINDS);
const SpendReviewDecisionEnum = upperEnum<SpendReviewDecision>('SpendReviewDecision', SPEND_REVIEW_DECISIONS);
const SPEND_REVIEW_STATUSES = ['not_needed', 'pending', 'approved', 'questioned'] as const;
const SpendReviewStatusEnum = upperEnum<(typeof SPEND_REVIEW_STATUSES)[number]>('SpendReviewStatus', SPEND_REVIEW_STATUSES);

/** Where a spend's review stands: only flagged spends need one; the latest decision decides. */
function reviewStatusOf(flagged: boolean, latest: SpendReviewDecision | null): (typeof SPEND_REVIEW_STATUSES)[number] {
  if (!flagged) return 'not_needed';
  if (latest === 'approve') return 'approved';
  if (latest === 'question') return 'questioned';
  return 'pending';
}

export const EmpowermentBudget = builder.drizzleNode('empowermentBudgets', {
  name: 'EmpowermentBudget',
  description: "An employee's make-it-right budget and kindness allowance for one period.",
  id: { column: (budget) => budget.id },
  fields: (t) => ({
    employee: t.relation('employee'),
    period: t.expose('period', { type: BudgetPeriodEnum }),
    periodKey: t.exposeString('periodKey'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'Exclusive.' }),
    currency: t.exposeString('currency'),
    makeItRightAmount: t.exposeInt('makeItRightAmount', { description: 'In minor units (cents).' }),
    makeItRightSpent: t.int({
      select: { extras: { makeItRightSpent: (budget) => spentSql(budget, 'make_it_right') } },
      resolve: (budget) => Number(budget.makeItRightSpent),
    }),
    makeItRightRemaining: t.int({
      description: 'Never below zero (flagged spends may exceed the budget).',
      select: { extras: { makeItRightSpent: (budget) => spentSql(budget, 'make_it_right') } },
      resolve: (budget) => Math.max(0, budget.makeItRightAmount - Number(budget.makeItRightSpent)),
    }),
    kindnessCount: t.exposeInt('kindnessCount', { description: 'Small giveaways allowed in the period.' }),
    setBy: t.id({
      nullable: true,
      description: 'Who last set it: an Employee id, or the id of the API key (ApiKey). Never the employee it is for.',
      resolve: (budget) => actorGlobalId(budget.setBy),
    }),
    kindnessUsed: t.int({
      select: { extras: { kindnessUsed: (budget) => spentSql(budget, 'kindness') } },
      resolve: (budget) => Number(budget.kindnessUsed),
    }),
    spends: t.relatedConnection('spends', { totalCount: true, query: { orderBy: { createdAt: 'desc', id: 'desc' } } }),
  }),
});

export const SpendOutcomeRecord = builder.drizzleObject('budgetSpendOutcomes', {
  name: 'SpendOutcomeRecord',
  description: 'One recorded outcome of a budget spend. The history is append-only: a change of outcome adds a record, nothing is overwritten.',
  fields: (t) => ({
    from: t.expose('fromOutcome', { type: SpendOutcomeEnum, description: 'The outcome before this record.' }),
    outcome: t.expose('outcome', { type: SpendOutcomeEnum }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.id({
      nullable: true,
      description: 'An Employee id, or the id of the API key (ApiKey); null for outcomes recorded before the history was kept.',
      resolve: (record) => actorGlobalId(record.recordedBy),
    }),
    recordedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const SpendReview = builder.drizzleObject('budgetSpendReviews', {
  name: 'SpendReview',
  description: "A manager's review of a flagged spend. Append-only history; never by the employee who spent it.",
  fields: (t) => ({
    decision: t.expose('decision', { type: SpendReviewDecisionEnum }),
    note: t.exposeString('note'),
    reviewedBy: t.id({ description: 'An Employee id, or the id of the API key (ApiKey).', resolve: (review) => actorGlobalId(review.reviewedBy) ?? '' }),
    reviewedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const BudgetSpend = builder.drizzleNode('budgetSpends', {
  name: 'BudgetSpend',
  description: 'One use of an empowerment budget, with what it answered and how it turned out.',
  id: { column: (spend) => spend.id },
  fields: (t) => ({
    budget: t.relation('budget'),
    employee: t.relation('employee'),
    kind: t.expose('kind', { type: SpendKindEnum }),
    amount: t.exposeInt('amount', { description: 'Minor units for MAKE_IT_RIGHT; giveaways for KINDNESS.' }),
    reasonCode: t.expose('reasonCode', { type: SpendReasonEnum }),
    feedbackId: t.id({
      nullable: true,
      description: 'The complaint or feedback (Feedback) it answers.',
      resolve: (spend) => (spend.feedbackId ? encodeId('Feedback', spend.feedbackId) : null),
    }),
    customerNote: t.exposeString('customerNote', { nullable: true }),
    flagged: t.exposeBoolean('flagged', { description: 'Accepted over the remaining budget under the FLAG policy; for review.' }),
    outcome: t.expose('outcome', { type: SpendOutcomeEnum, description: 'The latest recorded outcome (see outcomeHistory).' }),
    outcomeNote: t.exposeString('outcomeNote', { nullable: true }),
    outcomeAt: t.expose('outcomeAt', { type: 'DateTime', nullable: true }),
    outcomeHistory: t.relation('outcomeHistory', {
      description: 'Every outcome recorded for this spend, oldest first, with who recorded it, when and why.',
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
    }),
    reviewStatus: t.field({
      type: SpendReviewStatusEnum,
      description: 'NOT_NEEDED (within budget), PENDING (flagged, not reviewed yet), APPROVED, or QUESTIONED (reviewed with a question; it can be reviewed again).',
      select: { columns: { flagged: true }, extras: { latestReview: (spend) => latestReviewSql(spend) } },
      resolve: (spend) => reviewStatusOf(spend.flagged, spend.latestReview),
    }),
    reviews: t.relation('reviews', {
      description: 'Reviews of this flagged spend, oldest first: decision, note, who and when.',
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const BudgetFilter = builder.inputType('EmpowermentBudgetFilter', {
  fields: (t) => ({ employeeId: t.id(), periodKey: t.string({ description: 'e.g. 2026-11.' }) }),
});
const SpendFilter = builder.inputType('BudgetSpendFilter', {
  fields: (t) => ({ employeeId: t.id(), flagged: t.boolean(), outcome: t.field({ type: SpendOutcomeEnum }) }),
});

function budgetFilterSql(table: typeof empowermentBudgets, filter: { employeeId?: string | null; periodKey?: string | null } | null | undefined) {
  const conditions: SQL[] = [];
  if (filter?.employeeId) conditions.push(idEquals(table.employeeId, filter.employeeId, 'Employee'));
  if (filter?.periodKey) conditions.push(eq(table.periodKey, filter.periodKey));
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

function spendFilterSql(table: typeof budgetSpends, filter: { employeeId?: string | null; flagged?: boolean | null; outcome?: SpendOutcome | null } | null | undefined) {
  const conditions: SQL[] = [];
  if (filter?.employeeId) conditions.push(idEquals(table.employeeId, filter.employeeId, 'Employee'));
  if (filter?.flagged !== null && filter?.flagged !== undefined) conditions.push(eq(table.flagged, filter.flagged));
  if (filter?.outcome) conditions.push(eq(table.outcome, filter.outcome));
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

// ---- spend against outcomes --------------------------------------------------------------------

const BudgetOutcomeType = builder.objectRef<OutcomeReport>('BudgetOutcome').implement({
  description: "One employee's budget in a period: what was spent, and what came of it.",
  fields: (t) => ({
    budget: t.field({ type: EmpowermentBudget, resolve: (report) => report.budget }),
    spendCount: t.int({ resolve: (report) => report.row.spends }),
    makeItRightSpent: t.int({ resolve: (report) => report.row.make_it_right_spent }),
    kindnessUsed: t.int({ resolve: (report) => report.row.kindness_used }),
    flaggedCount: t.int({ resolve: (report) => report.row.flagged }),
    complaintsAnswered: t.int({ description: 'Spends that answered a complaint.', resolve: (report) => report.row.complaints_answered }),
    complaintsResolvedAfterSpend: t.int({
      description: 'Of those, complaints resolved at or after the spend.',
      resolve: (report) => report.row.resolved_after_spend,
    }),
    laterAverageSatisfaction: t.float({
      nullable: true,
      description: 'Average satisfaction (1-5) of later survey calls with the same customers (matched by contact).',
      resolve: (report) => report.row.later_rating,
    }),
  }),
});

builder.queryFields((t) => ({
  empowermentBudgets: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'empowermentBudgets',
    description: 'Empowerment budgets, newest period first.',
    args: { filter: t.arg({ type: BudgetFilter }) },
    ...filteredConnection({ name: 'empowermentBudgets', table: empowermentBudgets, filter: budgetFilterSql, orderBy: { startsAt: 'desc', id: 'asc' } }),
  }),
  budgetSpends: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'budgetSpends',
    description: 'Budget spends, newest first.',
    args: { filter: t.arg({ type: SpendFilter }) },
    ...filteredConnection({ name: 'budgetSpends', table: budgetSpends, filter: spendFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
  }),
  budgetOutcomes: t.withAuth({ permission: 'budgets:manage', tenant: true }).field({
    type: [BudgetOutcomeType],
    description: 'Spend against outcomes per budget in a period (default: this month). Managers and admins.',
    args: { periodKey: t.arg.string({ description: 'e.g. 2026-11 or 2026-W47; default this month.' }) },
    resolve: (_root, args, ctx) => budgetsService.outcomeReport(ctx.tenant, args.periodKey ?? periodContaining('month', ctx.now).key),
  }),
}));

// ---- mutations -------------------------------------------------------------------------------

const SetBudgetInput = builder.inputType('SetEmpowermentBudgetInput', {
  fields: (t) => ({
    employeeId: t.id({ required: true }),
    period: t.field({ type: BudgetPeriodEnum, defaultValue: 'month' }),
    at: t.field({ type: 'DateTime', description: 'Any instant in the period (default now).' }),
    makeItRightAmount: t.int({ required: true, description: 'Minor units (cents).' }),
    currency: t.string({ required: true, description: 'ISO 4217, e.g. EUR.' }),
    kindnessCount: t.int({ required: true }),
  }),
});
const SpendBudgetInput = builder.inputType('SpendBudgetInput', {
  fields: (t) => ({
    kind: t.field({ type: SpendKindEnum, required: true }),
    amount: t.int({ description: 'Minor units for MAKE_IT_RIGHT (required); giveaways for KINDNESS (default 1).' }),
    reasonCode: t.field({ type: SpendReasonEnum, required: true }),
    feedbackId: t.id({ description: 'The complaint or feedback it answers.' }),
    customerNote: t.string({ description: 'Who and what, when there is no feedback record.' }),
  }),
});
const SpendOutcomeInput = builder.inputType('RecordSpendOutcomeInput', {
  fields: (t) => ({
    spendId: t.id({ required: true }),
    outcome: t.field({ type: SpendOutcomeEnum, required: true }),
    note: t.string(),
  }),
});

const ReviewSpendInput = builder.inputType('ReviewSpendInput', {
  fields: (t) => ({
    spendId: t.id({ required: true }),
    decision: t.field({ type: SpendReviewDecisionEnum, required: true }),
    note: t.string({ required: true, description: 'Why it is approved, or what you ask the employee.' }),
  }),
});

const BudgetPayload = payloadType('EmpowermentBudgetPayload', 'budget', EmpowermentBudget);
const BudgetSpendPayload = builder.objectRef<{ spend: typeof budgetSpends.$inferSelect | null; errors: UserErrorData[] }>('BudgetSpendPayload').implement({
  fields: (t) => ({
    spend: t.field({ type: BudgetSpend, nullable: true, resolve: (payload) => payload.spend }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

const setSchema = v.object({
  makeItRightAmount: v.pipe(v.number(), v.integer(), v.minValue(0, 'The budget cannot be negative.'), v.maxValue(10_000_000, 'At most 100000.00 per period.')),
  currency: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. EUR.')),
  kindnessCount: v.pipe(v.number(), v.integer(), v.minValue(0, 'The kindness allowance cannot be negative.'), v.maxValue(1000, 'At most 1000 giveaways.')),
});
const spendSchema = v.object({
  amount: v.pipe(v.number(), v.integer('Amounts are whole minor units (cents).'), v.minValue(1, 'Spend at least 1.'), v.maxValue(10_000_000, 'That is more than any budget.')),
  customerNote: v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(1000, 'Notes are at most 1000 characters.'))),
});

builder.mutationFields((t) => ({
  setEmpowermentBudget: t.withAuth({ permission: 'budgets:manage', tenant: true }).field({
    type: BudgetPayload,
    description: "Sets an employee's budget for the period containing `at` (creates or changes it). Managers and admins.",
    args: { input: t.arg({ type: SetBudgetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const employeeId = localIdFor('Employee', input.employeeId, ['input', 'employeeId']);
        const values = parseInput(setSchema, { makeItRightAmount: input.makeItRightAmount, currency: input.currency, kindnessCount: input.kindnessCount });
        await findEmployee(tenant, employeeId, ['input', 'employeeId']);
        refuseSelfDealing(ctx, 'setBudget', [employeeId], ['input', 'employeeId']);
        const period = periodContaining(input.period ?? 'month', input.at ?? ctx.now);
        const budget = await budgetsService.setBudget(tenant, employeeId, period, values, actorIdOf(ctx.principal), ctx.now);
        return { budget };
      }, { budget: null }),
  }),
  spendBudget: t.withAuth({ permission: 'employee:act', tenant: true, employee: true }).field({
    type: BudgetSpendPayload,
    description: 'Spends from your current empowerment budget, as the employee of the token. Over the remaining budget it is refused, or flagged for review under the FLAG policy.',
    args: { input: t.arg({ type: SpendBudgetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const employeeId = ctx.employeeId;
        if (input.kind === 'make_it_right' && (input.amount === null || input.amount === undefined)) {
          throw validationError(['input', 'amount'], 'Say how much (in cents) the make-it-right spend is.');
        }
        const values = parseInput(spendSchema, { amount: input.amount ?? 1, customerNote: input.customerNote });
        const feedbackId = input.feedbackId ? localIdFor('Feedback', input.feedbackId, ['input', 'feedbackId']) : null;
        if (feedbackId) await budgetsService.assertFeedbackExists(tenant, feedbackId, ['input', 'feedbackId'], missingMessage('Feedback'));
        if (!feedbackId && !values.customerNote) throw validationError(['input', 'customerNote'], 'Link the complaint or feedback this answers, or add a note about the customer.');
        const budget = await budgetsService.spendableBudget(tenant, employeeId, ctx.now, ['input', 'kind']);
        const policy = await loadPolicy(tenant);
        const spend = await budgetsService.spend(
          tenant,
          budget,
          { employeeId, kind: input.kind, amount: values.amount, reasonCode: input.reasonCode, feedbackId, customerNote: values.customerNote ?? null },
          policy.overspendPolicy,
          ctx.now,
          ['input', 'amount'],
        );
        return { spend };
      }, { spend: null }),
  }),
  reviewSpend: t.withAuth({ permission: 'budgets:manage', tenant: true }).field({
    type: BudgetSpendPayload,
    description: 'Reviews a flagged spend (accepted over the budget): APPROVE ends the review, QUESTION asks the employee to explain. Managers and admins, never the employee who spent it.',
    args: { input: t.arg({ type: ReviewSpendInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('BudgetSpend', input.spendId, ['input', 'spendId']);
        const note = parseInput(
          v.pipe(v.string(), v.trim(), v.nonEmpty('Say why you approve it, or what you ask.'), v.maxLength(1000, 'Notes are at most 1000 characters.')),
          input.note,
          ['input', 'note'],
        );
        const spend = await budgetsService.findSpend(tenant, id);
        if (!spend) throw notFoundError(['input', 'spendId'], missingMessage('BudgetSpend'));
        refuseSelfDealing(ctx, 'reviewSpend', [spend.employeeId], ['input', 'spendId']);
        const reviewed = await budgetsService.reviewSpend(tenant, spend, { decision: input.decision, note, reviewedBy: actorIdOf(ctx.principal) }, ctx.now, { spend: ['input', 'spendId'] });
        return { spend: reviewed };
      }, { spend: null }),
  }),
  recordSpendOutcome: t.withAuth({ permission: 'budgets:outcome', tenant: true }).field({
    type: BudgetSpendPayload,
    description: 'Records how a spend turned out. The employee who spent it, or a manager or admin.',
    args: { input: t.arg({ type: SpendOutcomeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const id = localIdFor('BudgetSpend', input.spendId, ['input', 'spendId']);
        const note = parseInput(v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(1000, 'Notes are at most 1000 characters.'))), input.note, ['input', 'note']);
        const spend = await budgetsService.findSpend(tenant, id);
        if (!spend) throw notFoundError(['input', 'spendId'], missingMessage('BudgetSpend'));
        if (ctx.principal.kind === 'employee' && ctx.principal.employeeId !== spend.employeeId && !['manager', 'director'].includes(ctx.principal.employeeRole)) {
          throw validationError(['input', 'spendId'], 'Only the employee who made this spend, or a manager, can record its outcome.');
        }
        const updated = await budgetsService.changeOutcome(tenant, spend, { outcome: input.outcome, note: note ?? null, recordedBy: actorIdOf(ctx.principal) }, ctx.now, {
          spend: ['input', 'spendId'],
          outcome: ['input', 'outcome'],
          note: ['input', 'note'],
        });
        return { spend: updated };
      }, { spend: null }),
  }),
}));

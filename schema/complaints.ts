/**
 * Complaint ownership, the GraphQL side (thin: parse, authorise, call features/complaints).
 * Whoever hears a complaint can own it and make it right: the owner (by default the employee it is
 * about) takes or is assigned it, sees its customer on a need-to-know basis (each look audited),
 * records what they did with the budget spend that answered it, and resolves it (resolveFeedback).
 */
import { GraphQLError } from 'graphql';
import * as complaints from '../features/complaints/service.ts';
import { actionRules, assignProblem, complaintTimes, revealBasis, takeProblem, type Person } from '../features/complaints/rules.ts';
import { COMPLAINT_EVENT_KINDS, REVEAL_BASES, type ComplaintEventKind, type RevealBasis } from '../features/complaints/tables.ts';
import { findEmployee } from '../features/people/service.ts';
import { UserErrors, parseInput, validationError, type UserErrorData } from '../domain/errors.ts';
import { resolveRange } from '../domain/periods.ts';
import { hasPermission } from '../worker/auth/permissions.ts';
import { actorIdOf } from '../worker/auth/principal.ts';
import { builder, type PothosTypes } from './builder.ts';
import { actorGlobalId } from './duties.ts';
import { upperEnum } from './enums.ts';
import { UserErrorInterface } from './errors.ts';
import { Feedback, type FeedbackRow } from './feedback.ts';
import { localIdFor } from './global-ids.ts';
import { runMutation } from './mutations.ts';
import { loadPlannedRows } from './planned-rows.ts';
import { Team } from './teams.ts';
import type { TenantContext } from './auth-scopes.ts';
import { rangeArgs } from './voice.ts';

const ComplaintEventKindEnum = upperEnum<ComplaintEventKind>('ComplaintEventKind', COMPLAINT_EVENT_KINDS);

export const ComplaintEvent = builder.drizzleObject('complaintEvents', {
  name: 'ComplaintEvent',
  description: "One step in a complaint's history (append-only): taken, assigned, an action of its owner, its resolution.",
  fields: (t) => ({
    kind: t.expose('kind', { type: ComplaintEventKindEnum }),
    note: t.exposeString('note', { nullable: true, description: 'What was done (ACTION), how it was made right (RESOLVED).' }),
    actor: t.relation('actorEmployee', { nullable: true, description: 'The employee who did it; null when it was done with an API key (see actorId).' }),
    actorId: t.id({ description: 'An Employee id, or the id of the API key (ApiKey).', resolve: (event) => actorGlobalId(event.actorId) ?? '' }),
    owner: t.relation('owner', { nullable: true, description: 'TAKEN/ASSIGNED: the new owner.' }),
    previousOwner: t.relation('previousOwner', { nullable: true, description: 'TAKEN/ASSIGNED: who owned it before (null: nobody).' }),
    spend: t.relation('spend', { nullable: true, description: "ACTION: the owner's budget spend that answered this complaint." }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RevealBasisEnum = upperEnum<RevealBasis>('ComplaintRevealBasis', REVEAL_BASES);

export const ComplaintCustomerReveal = builder.drizzleObject('complaintCustomerReveals', {
  name: 'ComplaintCustomerReveal',
  description: "One look at a complaint's customer (revealComplaintCustomer), as audited: who, when, on what basis. Never the customer.",
  fields: (t) => ({
    basis: t.expose('basis', { type: RevealBasisEnum, description: "OWNER: the complaint's owner; CONTACT_PERMISSION: a manager, director or manager/admin key." }),
    revealedBy: t.relation('revealedByEmployee', { nullable: true, description: 'The employee who looked; null when it was an API key (see revealedById).' }),
    revealedById: t.id({ description: 'An Employee id, or the id of the API key (ApiKey).', resolve: (row) => actorGlobalId(row.revealedBy) ?? '' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

builder.drizzleObjectFields(Feedback, (t) => ({
  customerReveals: t.relation('customerReveals', {
    authScopes: { permission: 'voice:contact' },
    description: "The audit of who revealed this complaint's customer, newest first. Managers only (voice:contact): the owner may see the customer, not who else looked.",
    query: { orderBy: { createdAt: 'desc', id: 'desc' } },
  }),
  owner: t.relation('owner', {
    nullable: true,
    description: 'Who owns this complaint and makes it right: by default the employee it is about, or whoever took it or was assigned it. Null for praise and ideas.',
  }),
  history: t.relation('complaintEvents', {
    description: 'What happened to this complaint, oldest first: who took or assigned it, what its owner did (with budget spends), its resolution.',
    query: { orderBy: { createdAt: 'asc', id: 'asc' } },
  }),
  customerOnRecord: t.boolean({
    description: "Whether a customer name or contact is on record (on this complaint or the call it came from). Only the owner, or a manager, can reveal them: revealComplaintCustomer.",
    select: {
      extras: {
        customerOnRecord: (row) => complaints.customerOnRecordSql(row),
      },
    },
    resolve: (row) => Number(row.customerOnRecord) === 1,
  }),
  firstActionAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When its owner first did something: the first recorded action, or the resolution if nothing came before.',
    select: { columns: { receivedAt: true, firstActionAt: true, resolvedAt: true } },
    resolve: (row) => complaintTimes(row).firstActionAt,
  }),
  timeToFirstActionSeconds: t.int({
    nullable: true,
    description: 'Seconds from receivedAt to firstActionAt; null until then.',
    select: { columns: { receivedAt: true, firstActionAt: true, resolvedAt: true } },
    resolve: (row) => seconds(complaintTimes(row).toFirstActionMs),
  }),
  timeToResolutionSeconds: t.int({
    nullable: true,
    description: 'Seconds from receivedAt to resolvedAt; null while open.',
    select: { columns: { receivedAt: true, firstActionAt: true, resolvedAt: true } },
    resolve: (row) => seconds(complaintTimes(row).toResolutionMs),
  }),
}));

// ---- times per team and tenant -------------------------------------------------------------------

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100);

const DurationStatsType = builder.objectRef<complaints.DurationStats>('ComplaintDurationStats').implement({
  description: 'Durations in hours over the complaints that reached this step. Median and p90 are nearest-rank.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Complaints that reached this step.' }),
    medianHours: t.float({ nullable: true, resolve: (stats) => hours(stats.medianMs) }),
    p90Hours: t.float({ nullable: true, description: '90% of complaints reached this step within this many hours.', resolve: (stats) => hours(stats.p90Ms) }),
    meanHours: t.float({ nullable: true, resolve: (stats) => hours(stats.meanMs) }),
  }),
});

interface TimesResult {
  times: complaints.TimesRow;
  range: { from: Date; to: Date };
}

const timesFields = (t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, TimesResult>) => ({
  from: t.field({ type: 'DateTime', resolve: (result: TimesResult) => result.range.from }),
  to: t.field({ type: 'DateTime', resolve: (result: TimesResult) => result.range.to }),
  complaintCount: t.int({ description: 'Complaints received in the period.', resolve: (result: TimesResult) => result.times.complaints }),
  openCount: t.int({ description: 'Of those, still open.', resolve: (result: TimesResult) => result.times.open }),
  firstAction: t.field({ type: DurationStatsType, description: 'Time from receiving a complaint to its first action.', resolve: (result: TimesResult) => result.times.firstAction }),
  resolution: t.field({ type: DurationStatsType, description: 'Time from receiving a complaint to its resolution.', resolve: (result: TimesResult) => result.times.resolution }),
});

const ComplaintTimesType = builder.objectRef<TimesResult>('ComplaintTimes').implement({
  description: 'How fast complaints received in a period were acted on and resolved.',
  fields: (t) => timesFields(t),
});

const TeamComplaintTimesType = builder.objectRef<TimesResult & { teamId: string }>('TeamComplaintTimes').implement({
  description: "One team's complaint times in a period.",
  fields: (t) => ({
    team: t.field({
      type: Team,
      // The teams of the whole list in one statement, with the selection planned from the query.
      resolve: async (result, _args, ctx, info) => {
        const [team] = await loadPlannedRows<typeof Team.$inferType>(ctx, 'teams', t.drizzleQueryFromInfo('teams', { context: ctx, info }), [result.teamId]);
        if (!team) throw new GraphQLError('This team no longer exists.', { extensions: { code: 'NOT_FOUND' } });
        return team;
      },
    }),
    ...timesFields(t),
  }),
});

builder.queryFields((t) => ({
  complaintTimes: t.withAuth({ permission: 'read', tenant: true }).field({
    type: ComplaintTimesType,
    description: "Times to first action and to resolution of the complaints received in a period (default: the last 90 days): the tenant's, or one team's. One SQL statement.",
    args: { ...rangeArgs(t.arg), teamId: t.arg.id() },
    resolve: async (_root, args, ctx) => {
      const tenant = ctx.tenant;
      const range = resolveRange(args, ctx.now);
      const teamId = args.teamId ? localIdFor('Team', args.teamId, ['teamId']) : null;
      return { range, times: await complaints.complaintTimesFor(tenant, range, teamId) };
    },
  }),
  complaintTimesByTeam: t.withAuth({ permission: 'read', tenant: true }).field({
    type: [TeamComplaintTimesType],
    description: 'Complaint times per team (teams with complaints in the period), ordered by team name. Two SQL statements: the figures, then the teams selected.',
    args: rangeArgs(t.arg),
    resolve: async (_root, args, ctx) => {
      const tenant = ctx.tenant;
      const range = resolveRange(args, ctx.now);
      const rows = await complaints.complaintTimesByTeam(tenant, range);
      return rows.flatMap((times) => (times.teamId ? [{ teamId: times.teamId, range, times }] : []));
    },
  }),
}));

// ---- ownership ----------------------------------------------------------------------------------

const asPerson = (row: { id: string; teamId: string | null; role: Person['role']; status: Person['status'] }): Person => ({ id: row.id, teamId: row.teamId, role: row.role, status: row.status });

/** FORBIDDEN, as a top-level error: this is about who the caller is, not about the input. */
function forbiddenFor(message: string): GraphQLError {
  return new GraphQLError(`Forbidden: ${message}`, { extensions: { code: 'FORBIDDEN' } });
}

const ComplaintPayload = builder.objectRef<{ complaint: FeedbackRow | null; errors: UserErrorData[] }>('ComplaintPayload').implement({
  fields: (t) => ({
    complaint: t.field({ type: Feedback, nullable: true, resolve: (payload) => payload.complaint }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

const TakeInput = builder.inputType('TakeComplaintInput', { fields: (t) => ({ complaintId: t.id({ required: true }) }) });
const AssignInput = builder.inputType('AssignComplaintInput', {
  fields: (t) => ({ complaintId: t.id({ required: true }), employeeId: t.id({ required: true, description: 'The new owner.' }) }),
});
const ActionInput = builder.inputType('RecordComplaintActionInput', {
  fields: (t) => ({
    complaintId: t.id({ required: true }),
    note: t.string({ required: true, description: 'What you did for the customer.' }),
    spendId: t.id({ description: 'Your budget spend that answered this complaint (spendBudget with its feedbackId).' }),
  }),
});
const RevealInput = builder.inputType('RevealComplaintCustomerInput', { fields: (t) => ({ complaintId: t.id({ required: true }) }) });

const ActionPayload = builder
  .objectRef<{ action: complaints.ComplaintEventRow | null; complaint: FeedbackRow | null; errors: UserErrorData[] }>('RecordComplaintActionPayload')
  .implement({
    fields: (t) => ({
      action: t.field({ type: ComplaintEvent, nullable: true, resolve: (payload) => payload.action }),
      complaint: t.field({ type: Feedback, nullable: true, resolve: (payload) => payload.complaint }),
      errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
    }),
  });

const CustomerSourceEnum = upperEnum<complaints.ComplaintCustomer['from']>('ComplaintCustomerSource', ['record', 'survey_call', 'none']);
const ComplaintCustomerType = builder.objectRef<complaints.ComplaintCustomer>('ComplaintCustomer').implement({
  description: "A complaint's customer: personal data, shown to its owner (or a manager) and audited each time.",
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true }),
    contact: t.exposeString('contact', { nullable: true, description: 'Email address or phone number.' }),
    from: t.expose('from', { type: CustomerSourceEnum, description: 'RECORD: the complaint record; SURVEY_CALL: the call it was said on; NONE: nothing on record.' }),
  }),
});
const RevealPayload = builder.objectRef<{ customer: complaints.ComplaintCustomer | null; errors: UserErrorData[] }>('RevealComplaintCustomerPayload').implement({
  fields: (t) => ({
    customer: t.field({ type: ComplaintCustomerType, nullable: true, resolve: (payload) => payload.customer }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

const complaintPath = ['input', 'complaintId'];

/** The error code of a refused take or assignment: praise or an idea is the wrong record, a resolved complaint is too late. */
function problemCode(complaint: { kind: string; status: string }, otherwise: 'CONFLICT' | 'VALIDATION'): 'CONFLICT' | 'INVALID_TRANSITION' | 'VALIDATION' {
  if (complaint.kind !== 'complaint') return 'VALIDATION';
  if (complaint.status !== 'open') return 'INVALID_TRANSITION';
  return otherwise;
}

async function loadComplaint(ctx: TenantContext, globalId: string) {
  const tenant = ctx.tenant;
  const complaint = await complaints.findComplaint(tenant, localIdFor('Feedback', globalId, complaintPath), complaintPath);
  return { tenant, complaint };
}

builder.mutationFields((t) => ({
  takeComplaint: t.withAuth({ permission: 'complaints:own', tenant: true, employee: true }).field({
    type: ComplaintPayload,
    description: "Takes ownership of a complaint, as the employee of the token: one without an owner, or one about your own team. A colleague's in another team is assigned by a lead or manager.",
    args: { input: t.arg({ type: TakeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const { tenant, complaint } = await loadComplaint(ctx, input.complaintId);
        const me = await findEmployee(tenant, ctx.employeeId, complaintPath);
        const problem = takeProblem(complaint, asPerson(me));
        if (problem) throw new UserErrors([{ code: problemCode(complaint, 'CONFLICT'), path: complaintPath, message: problem }]);
        return { complaint: await complaints.changeOwner(tenant, complaint, me.id, 'taken', me.id, ctx.now) };
      }, { complaint: null }),
  }),
  assignComplaint: t.withAuth({ permission: 'complaints:assign', tenant: true }).field({
    type: ComplaintPayload,
    description: "Assigns a complaint to an owner. Leads assign their own team's complaints; managers, directors and admin or manager keys any.",
    args: { input: t.arg({ type: AssignInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const { tenant, complaint } = await loadComplaint(ctx, input.complaintId);
        const assignee = await findEmployee(tenant, localIdFor('Employee', input.employeeId, ['input', 'employeeId']), ['input', 'employeeId']);
        const assigner = ctx.principal.kind === 'employee' ? asPerson(await findEmployee(tenant, ctx.principal.employeeId, complaintPath)) : null;
        const problem = assignProblem(complaint, assigner, asPerson(assignee));
        if (problem) {
          throw new UserErrors([{ code: problem.field === 'employeeId' ? 'VALIDATION' : problemCode(complaint, 'VALIDATION'), path: ['input', problem.field], message: problem.message }]);
        }
        return { complaint: await complaints.changeOwner(tenant, complaint, assignee.id, 'assigned', actorIdOf(ctx.principal), ctx.now) };
      }, { complaint: null }),
  }),
  recordComplaintAction: t.withAuth({ permission: 'complaints:own', tenant: true, employee: true }).field({
    type: ActionPayload,
    description: "Records what you did about a complaint you own (its first action starts its clock), optionally with your budget spend that answered it.",
    args: { input: t.arg({ type: ActionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const { tenant, complaint } = await loadComplaint(ctx, input.complaintId);
        const me = ctx.employeeId;
        if (complaint.ownerId !== me) throw forbiddenFor('only the owner of this complaint records actions on it (take it, or ask a lead to assign it to you).');
        if (complaint.status !== 'open') throw new UserErrors([{ code: 'INVALID_TRANSITION', path: complaintPath, message: 'This complaint is already resolved.' }]);
        const { note } = parseInput(actionRules, { note: input.note });
        const spendId = input.spendId ? localIdFor('BudgetSpend', input.spendId, ['input', 'spendId']) : null;
        if (spendId) await complaints.assertSpendFits(tenant, spendId, complaint.id, me, ['input', 'spendId']);
        const { event, complaint: updated } = await complaints.recordAction(tenant, complaint, note, spendId, me, ctx.now);
        return { action: event, complaint: updated };
      }, { action: null, complaint: null }),
  }),
  revealComplaintCustomer: t.withAuth({ permission: 'complaints:reveal', tenant: true }).field({
    type: RevealPayload,
    description:
      "The customer's name and contact of a complaint, for its owner (or a manager or admin key: they hold the contact permission). Every reveal is audited (who, when, which complaint); anyone else gets FORBIDDEN.",
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const contact = hasPermission(ctx.principal, 'voice:contact');
      return runMutation(async () => {
        const { tenant, complaint } = await loadComplaint(ctx, input.complaintId);
        if (complaint.kind !== 'complaint') throw validationError(complaintPath, 'Only complaints have a customer to reveal.');
        const basis = revealBasis(complaint, { employeeId: ctx.principal.kind === 'employee' ? ctx.principal.employeeId : null, hasContactPermission: contact });
        if (!basis) throw forbiddenFor("a complaint's customer is shown only to its owner and to managers (need to know).");
        return { customer: await complaints.revealCustomer(tenant, complaint.id, actorIdOf(ctx.principal), basis, ctx.now) };
      }, { customer: null });
    },
  }),
}));

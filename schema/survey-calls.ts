/**
 * SurveyCall: a manager's or lead's call to a customer, with open-ended answers and the employees
 * the customer mentioned. Each mention becomes feedback on that employee (and their team).
 */
import { parseInput, UserErrors, validationError, type UserErrorData } from '../domain/errors.ts';
import { sentimentLabel } from '../features/themes/service.ts';
import { callRules } from '../features/voice/rules/validation.ts';
import { logSurveyCall, surveyCallWhere } from '../features/voice/service.ts';
import { surveyCalls } from '../features/voice/tables.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { hasPermission } from '../worker/auth/permissions.ts';
import type { GraphQLContext } from '../worker/context.ts';
import { builder } from './builder.ts';
import { textAnalyser } from '../features/themes/service.ts';
import { filteredConnection } from './connections.ts';
import { localIdFilter, localIdFor, tryDecodeId } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { CallChannelEnum, MentionKindEnum, SentimentLabelEnum } from './voice-enums.ts';

const contactVisible = (ctx: GraphQLContext) => hasPermission(ctx.principal, 'voice:contact');
/** Private notes are manager material too; like the contact, hidden fields read as null. */
const notesVisible = (ctx: GraphQLContext) => hasPermission(ctx.principal, 'voice:notes');

export const SurveyAnswer = builder.drizzleObject('surveyAnswers', {
  name: 'SurveyAnswer',
  fields: (t) => ({
    position: t.exposeInt('position'),
    question: t.exposeString('question', { description: 'The question as it was asked.' }),
    answer: t.exposeString('answer', { description: "The customer's words." }),
    sentiment: t.exposeFloat('sentiment'),
    sentimentLabel: t.field({ type: SentimentLabelEnum, select: { columns: { sentiment: true } }, resolve: (row) => sentimentLabel(row.sentiment) }),
  }),
});

export const SurveyCall = builder.drizzleNode('surveyCalls', {
  name: 'SurveyCall',
  id: { column: (call) => call.id },
  fields: (t) => ({
    calledAt: t.expose('calledAt', { type: 'DateTime' }),
    channel: t.expose('channel', { type: CallChannelEnum }),
    satisfaction: t.exposeInt('satisfaction', { description: 'Overall satisfaction, 1 to 5.' }),
    nps: t.exposeInt('nps', { nullable: true, description: 'Likelihood to recommend, 0 to 10.' }),
    notes: t.string({
      nullable: true,
      description: "The caller's private notes: null (redacted) unless the caller is a manager or admin.",
      select: { columns: { notes: true } },
      resolve: (call, _args, ctx) => (notesVisible(ctx) ? call.notes : null),
    }),
    sentiment: t.exposeFloat('sentiment', { description: 'Mean sentiment of the answers, -1 to 1.' }),
    customerName: t.string({
      nullable: true,
      description: 'Personal data: null (redacted) unless the caller is a manager or admin.',
      select: { columns: { customerName: true } },
      resolve: (call, _args, ctx) => (contactVisible(ctx) ? call.customerName : null),
    }),
    customerContact: t.string({
      nullable: true,
      description: 'Personal data: null (redacted) unless the caller is a manager or admin.',
      select: { columns: { customerContact: true } },
      resolve: (call, _args, ctx) => (contactVisible(ctx) ? call.customerContact : null),
    }),
    contactRedacted: t.boolean({
      description: 'True when customerName and customerContact are hidden from this credential.',
      resolve: (_call, _args, ctx) => !contactVisible(ctx),
    }),
    template: t.relation('template'),
    caller: t.relation('caller'),
    team: t.relation('team', { nullable: true, description: "The caller's team when the call was logged." }),
    answers: t.relation('answers', { query: { orderBy: { position: 'asc' } } }),
    mentions: t.relation('mentions', {
      description: 'What the customer said about named employees (feedback from this call).',
      query: { orderBy: { id: 'asc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const SurveyCallFilter = builder.inputType('SurveyCallFilter', {
  fields: (t) => ({
    callerId: t.id({ description: 'Calls made by this employee.' }),
    teamId: t.id({ description: "Calls made by this team's people." }),
    mentionedEmployeeId: t.id({ description: 'Calls in which the customer mentioned this employee.' }),
    channel: t.field({ type: CallChannelEnum }),
    from: t.field({ type: 'DateTime', description: 'Called at or after.' }),
    to: t.field({ type: 'DateTime', description: 'Called before.' }),
  }),
});

type CallFilter = typeof SurveyCallFilter.$inferInput;

function callFilterSql(table: typeof surveyCalls, filter: CallFilter | null | undefined) {
  if (!filter) return undefined;
  return surveyCallWhere(table, {
    caller: filter.callerId ? localIdFilter(filter.callerId, 'Employee') : undefined,
    team: filter.teamId ? localIdFilter(filter.teamId, 'Team') : undefined,
    mentionedEmployee: filter.mentionedEmployeeId ? localIdFilter(filter.mentionedEmployeeId, 'Employee') : undefined,
    channel: filter.channel,
    from: filter.from,
    to: filter.to,
  });
}

builder.queryFields((t) => ({
  surveyCalls: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'surveyCalls',
    description: 'Survey calls, newest first.',
    args: { filter: t.arg({ type: SurveyCallFilter }) },
    ...filteredConnection({ name: 'surveyCalls', table: surveyCalls, filter: callFilterSql, orderBy: { calledAt: 'desc' } }),
  }),
}));

// ---- logging a call ----------------------------------------------------------------------------

const AnswerInput = builder.inputType('SurveyAnswerInput', {
  fields: (t) => ({
    questionId: t.id({ required: true, description: "A question of the call's template." }),
    answer: t.string({ required: true, description: "The customer's words." }),
  }),
});

const MentionInput = builder.inputType('SurveyMentionInput', {
  fields: (t) => ({
    employeeId: t.id({ required: true }),
    kind: t.field({ type: MentionKindEnum, required: true }),
    quote: t.string({ required: true, description: "The customer's words about this person." }),
  }),
});

const LogSurveyCallInput = builder.inputType('LogSurveyCallInput', {
  fields: (t) => ({
    templateId: t.id({ required: true }),
    callerId: t.id({ description: 'Who called. Required with a key; an employee token logs its own calls.' }),
    customerName: t.string(),
    customerContact: t.string({ description: 'Phone or email. Personal data: only managers and admins see it.' }),
    calledAt: t.field({ type: 'DateTime', required: true }),
    channel: t.field({ type: CallChannelEnum, required: true }),
    satisfaction: t.int({ required: true, description: '1 to 5.' }),
    nps: t.int({ description: '0 to 10.' }),
    notes: t.string(),
    answers: t.field({ type: [AnswerInput], required: true }),
    mentions: t.field({ type: [MentionInput], description: 'Employees the customer named, with their words.' }),
  }),
});

type LogCallInput = typeof LogSurveyCallInput.$inferInput;

/** Collects errors from several checks, so one reply lists everything to fix. */
class Problems {
  readonly list: UserErrorData[] = [];
  run<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      this.list.push(...error.errors);
      return undefined;
    }
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new UserErrors(this.list);
  }
}

function callerOf(ctx: GraphQLContext, callerId: string | null | undefined): string {
  if (ctx.principal.kind === 'employee') {
    if (callerId && tryDecodeId(callerId)?.id !== ctx.principal.employeeId) {
      throw validationError(['input', 'callerId'], 'An employee token logs its own calls: leave callerId out.');
    }
    return ctx.principal.employeeId;
  }
  if (!callerId) throw validationError(['input', 'callerId'], 'Say who made the call (callerId).');
  return localIdFor('Employee', callerId, ['input', 'callerId']);
}

/** Parses the input and resolves its ids (every problem at once); the service checks them against the data and writes. */
async function logCall(ctx: GraphQLContext, tenant: TenantScope, input: LogCallInput) {
  const values = parseInput(callRules(ctx.now), input);
  const problems = new Problems();
  const callerId = problems.run(() => callerOf(ctx, input.callerId));
  const templateId = problems.run(() => localIdFor('SurveyTemplate', input.templateId, ['input', 'templateId']));
  const questionIds = values.answers.map((answer, i) =>
    problems.run(() => localIdFor('SurveyQuestion', answer.questionId, ['input', 'answers', String(i), 'questionId'])),
  );
  const mentionIds = values.mentions.map((mention, i) =>
    problems.run(() => localIdFor('Employee', mention.employeeId, ['input', 'mentions', String(i), 'employeeId'])),
  );
  problems.throwIfAny();
  return logSurveyCall(tenant, { values, callerId: callerId!, templateId: templateId!, questionIds: questionIds.map((id) => id!), mentionIds: mentionIds.map((id) => id!) }, ctx.now, await textAnalyser(tenant));
}

builder.mutationField('logSurveyCall', (t) =>
  t.withAuth({ permission: 'voice:write', tenant: true }).field({
    type: payloadType('LogSurveyCallPayload', 'surveyCall', SurveyCall),
    description:
      "Logs a survey call with the customer's answers and the employees they mentioned. Needs a manager or admin key, or a lead's, manager's or director's employee token.",
    args: { input: t.arg({ type: LogSurveyCallInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(() => logCall(ctx, ctx.tenant, input).then((surveyCall) => ({ surveyCall })), {
        surveyCall: null,
      }),
  }),
);

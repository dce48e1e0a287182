/**
 * Recognition: employees recognise colleagues or a whole team, naming a company value and
 * optionally giving points from their monthly giving allowance. The feed is visible to the whole
 * tenant. Customer praise (feedback) can be turned into recognition linked to its source.
 */
import { and, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { parseInput } from '../domain/errors.ts';
import { monthKey } from '../domain/periods.ts';
import { matchCompanyValue, MAX_RECIPIENTS, pointsEach as pointsEachSchema, recognitionMessage, type RecognitionPolicy } from '../features/recognition/rules.ts';
import { findPraise, give, givingAllowanceExtras, involvingEmployee, loadPolicy, namingValue } from '../features/recognition/service.ts';
import { recognitions as recognitionsTable } from '../features/recognition/tables.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { Employee } from './employees.ts';
import { encodeId, idEquals, localIdFor, tryDecodeId } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { findTeam } from './teams.ts';

export const RecognitionRecipient = builder.drizzleObject('recognitionRecipients', {
  name: 'RecognitionRecipient',
  description: 'One person a recognition was given to, and the points they received with it.',
  fields: (t) => ({
    employee: t.relation('employee'),
    points: t.exposeInt('points'),
  }),
});

export const Recognition = builder.drizzleNode('recognitions', {
  name: 'Recognition',
  description: 'A thank-you from one employee to colleagues or a team, visible to the whole organisation.',
  id: { column: (recognition) => recognition.id },
  fields: (t) => ({
    giver: t.relation('giver'),
    team: t.relation('team', { nullable: true, description: 'Set when a whole team was recognised.' }),
    recipients: t.relation('recipients', { query: { orderBy: { id: 'asc' } } }),
    message: t.exposeString('message'),
    value: t.exposeString('value', { description: 'The company value it names.' }),
    pointsEach: t.exposeInt('pointsEach', { description: "Points each recipient received, from the giver's monthly allowance." }),
    pointsTotal: t.exposeInt('pointsTotal'),
    period: t.exposeString('period', { description: 'The giving month (YYYY-MM, UTC) it counts against.' }),
    sourceFeedbackId: t.id({
      nullable: true,
      description: 'The customer praise (Feedback) this recognition was made from.',
      resolve: (recognition) => (recognition.sourceFeedbackId ? encodeId('Feedback', recognition.sourceFeedbackId) : null),
    }),
    sourceCallId: t.id({
      nullable: true,
      description: 'The survey call the praise came from.',
      resolve: (recognition) => (recognition.sourceCallId ? encodeId('SurveyCall', recognition.sourceCallId) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RecognitionFilter = builder.inputType('RecognitionFilter', {
  fields: (t) => ({
    employeeId: t.id({ description: 'Only recognition this employee gave or received.' }),
    teamId: t.id({ description: 'Only recognition of this team as a whole.' }),
    value: t.string({ description: 'Only recognition naming this company value.' }),
  }),
});

interface RecognitionFilterValues {
  employeeId?: string | null;
  teamId?: string | null;
  value?: string | null;
}

/** The filter as SQL over `table`; an id of the wrong type matches nothing, like an unknown id. */
function recognitionFilterSql(table: typeof recognitionsTable, filter: RecognitionFilterValues | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: SQL[] = [];
  if (filter.employeeId) {
    const decoded = tryDecodeId(filter.employeeId);
    conditions.push(involvingEmployee(table, decoded?.typename === 'Employee' ? decoded.id : null));
  }
  if (filter.teamId) conditions.push(idEquals(table.teamId, filter.teamId, 'Team'));
  if (filter.value) conditions.push(namingValue(table, filter.value));
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

builder.queryFields((t) => ({
  recognitions: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'recognitions',
    description: "The organisation's recognition feed, newest first.",
    args: { filter: t.arg({ type: RecognitionFilter }) },
    ...filteredConnection({ name: 'recognitions', table: recognitionsTable, filter: recognitionFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
  }),
}));

// ---- giving allowance on Employee ----------------------------------------------------------------

interface GivingAllowance {
  period: string;
  allowance: number;
  given: number;
  remaining: number;
}

const GivingAllowanceType = builder.objectRef<GivingAllowance>('GivingAllowance').implement({
  description: 'Points an employee may still give in recognition this month. Separate from the points they earn and spend.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'YYYY-MM (UTC).' }),
    allowance: t.exposeInt('allowance'),
    given: t.exposeInt('given'),
    remaining: t.exposeInt('remaining'),
  }),
});

builder.drizzleObjectFields(Employee, (t) => ({
  givingAllowance: t.field({
    type: GivingAllowanceType,
    description: 'Their recognition giving allowance this month.',
    // Computed in the employee's own row (SQL extras), so a list of employees stays one statement.
    select: (_args, ctx) => ({ extras: givingAllowanceExtras(monthKey(ctx.now)) }),
    resolve: (employee, _args, ctx) => {
      const allowance = Number(employee.givingAllowance);
      const given = Number(employee.givenThisMonth);
      return { period: monthKey(ctx.now), allowance, given, remaining: Math.max(0, allowance - given) };
    },
  }),
  recognitionsReceived: t.relatedConnection('recognitionsReceived', {
    description: 'Recognition this employee received.',
    type: RecognitionRecipient,
    totalCount: true,
    query: { orderBy: { id: 'desc' } },
  }),
}));

// ---- giving recognition --------------------------------------------------------------------------

const GiveRecognitionInput = builder.inputType('GiveRecognitionInput', {
  fields: (t) => ({
    recipientIds: t.idList({ description: `Colleagues to recognise (at most ${MAX_RECIPIENTS} people in all).` }),
    teamId: t.id({ description: 'Recognise a whole team: its active members (except you) receive it.' }),
    message: t.string({ required: true }),
    value: t.string({ required: true, description: 'One of the company values (see recognitionPolicy).' }),
    points: t.int({ defaultValue: 0, description: 'Points for each recipient, from your monthly giving allowance. Default 0.' }),
  }),
});

const RecognizeCustomerPraiseInput = builder.inputType('RecognizeCustomerPraiseInput', {
  fields: (t) => ({
    feedbackId: t.id({ required: true, description: 'A praise Feedback record about a colleague or a team.' }),
    message: t.string({ description: "Your words; by default the customer's own." }),
    value: t.string({ required: true }),
    points: t.int({ defaultValue: 0 }),
  }),
});

const RecognitionPayload = payloadType('RecognitionPayload', 'recognition', Recognition);

/** Recipient global ids as local ids, each error at its index in the input. */
const recipientLocalIds = (globalIds: readonly string[]) => globalIds.map((id, index) => localIdFor('Employee', id, ['input', 'recipientIds', String(index)]));

const givingSchema = (policy: RecognitionPolicy) =>
  v.object({
    message: recognitionMessage,
    value: v.pipe(
      v.string(),
      v.check((value) => matchCompanyValue(policy, value) !== undefined, `Name one of the company values: ${policy.companyValues.join(', ')}.`),
      v.transform((value) => matchCompanyValue(policy, value) ?? value),
    ),
    points: pointsEachSchema,
  });

builder.mutationFields((t) => ({
  giveRecognition: t.withAuth({ permission: 'recognition:give', tenant: true, employee: true }).field({
    type: RecognitionPayload,
    description: "Recognises colleagues or a team, as the employee of the token. Points come from your monthly giving allowance.",
    args: { input: t.arg({ type: GiveRecognitionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const giverId = ctx.employeeId;
        const policy = await loadPolicy(tenant);
        const values = parseInput(givingSchema(policy), { message: input.message, value: input.value, points: input.points ?? 0 });
        const teamId = input.teamId ? localIdFor('Team', input.teamId, ['input', 'teamId']) : null;
        if (teamId) await findTeam(tenant, teamId, ['input', 'teamId']);
        const recognition = await give(
          tenant,
          { giverId, recipientIds: recipientLocalIds(input.recipientIds ?? []), teamId, ...values, sourceFeedbackId: null, sourceCallId: null },
          policy,
          ctx.now,
        );
        return { recognition };
      }, { recognition: null }),
  }),
  recognizeCustomerPraise: t.withAuth({ permission: 'recognition:give', tenant: true, employee: true }).field({
    type: RecognitionPayload,
    description: 'Turns customer praise (a praise Feedback record, e.g. from a survey call) into recognition of the employee or team it names, linked to its source.',
    args: { input: t.arg({ type: RecognizeCustomerPraiseInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => {
        const tenant = ctx.tenant;
        const giverId = ctx.employeeId;
        const policy = await loadPolicy(tenant);
        const feedbackId = localIdFor('Feedback', input.feedbackId, ['input', 'feedbackId']);
        const praise = await findPraise(tenant, feedbackId, ['input', 'feedbackId']);
        const values = parseInput(givingSchema(policy), {
          message: input.message ?? `A customer said: “${praise.body.slice(0, 900)}”`,
          value: input.value,
          points: input.points ?? 0,
        });
        const recognition = await give(
          tenant,
          {
            giverId,
            recipientIds: praise.employeeId ? [praise.employeeId] : [],
            teamId: praise.employeeId ? null : praise.teamId,
            ...values,
            sourceFeedbackId: praise.id,
            sourceCallId: praise.callId,
          },
          policy,
          ctx.now,
        );
        return { recognition };
      }, { recognition: null }),
  }),
}));


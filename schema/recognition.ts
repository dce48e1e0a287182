/**
 * Recognition: employees recognise colleagues or a whole team, naming a company value and
 * optionally giving points from their monthly giving allowance. The feed is visible to the whole
 * tenant. Customer praise (feedback) can be turned into recognition linked to its source.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import * as v from 'valibot';
import { newId, randomId } from '../db/ids.ts';
import { recognitionRecipients, recognitions } from '../db/recognition.ts';
import { pointsEntries } from '../features/points/tables.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { feedback } from '../features/voice/tables.ts';
import { notFoundError, parseInput, UserErrors, validationError } from '../domain/errors.ts';
import { monthKey } from '../domain/periods.ts';
import {
  assertRecognitionAllowed,
  DEFAULT_POLICY,
  matchCompanyValue,
  MAX_RECIPIENTS,
  pointsEach as pointsEachSchema,
  recognitionMessage,
  type RecognitionPolicy,
} from '../domain/recognition.ts';
import { assertNoSelfDealing } from '../domain/separation-of-duties.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { Employee } from './employees.ts';
import { encodeId, idEquals, localIdFor, missingMessage, tryDecodeId } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { loadPolicy } from './policy.ts';
import { actingEmployeeId, tenantFor } from './tenancy.ts';
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
function recognitionFilterSql(table: typeof recognitions, filter: RecognitionFilterValues | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: SQL[] = [];
  if (filter.employeeId) {
    const decoded = tryDecodeId(filter.employeeId);
    conditions.push(
      decoded?.typename === 'Employee'
        ? sql`(${table.giverId} = ${decoded.id} OR EXISTS (SELECT 1 FROM recognition_recipients rr WHERE rr.tenant_id = ${table.tenantId} AND rr.recognition_id = ${table.id} AND rr.employee_id = ${decoded.id}))`
        : sql`0 = 1`,
    );
  }
  if (filter.teamId) conditions.push(idEquals(table.teamId, filter.teamId, 'Team'));
  if (filter.value) conditions.push(sql`lower(${table.value}) = lower(${filter.value})`);
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

builder.queryFields((t) => ({
  recognitions: t.drizzleConnection({
    type: 'recognitions',
    description: "The organisation's recognition feed, newest first.",
    args: { filter: t.arg({ type: RecognitionFilter }) },
    ...filteredConnection({ name: 'recognitions', table: recognitions, permission: 'read', filter: recognitionFilterSql, orderBy: { createdAt: 'desc', id: 'desc' } }),
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

/** Points `giverId` gave in `period`. */
async function givenIn(tenant: TenantScope, giverId: string, period: string): Promise<number> {
  const [row] = await tenant.rows<{ given: number }>(
    sql`SELECT COALESCE(SUM(points_total), 0) AS given FROM recognitions WHERE tenant_id = ${tenant.tenantId} AND giver_id = ${giverId} AND period = ${period}`,
  );
  return row?.given ?? 0;
}

builder.drizzleObjectFields(Employee, (t) => ({
  givingAllowance: t.field({
    type: GivingAllowanceType,
    description: 'Their recognition giving allowance this month.',
    // Computed in the employee's own row (SQL extras), so a list of employees stays one statement.
    select: (_args, ctx) => {
      const period = monthKey(ctx.now);
      return {
        extras: {
          givenThisMonth: (employee) =>
            sql<number>`(SELECT COALESCE(SUM(r.points_total), 0) FROM recognitions r WHERE r.tenant_id = ${employee.tenantId} AND r.giver_id = ${employee.id} AND r.period = ${period})`,
          givingAllowance: (employee) =>
            sql<number>`COALESCE((SELECT p.monthly_giving_allowance FROM recognition_policies p WHERE p.tenant_id = ${employee.tenantId}), ${DEFAULT_POLICY.monthlyGivingAllowance})`,
        },
      };
    },
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

interface Giving {
  giverId: string;
  recipientIds: string[];
  teamId: string | null;
  message: string;
  value: string;
  points: number;
  sourceFeedbackId: string | null;
  sourceCallId: string | null;
}

/** The recipients: named colleagues plus a team's active members, each once; all active in this tenant. */
async function resolveRecipients(tenant: TenantScope, giverId: string, globalIds: readonly string[], teamId: string | null) {
  const ids = globalIds.map((id, index) => localIdFor('Employee', id, ['input', 'recipientIds', String(index)]));
  assertNoSelfDealing('recognize', [{ kind: 'employee', employeeId: giverId }], ids, ['input', 'recipientIds']);
  const named = ids.length > 0 ? await tenant.db.query.employees.findMany({ where: { id: { in: [...new Set(ids)] }, status: 'active' } }) : [];
  const found = new Set(named.map((employee) => employee.id));
  const missingAt = ids.findIndex((id) => !found.has(id));
  if (missingAt >= 0) throw notFoundError(['input', 'recipientIds', String(missingAt)], `${missingMessage('Employee')} (or they are no longer active).`);
  const members = teamId ? await tenant.db.query.employees.findMany({ where: { teamId, status: 'active' }, limit: MAX_RECIPIENTS + 2 }) : [];
  const people = new Map([...named, ...members].filter((employee) => employee.id !== giverId).map((employee) => [employee.id, employee.name]));
  if (people.size > MAX_RECIPIENTS) throw validationError(['input', 'recipientIds'], `Recognise at most ${MAX_RECIPIENTS} people at once.`);
  return people;
}

async function receivedIn(tenant: TenantScope, ids: string[], period: string): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tenant.rows<{ employee_id: string; received: number }>(
    sql`SELECT employee_id, SUM(points) AS received FROM recognition_recipients WHERE tenant_id = ${tenant.tenantId} AND period = ${period} AND employee_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) GROUP BY employee_id`,
  );
  return new Map(rows.map((row) => [row.employee_id, row.received]));
}

/**
 * Writes a recognition, its recipients and their ledger entries in one batch. The first statement
 * inserts the recognition only while the giver's allowance and every recipient's cap hold, checked
 * by SQL at write time (so two recognitions at once cannot both squeeze through); the others insert
 * only if it exists. The JavaScript check before it exists to give a clear message.
 */
async function give(tenant: TenantScope, giving: Giving, policy: RecognitionPolicy) {
  // The scope's clock is the request's (ctx.now): the month checked is the month charged.
  const period = monthKey(tenant.now);
  const people = await resolveRecipients(tenant, giving.giverId, giving.recipientIds, giving.teamId);
  const ids = [...people.keys()];
  const check = {
    giverId: giving.giverId,
    recipientIds: ids,
    pointsEach: giving.points,
    givenThisMonth: giving.points > 0 ? await givenIn(tenant, giving.giverId, period) : 0,
    receivedThisMonth: giving.points > 0 ? await receivedIn(tenant, ids, period) : new Map<string, number>(),
    policy,
  };
  assertRecognitionAllowed(check, people);

  const id = newId('rec');
  const t = tenant.tenantId;
  const total = giving.points * ids.length;
  const now = tenant.now.getTime();
  const idList = sql.join(ids.map((employeeId) => sql`${employeeId}`), sql`, `);
  const exists = sql`EXISTS (SELECT 1 FROM recognitions WHERE tenant_id = ${t} AND id = ${id})`;
  const statements: BatchItem<'sqlite'>[] = [
    tenant.insertSelect(
      recognitions,
      {
        id, giverId: giving.giverId, teamId: giving.teamId, message: giving.message, value: giving.value,
        pointsEach: giving.points, pointsTotal: total, period, sourceFeedbackId: giving.sourceFeedbackId,
        sourceCallId: giving.sourceCallId, createdAt: now,
      },
      sql`WHERE ${total} = 0 OR (
        (SELECT COALESCE(SUM(points_total), 0) FROM recognitions WHERE tenant_id = ${t} AND giver_id = ${giving.giverId} AND period = ${period}) + ${total} <= ${policy.monthlyGivingAllowance}
        AND NOT EXISTS (
          SELECT 1 FROM recognition_recipients WHERE tenant_id = ${t} AND period = ${period} AND employee_id IN (${idList})
          GROUP BY employee_id HAVING SUM(points) + ${giving.points} > ${policy.recipientMonthlyCap}
        )
      )`,
    ),
    tenant.insertSelect(
      recognitionRecipients,
      { id: randomId('rcp'), recognitionId: id, employeeId: sql`e.id`, points: giving.points, period },
      sql`FROM employees e WHERE e.tenant_id = ${t} AND e.id IN (${idList}) AND ${exists}`,
    ),
  ];
  if (giving.points > 0) {
    statements.push(
      tenant.insertSelect(
        pointsEntries,
        {
          id: randomId('pts'), employeeId: sql`e.id`, kind: 'recognition', delta: giving.points, reason: `Recognition for ${giving.value}`,
          actor: giving.giverId, recognitionId: id, programId: null, periodKey: null, redemptionId: null, createdAt: now,
        },
        sql`FROM employees e WHERE e.tenant_id = ${t} AND e.id IN (${idList}) AND ${exists}`,
      ),
    );
  }
  const [first, ...rest] = statements;
  await tenant.batch([first!, ...rest]);
  const recognition = await tenant.db.query.recognitions.findFirst({ where: { id } });
  if (!recognition) {
    // Another recognition took the allowance or a cap between the check and the write.
    throw new UserErrors([{ code: 'LIMIT_REACHED', path: ['input', 'points'], message: 'Your giving allowance or a colleague\'s monthly cap was just used up by another recognition. Try fewer points.' }]);
  }
  return recognition;
}

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
  giveRecognition: t.field({
    type: RecognitionPayload,
    description: "Recognises colleagues or a team, as the employee of the token. Points come from your monthly giving allowance.",
    args: { input: t.arg({ type: GiveRecognitionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'recognition:give', async () => {
        const tenant = tenantFor(ctx, 'recognition:give');
        const giverId = actingEmployeeId(ctx);
        const policy = await loadPolicy(tenant);
        const values = parseInput(givingSchema(policy), { message: input.message, value: input.value, points: input.points ?? 0 });
        const teamId = input.teamId ? localIdFor('Team', input.teamId, ['input', 'teamId']) : null;
        if (teamId) await findTeam(tenant, teamId, ['input', 'teamId']);
        const recognition = await give(
          tenant,
          { giverId, recipientIds: input.recipientIds ?? [], teamId, ...values, sourceFeedbackId: null, sourceCallId: null },
          policy,
        );
        return { recognition };
      }, { recognition: null }),
  }),
  recognizeCustomerPraise: t.field({
    type: RecognitionPayload,
    description: 'Turns customer praise (a praise Feedback record, e.g. from a survey call) into recognition of the employee or team it names, linked to its source.',
    args: { input: t.arg({ type: RecognizeCustomerPraiseInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, 'recognition:give', async () => {
        const tenant = tenantFor(ctx, 'recognition:give');
        const giverId = actingEmployeeId(ctx);
        const policy = await loadPolicy(tenant);
        const feedbackId = localIdFor('Feedback', input.feedbackId, ['input', 'feedbackId']);
        const [praise] = await tenant.rows<{ id: string; kind: string; body: string; employee_id: string | null; team_id: string | null; call_id: string | null }>(
          sql`SELECT id, kind, body, employee_id, team_id, call_id FROM feedback WHERE ${tenant.filter(feedback, eq(feedback.id, feedbackId))}`,
        );
        if (!praise) throw notFoundError(['input', 'feedbackId'], missingMessage('Feedback'));
        if (praise.kind !== 'praise') throw validationError(['input', 'feedbackId'], 'Only praise can be turned into recognition; this feedback is a ' + praise.kind + '.');
        if (!praise.employee_id && !praise.team_id) throw validationError(['input', 'feedbackId'], 'This praise names no employee or team to recognise.');
        const values = parseInput(givingSchema(policy), {
          message: input.message ?? `A customer said: “${praise.body.slice(0, 900)}”`,
          value: input.value,
          points: input.points ?? 0,
        });
        const recognition = await give(
          tenant,
          {
            giverId,
            recipientIds: praise.employee_id ? [encodeId('Employee', praise.employee_id)] : [],
            teamId: praise.employee_id ? null : praise.team_id,
            ...values,
            sourceFeedbackId: praise.id,
            sourceCallId: praise.call_id,
          },
          policy,
        );
        return { recognition };
      }, { recognition: null }),
  }),
}));


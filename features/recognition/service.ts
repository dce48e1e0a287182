/**
 * The recognition feature's entry point (other features, jobs and the schema import only this file).
 *
 * Peer recognition and the tenant's recognition policy, GraphQL-free: reading and changing the
 * policy (the empowerment budgets read their overspend policy here too), the giving allowance as
 * SQL over an employee row, the feed's filters, and giving recognition, from a colleague or from
 * customer praise. Every read and write goes through TenantScope; failures a person can fix are
 * UserErrors. Ids are local ids: the caller decodes global ids.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId, randomId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { feedback } from '../voice/service.ts';
import { missingMessage, notFoundError, UserErrors, validationError } from '../../domain/errors.ts';
import { monthKey } from '../../domain/periods.ts';
import { ledgerEntriesFrom } from '../points/service.ts';
import { assertRecognitionAllowed, DEFAULT_POLICY, MAX_RECIPIENTS, type RecognitionPolicy } from './rules.ts';
import { recognitionPolicies, recognitionRecipients, recognitions } from './tables.ts';

export type RecognitionRow = typeof recognitions.$inferSelect;
export type { RecognitionPolicy } from './rules.ts';

// ---- policy ------------------------------------------------------------------------------------

/** The tenant's policy, or the defaults when it never set one. One statement. */
export async function loadPolicy(tenant: TenantScope): Promise<RecognitionPolicy> {
  const row = await tenant.db.query.recognitionPolicies.findFirst();
  if (!row) return DEFAULT_POLICY;
  return {
    monthlyGivingAllowance: row.monthlyGivingAllowance,
    recipientMonthlyCap: row.recipientMonthlyCap,
    companyValues: row.companyValues,
    overspendPolicy: row.overspendPolicy,
  };
}

/** Applies `changes` (already validated) over the current policy and stores it; company values once each. */
export async function updatePolicy(tenant: TenantScope, changes: Partial<RecognitionPolicy>, now: Date): Promise<RecognitionPolicy> {
  const policy: RecognitionPolicy = { ...(await loadPolicy(tenant)), ...changes };
  const { companyValues, ...rest } = policy;
  const values = [...new Set(companyValues)];
  await tenant
    .insert(recognitionPolicies, { id: `pol_${tenant.tenantId.replace(/[^a-z0-9_]/g, '')}`, ...rest, companyValues: values })
    .onConflictDoUpdate({ target: recognitionPolicies.tenantId, set: { ...rest, companyValues: values, updatedAt: now } });
  return { ...policy, companyValues: values };
}

// ---- the giving allowance ----------------------------------------------------------------------

/**
 * Points a giver gave in `period`, as a scalar subquery. The one spelling of the allowance sum: the
 * allowance check, the write guard and the Employee.givingAllowance field all use it.
 */
const givenInSql = (tenantId: unknown, giverId: unknown, period: string) =>
  sql<number>`(SELECT COALESCE(SUM(r.points_total), 0) FROM recognitions r WHERE r.tenant_id = ${tenantId} AND r.giver_id = ${giverId} AND r.period = ${period})`;

/** SQL extras over an employee row (so a list of employees stays one statement): given this month and the allowance. */
export function givingAllowanceExtras(period: string) {
  return {
    givenThisMonth: (employee: { id: unknown; tenantId: unknown }) => givenInSql(employee.tenantId, employee.id, period),
    givingAllowance: (employee: { tenantId: unknown }) =>
      sql<number>`COALESCE((SELECT p.monthly_giving_allowance FROM recognition_policies p WHERE p.tenant_id = ${employee.tenantId}), ${DEFAULT_POLICY.monthlyGivingAllowance})`,
  };
}

/** Points `giverId` gave in `period`. */
async function givenIn(tenant: TenantScope, giverId: string, period: string): Promise<number> {
  const [row] = await tenant.rows<{ given: number }>(sql`SELECT ${givenInSql(tenant.tenantId, giverId, period)} AS given`);
  return row?.given ?? 0;
}

/** Points each of `ids` received in `period` (absent = none). */
async function receivedIn(tenant: TenantScope, ids: string[], period: string): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tenant.rows<{ employee_id: string; received: number }>(
    sql`SELECT employee_id, SUM(points) AS received FROM recognition_recipients WHERE tenant_id = ${tenant.tenantId} AND period = ${period} AND employee_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) GROUP BY employee_id`,
  );
  return new Map(rows.map((row) => [row.employee_id, row.received]));
}

// ---- the feed's filters ------------------------------------------------------------------------

/** Recognition `employeeId` gave or received; null (an id of another type) matches nothing. */
export function involvingEmployee(table: typeof recognitions, employeeId: string | null): SQL {
  if (employeeId === null) return sql`0 = 1`;
  return sql`(${table.giverId} = ${employeeId} OR EXISTS (SELECT 1 FROM recognition_recipients rr WHERE rr.tenant_id = ${table.tenantId} AND rr.recognition_id = ${table.id} AND rr.employee_id = ${employeeId}))`;
}

/** Recognition naming the company value `value`, matched case-insensitively. */
export const namingValue = (table: typeof recognitions, value: string): SQL => sql`lower(${table.value}) = lower(${value})`;

// ---- giving ------------------------------------------------------------------------------------

export interface Giving {
  giverId: string;
  /** Named colleagues (local ids); `recipientPath` locates them in the input for errors. */
  recipientIds: string[];
  teamId: string | null;
  message: string;
  value: string;
  points: number;
  sourceFeedbackId: string | null;
  sourceCallId: string | null;
}

const recipientPath = ['input', 'recipientIds'];

/**
 * The recipients: named colleagues plus a team's active members other than the giver, each once;
 * all active in this tenant. A giver who names themselves stays in the list, so the rules
 * (recognitionProblems) refuse it: the self-recognition check lives there only.
 */
async function resolveRecipients(tenant: TenantScope, giverId: string, ids: readonly string[], teamId: string | null): Promise<Map<string, string>> {
  const named = ids.length > 0 ? await tenant.db.query.employees.findMany({ where: { id: { in: [...new Set(ids)] }, status: 'active' } }) : [];
  const found = new Set(named.map((employee) => employee.id));
  const missingAt = ids.findIndex((id) => !found.has(id));
  if (missingAt >= 0) throw notFoundError([...recipientPath, String(missingAt)], `${missingMessage('Employee')} (or they are no longer active).`);
  const members = teamId ? await tenant.db.query.employees.findMany({ where: { teamId, status: 'active' }, limit: MAX_RECIPIENTS + 2 }) : [];
  const people = new Map([...named, ...members.filter((employee) => employee.id !== giverId)].map((employee) => [employee.id, employee.name]));
  if (people.size > MAX_RECIPIENTS) throw validationError(recipientPath, `Recognise at most ${MAX_RECIPIENTS} people at once.`);
  return people;
}

/**
 * Writes a recognition, its recipients and their ledger entries in one batch. The first statement
 * inserts the recognition only while the giver's allowance and every recipient's cap hold, checked
 * by SQL at write time (so two recognitions at once cannot both squeeze through); the others insert
 * only if it exists. The check before it (the rules) exists to give a clear message.
 */
export async function give(tenant: TenantScope, giving: Giving, policy: RecognitionPolicy, now: Date): Promise<RecognitionRow> {
  // The month checked is the month charged.
  const period = monthKey(now);
  const people = await resolveRecipients(tenant, giving.giverId, giving.recipientIds, giving.teamId);
  const ids = [...people.keys()];
  assertRecognitionAllowed(
    {
      giverId: giving.giverId,
      recipientIds: ids,
      pointsEach: giving.points,
      givenThisMonth: giving.points > 0 ? await givenIn(tenant, giving.giverId, period) : 0,
      receivedThisMonth: giving.points > 0 ? await receivedIn(tenant, ids, period) : new Map<string, number>(),
      policy,
    },
    people,
  );

  const id = newId('rec');
  const t = tenant.tenantId;
  const total = giving.points * ids.length;
  const at = now.getTime();
  const idList = sql.join(ids.map((employeeId) => sql`${employeeId}`), sql`, `);
  const exists = sql`EXISTS (SELECT 1 FROM recognitions WHERE tenant_id = ${t} AND id = ${id})`;
  const recipients = sql`FROM employees e WHERE e.tenant_id = ${t} AND e.id IN (${idList}) AND ${exists}`;
  const statements: BatchItem<'sqlite'>[] = [
    tenant.insertSelect(
      recognitions,
      {
        id, giverId: giving.giverId, teamId: giving.teamId, message: giving.message, value: giving.value,
        pointsEach: giving.points, pointsTotal: total, period, sourceFeedbackId: giving.sourceFeedbackId,
        sourceCallId: giving.sourceCallId, createdAt: at,
      },
      sql`WHERE ${total} = 0 OR (
        ${givenInSql(t, giving.giverId, period)} + ${total} <= ${policy.monthlyGivingAllowance}
        AND NOT EXISTS (
          SELECT 1 FROM recognition_recipients WHERE tenant_id = ${t} AND period = ${period} AND employee_id IN (${idList})
          GROUP BY employee_id HAVING SUM(points) + ${giving.points} > ${policy.recipientMonthlyCap}
        )
      )`,
    ),
    tenant.insertSelect(recognitionRecipients, { id: randomId('rcp'), recognitionId: id, employeeId: sql`e.id`, points: giving.points, period }, recipients),
  ];
  if (giving.points > 0) {
    statements.push(
      ledgerEntriesFrom(
        tenant,
        {
          employeeId: sql`e.id`, kind: 'recognition', delta: giving.points, reason: `Recognition for ${giving.value}`,
          actor: giving.giverId, recognitionId: id, programId: null, periodKey: null, redemptionId: null,
        },
        recipients,
        now,
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

/** Customer praise that recognition can be made from. */
export interface Praise {
  id: string;
  body: string;
  employeeId: string | null;
  teamId: string | null;
  callId: string | null;
}

/** The praise feedback record `feedbackId`; NOT_FOUND or VALIDATION (at `path`) when it cannot be recognised. */
export async function findPraise(tenant: TenantScope, feedbackId: string, path: string[]): Promise<Praise> {
  const [found] = await tenant
    .select({ id: feedback.id, kind: feedback.kind, body: feedback.body, employeeId: feedback.employeeId, teamId: feedback.teamId, callId: feedback.callId })
    .from(feedback, eq(feedback.id, feedbackId));
  if (!found) throw notFoundError(path, missingMessage('Feedback'));
  if (found.kind !== 'praise') throw validationError(path, 'Only praise can be turned into recognition; this feedback is a ' + found.kind + '.');
  if (!found.employeeId && !found.teamId) throw validationError(path, 'This praise names no employee or team to recognise.');
  const { kind: _kind, ...praise } = found;
  return praise;
}

/**
 * The complaints feature's entry point (the schema and other features import only this file).
 *
 * A complaint is a feedback row of kind complaint (features/voice). This service keeps what
 * happens to it after it is heard: who owns it (take, assign), what the owner did (actions, with
 * the budget spend that answered it), its resolution, the audit of every look at the customer's
 * name and contact, and the times to first action and to resolution, per complaint and aggregated
 * per team and tenant. Every write that must stand or fall together is one guarded D1 batch.
 */
import { type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import { newId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { conflictError, notFoundError, validationError } from '../../domain/errors.ts';
import { findSpend } from '../budgets/service.ts';
import { feedback } from '../voice/service.ts';
import type { ComplaintFacts } from './rules.ts';
import { complaintCustomerReveals, complaintEvents, type ComplaintEventKind, type RevealBasis } from './tables.ts';

export type ComplaintEventRow = typeof complaintEvents.$inferSelect;
export type FeedbackRow = typeof feedback.$inferSelect;
type Path = string[];

const MISSING = 'No Feedback with this id exists in your organisation.';

/** A feedback row with what the ownership rules need, or NOT_FOUND at `path` (also for other tenants' ids). */
export async function findComplaint(tenant: TenantScope, id: string, path: Path): Promise<FeedbackRow & ComplaintFacts> {
  const row = await tenant.db.query.feedback.findFirst({ where: { id } });
  if (!row) throw notFoundError(path, MISSING);
  return row;
}

async function reload(tenant: TenantScope, id: string): Promise<FeedbackRow> {
  const row = await tenant.db.query.feedback.findFirst({ where: { id } });
  if (!row) throw notFoundError(['input', 'id'], MISSING);
  return row;
}

/** The guard every write repeats: the complaint is still open and owned by whom the caller read. */
const stillAsRead = (id: string, ownerId: string | null) =>
  sql`${feedback.id} = ${id} AND ${feedback.kind} = 'complaint' AND ${feedback.status} = 'open' AND ${feedback.ownerId} IS ${ownerId}`;

/** An event row, written only while the complaint is as read (INSERT ... SELECT over the feedback row). */
function eventWhileAsRead(
  tenant: TenantScope,
  complaint: { id: string; ownerId: string | null },
  event: { id?: string; kind: ComplaintEventKind; actorId: string; ownerId?: string | null; note?: string | null; spendId?: string | null },
  now: Date,
) {
  return tenant.insertSelect(
    complaintEvents,
    {
      id: event.id ?? newId('cev'), feedbackId: complaint.id, kind: event.kind, actorId: event.actorId,
      ownerId: event.ownerId ?? null, previousOwnerId: event.kind === 'taken' || event.kind === 'assigned' ? complaint.ownerId : null,
      note: event.note ?? null, spendId: event.spendId ?? null, createdAt: now.getTime(),
    },
    sql`FROM feedback f WHERE f.tenant_id = ${tenant.tenantId} AND f.id = ${complaint.id} AND f.kind = 'complaint' AND f.status = 'open' AND f.owner_id IS ${complaint.ownerId}`,
  );
}

const CHANGED_MEANWHILE = 'This complaint changed while you were working on it (someone took, assigned or resolved it); reload it and try again.';

/**
 * Hands the complaint (as read) to `newOwnerId`, recording who did it and who owned it before.
 * The event's owner_id has a same-tenant foreign key, so the batch fails for an owner who is not
 * an employee of this tenant.
 */
export async function changeOwner(
  tenant: TenantScope,
  complaint: { id: string; ownerId: string | null },
  newOwnerId: string,
  how: 'taken' | 'assigned',
  actorId: string,
  now: Date,
): Promise<FeedbackRow> {
  const [, changed] = (await tenant.batch([
    eventWhileAsRead(tenant, complaint, { kind: how, actorId, ownerId: newOwnerId }, now),
    tenant.updateWhere(feedback, { ownerId: newOwnerId }, stillAsRead(complaint.id, complaint.ownerId)),
  ])) as [unknown, D1Result];
  if (!changed.meta.changes) throw conflictError(['input', 'complaintId'], CHANGED_MEANWHILE);
  return reload(tenant, complaint.id);
}

/**
 * Refuses a spend that is not the owner's own, or does not answer this complaint: an action links
 * the make-it-right money its owner spent on this customer, nobody else's.
 */
export async function assertSpendFits(tenant: TenantScope, spendId: string, complaintId: string, ownerId: string, path: Path): Promise<void> {
  const spend = await findSpend(tenant, spendId);
  if (!spend) throw notFoundError(path, 'No BudgetSpend with this id exists in your organisation.');
  if (spend.employeeId !== ownerId) throw validationError(path, 'This spend is not yours: link a spend you made from your own budget.');
  if (spend.feedbackId !== complaintId) throw validationError(path, 'This spend answers another complaint (or none): spend with feedbackId set to this complaint, then link it.');
}

/**
 * Records what the owner did, and stamps the complaint's first action (kept if there was one).
 * Both only while the caller still owns the open complaint.
 */
export async function recordAction(
  tenant: TenantScope,
  complaint: { id: string; ownerId: string | null },
  note: string,
  spendId: string | null,
  actorId: string,
  now: Date,
): Promise<{ event: ComplaintEventRow; complaint: FeedbackRow }> {
  const id = newId('cev');
  const [, changed] = (await tenant.batch([
    eventWhileAsRead(tenant, complaint, { id, kind: 'action', actorId, note, spendId }, now),
    tenant.updateWhere(feedback, { firstActionAt: sql`COALESCE(${feedback.firstActionAt}, ${now.getTime()})` }, stillAsRead(complaint.id, complaint.ownerId)),
  ])) as [unknown, D1Result];
  if (!changed.meta.changes) throw conflictError(['input', 'complaintId'], CHANGED_MEANWHILE);
  const [row, latest] = await Promise.all([
    reload(tenant, complaint.id),
    tenant.db.query.complaintEvents.findFirst({ where: { id } }),
  ]);
  if (!latest) throw conflictError(['input', 'complaintId'], CHANGED_MEANWHILE);
  return { event: latest, complaint: row };
}

/**
 * Resolves an open complaint with a note: the feedback row (status, note, who, when; its first
 * action if nothing came before) and a `resolved` event, in one batch guarded on the status read.
 */
export async function resolveComplaint(tenant: TenantScope, complaint: FeedbackRow, note: string, actorId: string, now: Date): Promise<FeedbackRow> {
  if (complaint.status === 'resolved') {
    throw conflictError(['input', 'id'], `This feedback was already resolved on ${complaint.resolvedAt?.toISOString().slice(0, 10)}.`);
  }
  const [, changed] = (await tenant.batch([
    eventWhileAsRead(tenant, complaint, { kind: 'resolved', actorId, note }, now),
    tenant.updateWhere(
      feedback,
      { status: 'resolved', resolutionNote: note, resolvedAt: now, resolvedBy: actorId, firstActionAt: sql`COALESCE(${feedback.firstActionAt}, ${now.getTime()})` },
      stillAsRead(complaint.id, complaint.ownerId),
    ),
  ])) as [unknown, D1Result];
  if (!changed.meta.changes) throw conflictError(['input', 'id'], 'This complaint was resolved or changed hands a moment ago; reload it and try again.');
  return reload(tenant, complaint.id);
}

// ---- the customer, on a need-to-know basis ---------------------------------------------------

export interface ComplaintCustomer {
  name: string | null;
  contact: string | null;
  /** Where the details come from: the complaint record itself, or the survey call it was said on. */
  from: 'record' | 'survey_call' | 'none';
}

/**
 * The complaint's customer, after writing the audit row (who, when, which complaint, on what
 * basis). The caller has decided the basis (rules.ts revealBasis); the row is written first, so
 * nothing is shown that is not audited.
 */
export async function revealCustomer(tenant: TenantScope, complaintId: string, revealedBy: string, basis: RevealBasis, now: Date): Promise<ComplaintCustomer> {
  await tenant.insert(complaintCustomerReveals, { id: newId('crv'), feedbackId: complaintId, revealedBy, basis, createdAt: now });
  const [row] = await tenant.rows<{ name: string | null; contact: string | null; call_name: string | null; call_contact: string | null }>(sql`
    SELECT f.customer_name AS name, f.customer_contact AS contact, c.customer_name AS call_name, c.customer_contact AS call_contact
    FROM feedback f LEFT JOIN survey_calls c ON c.tenant_id = f.tenant_id AND c.id = f.call_id
    WHERE f.tenant_id = ${tenant.tenantId} AND f.id = ${complaintId}`);
  if (row?.name || row?.contact) return { name: row.name, contact: row.contact, from: 'record' };
  if (row?.call_name || row?.call_contact) return { name: row.call_name, contact: row.call_contact, from: 'survey_call' };
  return { name: null, contact: null, from: 'none' };
}

// ---- times ---------------------------------------------------------------------------------

export interface DurationStats {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
}

export interface TimesRow {
  teamId: string | null;
  complaints: number;
  open: number;
  firstAction: DurationStats;
  resolution: DurationStats;
}

interface RawTimes {
  grp: string | null;
  complaints: number;
  open: number;
  first_n: number;
  first_median: number | null;
  first_p90: number | null;
  first_mean: number | null;
  res_n: number;
  res_median: number | null;
  res_p90: number | null;
  res_mean: number | null;
}

/**
 * Times to first action and to resolution of the complaints received in [from, to), grouped by
 * `group` (the tenant as one group, or per team), as ONE statement: window functions rank each
 * group's durations and the nearest-rank median and p90 are picked by rank (rules.ts nearestRank
 * is the same definition). A complaint counts in "first action" once its owner acted or it was
 * resolved, and in "resolution" once resolved; open ones count only in `complaints`/`open`.
 */
async function timesQuery(tenant: TenantScope, range: { from: Date; to: Date }, group: 'tenant' | 'team', teamId: string | null): Promise<RawTimes[]> {
  const t = tenant.tenantId;
  const grp: SQL = group === 'team' ? sql`f.team_id` : sql`''`;
  const onlyTeam: SQL = teamId ? sql`AND f.team_id = ${teamId}` : group === 'team' ? sql`AND f.team_id IS NOT NULL` : sql``;
  const stats = (name: string, source: string) => sql.raw(`
      (SELECT count(*) FROM ${source} x WHERE x.grp IS g.grp) AS ${name}_n,
      (SELECT x.ms FROM ${source} x WHERE x.grp IS g.grp AND x.rn = (x.n * 50 + 99) / 100) AS ${name}_median,
      (SELECT x.ms FROM ${source} x WHERE x.grp IS g.grp AND x.rn = (x.n * 90 + 99) / 100) AS ${name}_p90,
      (SELECT AVG(x.ms) FROM ${source} x WHERE x.grp IS g.grp) AS ${name}_mean`);
  return tenant.rows<RawTimes>(sql`
    WITH c AS (
      SELECT ${grp} AS grp, f.status AS status,
        COALESCE(f.first_action_at, f.resolved_at) - f.received_at AS first_ms,
        CASE WHEN f.status = 'resolved' THEN f.resolved_at - f.received_at END AS res_ms
      FROM feedback f
      WHERE f.tenant_id = ${t} AND f.kind = 'complaint' AND f.received_at >= ${range.from.getTime()} AND f.received_at < ${range.to.getTime()} ${onlyTeam}
    ),
    fa AS (SELECT grp, first_ms AS ms, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY first_ms) AS rn, COUNT(*) OVER (PARTITION BY grp) AS n FROM c WHERE first_ms IS NOT NULL),
    rs AS (SELECT grp, res_ms AS ms, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY res_ms) AS rn, COUNT(*) OVER (PARTITION BY grp) AS n FROM c WHERE res_ms IS NOT NULL)
    SELECT g.grp AS grp, g.complaints AS complaints, g.open AS open, ${stats('first', 'fa')}, ${stats('res', 'rs')}
    FROM (SELECT grp, count(*) AS complaints, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS open FROM c GROUP BY grp) g
    ORDER BY ${group === 'team' ? sql`(SELECT tm.name FROM teams tm WHERE tm.tenant_id = ${t} AND tm.id = g.grp), g.grp` : sql`g.grp`}`);
}

const num = (value: number | null) => (value === null ? null : Number(value));

function toTimes(row: RawTimes | undefined, teamId: string | null): TimesRow {
  return {
    teamId,
    complaints: Number(row?.complaints ?? 0),
    open: Number(row?.open ?? 0),
    firstAction: { count: Number(row?.first_n ?? 0), medianMs: num(row?.first_median ?? null), p90Ms: num(row?.first_p90 ?? null), meanMs: num(row?.first_mean ?? null) },
    resolution: { count: Number(row?.res_n ?? 0), medianMs: num(row?.res_median ?? null), p90Ms: num(row?.res_p90 ?? null), meanMs: num(row?.res_mean ?? null) },
  };
}

/** The tenant's (or one team's) complaint times in the range: one statement. */
export async function complaintTimesFor(tenant: TenantScope, range: { from: Date; to: Date }, teamId: string | null): Promise<TimesRow> {
  const [row] = await timesQuery(tenant, range, 'tenant', teamId);
  return toTimes(row, teamId);
}

/** Complaint times per team (teams with complaints in the range), by team name, one statement. */
export async function complaintTimesByTeam(tenant: TenantScope, range: { from: Date; to: Date }): Promise<TimesRow[]> {
  const rows = await timesQuery(tenant, range, 'team', null);
  return rows.map((row) => toTimes(row, row.grp));
}

/** The columns of a feedback row that say where its customer is on record. */
export interface CustomerColumns {
  tenantId: SQLWrapper;
  callId: SQLWrapper;
  customerName: SQLWrapper;
  customerContact: SQLWrapper;
}

/**
 * 1 when a customer name or contact is on record for the complaint (on the record itself, or on
 * the survey call it came from), else 0: one correlated subquery in the row's own SELECT, so a
 * page of complaints says it without a query per row. Says only whether, never what.
 */
export function customerOnRecordSql(row: CustomerColumns): SQL<number> {
  return sql<number>`(CASE WHEN ${row.customerName} IS NOT NULL OR ${row.customerContact} IS NOT NULL OR EXISTS (
    SELECT 1 FROM survey_calls c WHERE c.tenant_id = ${row.tenantId} AND c.id = ${row.callId} AND (c.customer_name IS NOT NULL OR c.customer_contact IS NOT NULL)) THEN 1 ELSE 0 END)`;
}

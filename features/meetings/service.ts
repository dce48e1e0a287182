/**
 * Meetings' reads and writes through TenantScope, GraphQL-free: used by schema/meetings.ts (and by
 * any job that needs an agenda).
 */
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { newId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { toggleVote } from '../../db/vote-toggle.ts';
import { missingMessage, notFoundError, validationError } from '../../domain/errors.ts';
import type { Window as Period } from '../../domain/periods.ts';
import { finishTrends, type TrendRow } from '../suggestions/service.ts';
import { agendaItems, agendaVotes, meetings } from './tables.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;

/** The not-found message every Relay id of the API uses (schema/global-ids.ts says the same). */
/** What the meeting list may be narrowed to. Ids are local; `team.id` null matches nothing. */
export interface MeetingFilter {
  team?: { id: string | null };
  /** true: not yet held at `now`; false: already held. */
  upcoming?: boolean | null;
}

/** The meeting filter as one SQL condition over `table` (drizzle's alias inside relational queries). */
export function meetingWhere(table: typeof meetings, filter: MeetingFilter, now: Date): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.team) conditions.push(filter.team.id === null ? sql`0 = 1` : eq(table.teamId, filter.team.id));
  if (filter.upcoming === true) conditions.push(gte(table.scheduledAt, now));
  if (filter.upcoming === false) conditions.push(lt(table.scheduledAt, now));
  return and(...conditions);
}

const heldAlready = (path: string[]) => validationError(path, 'This meeting has already taken place; its agenda is closed.');

/** Schedules a meeting of one of the tenant's teams, only in the future. */
export async function scheduleMeeting(
  tenant: TenantScope,
  values: { teamId: string; title: string; scheduledAt: Date },
  now: Date,
): Promise<MeetingRow | null> {
  if (values.scheduledAt <= now) throw validationError(['input', 'scheduledAt'], 'Schedule meetings in the future.');
  const team = await tenant.db.query.teams.findFirst({ where: { id: values.teamId }, columns: { id: true } });
  if (!team) throw notFoundError(['input', 'teamId'], missingMessage('Team'));
  const [meeting] = await tenant.insert(meetings, { id: newId('meet'), ...values }).returning();
  return meeting ?? null;
}

/** One meeting of the tenant, or a NOT_FOUND error at `path`. */
export async function findMeeting(tenant: TenantScope, id: string, path: string[]): Promise<MeetingRow> {
  const meeting = await tenant.db.query.meetings.findFirst({ where: { id } });
  if (!meeting) throw notFoundError(path, missingMessage('Meeting'));
  return meeting;
}

/** Refuses agenda changes for a meeting that has taken place. */
export function assertAgendaOpen(meeting: Pick<MeetingRow, 'scheduledAt'>, now: Date, path: string[]): void {
  if (meeting.scheduledAt <= now) throw heldAlready(path);
}

/** Adds an employee's item (by name) to an upcoming meeting's agenda. */
export async function proposeAgendaItem(
  tenant: TenantScope,
  meeting: MeetingRow,
  item: { proposerId: string; title: string; details: string | null; suggestionId: string | null },
): Promise<AgendaItemRow | null> {
  const [agendaItem] = await tenant.insert(agendaItems, { id: newId('agi'), meetingId: meeting.id, ...item }).returning();
  return agendaItem ?? null;
}

/** Adds (vote = true) or retracts an employee's vote on an item of an upcoming meeting, and recounts. */
export async function changeAgendaVote(
  tenant: TenantScope,
  itemId: string,
  employeeId: string,
  vote: boolean,
  now: Date,
  path: string[],
): Promise<AgendaItemRow | null> {
  const item = await tenant.db.query.agendaItems.findFirst({ where: { id: itemId }, with: { meeting: { columns: { scheduledAt: true } } } });
  if (!item) throw notFoundError(path, missingMessage('AgendaItem'));
  assertAgendaOpen(item.meeting, now, path);
  const updated = await toggleVote(tenant, {
    votes: agendaVotes,
    votesFor: agendaVotes.itemId,
    things: agendaItems,
    thingId: itemId,
    employeeId,
    add: vote,
    vote: { id: newId('avote'), itemId, employeeId },
    touchesThing: true, // agenda items have no updated_at
  });
  return updated ?? null;
}

/** One team's complaint trends to load: its window and how many themes to rank. */
export interface ComplaintTrendRequest {
  teamId: string;
  period: Period;
  max: number;
}

/**
 * Teams' top complaint themes from customer feedback (features/voice/tables.ts) in their periods, with the
 * previous periods' counts, for many requests (e.g. every meeting of a page) in ONE statement: the
 * requests travel as one JSON parameter (json_each), clear of D1's 100-parameter limit, and one
 * GROUP BY over feedback_themes joined to feedback counts each request's themes. Per request, the
 * `max * 3` themes with the most complaints in the period are ranked, as for a single team.
 * Returns the trends in the order of `requests`.
 */
export async function teamComplaintTrends(tenant: TenantScope, requests: readonly ComplaintTrendRequest[]): Promise<TrendRow[][]> {
  if (requests.length === 0) return [];
  const t = tenant.tenantId;
  const wanted = JSON.stringify(
    requests.map((request) => ({
      team: request.teamId,
      start: request.period.start.getTime(),
      end: request.period.end.getTime(),
      previousStart: request.period.previousStart.getTime(),
      rows: request.max * 3,
    })),
  );
  // feedback_themes' tenant_id is stated too, so its (tenant_id, kind, received_at) index leads the plan.
  const rows = await tenant.rows<{ request: number; theme: string; label: string; count: number; previous_count: number }>(sql`
    WITH wanted AS (
      SELECT key AS request, json_extract(value, '$.team') AS team_id, json_extract(value, '$.start') AS start_at,
             json_extract(value, '$.end') AS end_at, json_extract(value, '$.previousStart') AS previous_start,
             json_extract(value, '$.rows') AS max_rows
      FROM json_each(${wanted})
    ),
    counts AS (
      SELECT w.request, w.max_rows, ft.theme, min(ft.label) AS label,
             coalesce(sum(CASE WHEN ft.received_at >= w.start_at THEN 1 ELSE 0 END), 0) AS count,
             coalesce(sum(CASE WHEN ft.received_at < w.start_at THEN 1 ELSE 0 END), 0) AS previous_count
      FROM wanted w
      JOIN feedback_themes ft ON ft.tenant_id = ${t} AND ft.kind = 'complaint'
        AND ft.received_at >= w.previous_start AND ft.received_at < w.end_at
      JOIN feedback f ON f.tenant_id = ft.tenant_id AND f.id = ft.feedback_id
      WHERE f.tenant_id = ${t} AND f.team_id = w.team_id
      GROUP BY w.request, ft.theme
    )
    SELECT request, theme, label, count, previous_count FROM (
      SELECT counts.*, row_number() OVER (PARTITION BY request ORDER BY count DESC, theme) AS rank FROM counts
    )
    WHERE rank <= max_rows`);
  const perRequest = requests.map((): { key: string; label: string; count: number; previousCount: number }[] => []);
  for (const row of rows) {
    perRequest[Number(row.request)]?.push({ key: row.theme, label: row.label, count: row.count, previousCount: row.previous_count });
  }
  return perRequest.map((themes, index) => finishTrends(themes, requests[index]!.max));
}

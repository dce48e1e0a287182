/**
 * Team meetings whose agenda employees shape: they propose items and vote on them before the
 * meeting. The agenda lists items by votes, proposes the team's top open suggestions, and shows
 * the complaint trends of the four weeks before the meeting.
 */
import type { SQL } from 'drizzle-orm';
import { agendaVotes, meetings } from '../features/meetings/tables.ts';
import { parseInput } from '../domain/errors.ts';
import { trailingWindow } from '../domain/periods.ts';
import { agendaItemSchema, meetingSchema } from '../features/meetings/rules.ts';
import { OPEN_STATUSES } from '../features/suggestions/rules.ts';
import type { EmployeeContext, TenantContext } from './auth-scopes.ts';
import { builder } from './builder.ts';
import { filteredConnection } from './connections.ts';
import { requestLoader } from './request-loaders.ts';
import { TrendEntry } from './friction-trends.ts';
import { localIdFor, tryDecodeId } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { findSuggestion } from './suggestion-mutations.ts';
import { viewerRowCount } from './auth-scopes.ts';
import { assertAgendaOpen, changeAgendaVote, findMeeting, meetingWhere, proposeAgendaItem, scheduleMeeting, teamComplaintTrends } from '../features/meetings/service.ts';
import type { TrendRow } from '../features/suggestions/service.ts';

/** The complaint trends shown on an agenda cover this many days before the meeting (and the same before). */
export const AGENDA_TREND_DAYS = 28;

interface MeetingTrendsKey {
  teamId: string;
  scheduledAt: Date;
  max: number;
}

/**
 * Complaint trends are batched per request: every meeting of a page (and every `first`) is loaded
 * in one statement (teamComplaintTrends), not one per meeting.
 */
function complaintTrendsOf(ctx: TenantContext, key: MeetingTrendsKey): Promise<TrendRow[]> {
  const tenant = ctx.tenant;
  return requestLoader<MeetingTrendsKey, TrendRow[], string>(
    ctx,
    'meeting-complaint-trends',
    (keys) =>
      teamComplaintTrends(
        tenant,
        keys.map(({ teamId, scheduledAt, max }) => ({ teamId, period: trailingWindow(scheduledAt, AGENDA_TREND_DAYS), max })),
      ),
    { cacheKeyFn: ({ teamId, scheduledAt, max }) => `${teamId}|${scheduledAt.getTime()}|${max}` },
  ).load(key);
}

export const AgendaItem = builder.drizzleNode('agendaItems', {
  name: 'AgendaItem',
  id: { column: (item) => item.id },
  fields: (t) => ({
    title: t.exposeString('title'),
    details: t.exposeString('details', { nullable: true }),
    voteCount: t.exposeInt('voteCount'),
    proposer: t.relation('proposer', { description: 'Agenda items are proposed openly, by name.' }),
    suggestion: t.relation('suggestion', { nullable: true }),
    meeting: t.relation('meeting'),
    viewerHasVoted: t.relatedField('votes', {
      type: 'Boolean',
      select: (buildFilter, _args, ctx) => ({
        extras: { viewerVotes: (parent) => viewerRowCount(ctx, agendaVotes, buildFilter(parent)) },
      }),
      resolve: (item) => item.viewerVotes > 0,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const Meeting = builder.drizzleNode('meetings', {
  name: 'Meeting',
  id: { column: (meeting) => meeting.id },
  fields: (t) => ({
    title: t.exposeString('title'),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime' }),
    team: t.relation('team'),
    agendaItems: t.relatedConnection('agendaItems', {
      description: 'The agenda: items employees proposed, most voted first.',
      totalCount: true,
      query: { orderBy: { voteCount: 'desc', createdAt: 'asc', id: 'asc' } },
    }),
    proposedSuggestions: t.relation('teamSuggestions', {
      description: "The team's top open suggestions (by votes) proposed for discussion.",
      args: { first: t.arg.int({ defaultValue: 5, description: 'At most 20.' }) },
      query: (args) => ({
        where: { status: { in: [...OPEN_STATUSES] } },
        orderBy: { voteCount: 'desc', createdAt: 'desc' },
        limit: Math.min(Math.max(args.first ?? 5, 1), 20),
      }),
    }),
    complaintTrends: t.authField({
      authScopes: { permission: 'read', tenant: true },
      type: [TrendEntry],
      description: `The team's top complaint themes from customer feedback in the ${AGENDA_TREND_DAYS} days before the meeting, with the ${AGENDA_TREND_DAYS} days before that.`,
      args: { first: t.arg.int({ defaultValue: 5, description: 'At most 20.' }) },
      select: { columns: { teamId: true, scheduledAt: true } },
      resolve: (meeting, args, ctx) =>
        complaintTrendsOf(ctx, { teamId: meeting.teamId, scheduledAt: meeting.scheduledAt, max: Math.min(Math.max(args.first ?? 5, 1), 20) }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface MeetingFilterValues {
  teamId?: string | null;
  upcoming?: boolean | null;
}

const MeetingFilter = builder.inputType('MeetingFilter', {
  fields: (t) => ({
    teamId: t.id({ description: "Only this team's meetings." }),
    upcoming: t.boolean({ description: 'true: not yet held; false: already held.' }),
  }),
});

function meetingFilterSql(table: typeof meetings, filter: MeetingFilterValues | null | undefined, now: Date): SQL | undefined {
  if (!filter) return undefined;
  // An id that is not a Team matches nothing, like an unknown team.
  const team = filter.teamId ? tryDecodeId(filter.teamId) : undefined;
  return meetingWhere(table, { team: filter.teamId ? { id: team?.typename === 'Team' ? team.id : null } : undefined, upcoming: filter.upcoming }, now);
}

builder.queryFields((t) => ({
  meetings: t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({
    type: 'meetings',
    description: 'Team meetings, soonest first.',
    args: { filter: t.arg({ type: MeetingFilter }) },
    ...filteredConnection({
      name: 'meetings', table: meetings, orderBy: { scheduledAt: 'asc', id: 'asc' },
      filter: (table, filter: Parameters<typeof meetingFilterSql>[1], ctx) => meetingFilterSql(table, filter, ctx.now),
    }),
  }),
}));

// ---- mutations -------------------------------------------------------------------------------

const MeetingPayload = payloadType('MeetingPayload', 'meeting', Meeting);
const AgendaItemPayload = payloadType('AgendaItemPayload', 'agendaItem', AgendaItem);

const ScheduleMeetingInput = builder.inputType('ScheduleMeetingInput', {
  fields: (t) => ({
    teamId: t.id({ required: true }),
    title: t.string({ required: true }),
    scheduledAt: t.field({ type: 'DateTime', required: true, description: 'In the future.' }),
  }),
});

const ProposeAgendaItemInput = builder.inputType('ProposeAgendaItemInput', {
  fields: (t) => ({
    meetingId: t.id({ required: true }),
    title: t.string({ required: true }),
    details: t.string(),
    suggestionId: t.id({ description: 'A suggestion the item is about.' }),
  }),
});

const AgendaItemRefInput = builder.inputType('AgendaItemRefInput', {
  fields: (t) => ({ agendaItemId: t.id({ required: true }) }),
});

async function changeVote(ctx: EmployeeContext, globalId: string, vote: boolean) {
  const tenant = ctx.tenant;
  const employeeId = ctx.employeeId;
  const path = ['input', 'agendaItemId'];
  const id = localIdFor('AgendaItem', globalId, path);
  return { agendaItem: await changeAgendaVote(tenant, id, employeeId, vote, ctx.now, path) };
}

builder.mutationFields((t) => ({
  scheduleMeeting: t.withAuth({ permission: 'meetings:schedule', tenant: true }).field({
    type: MeetingPayload,
    description: 'Schedules a team meeting. Needs a manager or admin key, or a manager\'s or director\'s employee token.',
    args: { input: t.arg({ type: ScheduleMeetingInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        async () => {
          const tenant = ctx.tenant;
          const { title } = parseInput(meetingSchema, { title: input.title });
          const teamId = localIdFor('Team', input.teamId, ['input', 'teamId']);
          return { meeting: await scheduleMeeting(tenant, { teamId, title, scheduledAt: input.scheduledAt }, ctx.now) };
        },
        { meeting: null },
      ),
  }),
  proposeAgendaItem: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: AgendaItemPayload,
    description: 'Proposes an item for an upcoming meeting, as the employee of this employee token (by name).',
    args: { input: t.arg({ type: ProposeAgendaItemInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        async () => {
          const tenant = ctx.tenant;
          const employeeId = ctx.employeeId;
          const values = parseInput(agendaItemSchema, { title: input.title, details: input.details });
          const meetingPath = ['input', 'meetingId'];
          const meeting = await findMeeting(tenant, localIdFor('Meeting', input.meetingId, meetingPath), meetingPath);
          assertAgendaOpen(meeting, ctx.now, meetingPath);
          const suggestionId = input.suggestionId ? (await findSuggestion(tenant, input.suggestionId)).id : null;
          const agendaItem = await proposeAgendaItem(tenant, meeting, { proposerId: employeeId, title: values.title, details: values.details, suggestionId });
          return { agendaItem };
        },
        { agendaItem: null },
      ),
  }),
  voteForAgendaItem: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: AgendaItemPayload,
    description: 'Adds your vote to an agenda item of an upcoming meeting (one per employee).',
    args: { input: t.arg({ type: AgendaItemRefInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(() => changeVote(ctx, input.agendaItemId, true), { agendaItem: null }),
  }),
  retractAgendaItemVote: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: AgendaItemPayload,
    args: { input: t.arg({ type: AgendaItemRefInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(() => changeVote(ctx, input.agendaItemId, false), { agendaItem: null }),
  }),
}));


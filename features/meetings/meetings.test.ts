/** Team meetings: employees propose and vote on agenda items; the agenda adds top suggestions and complaint trends. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let team: string;
let otherTeam: string;
let ana: string;
let anaToken: string;
let benToken: string;

const SCHEDULE = 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id title scheduledAt team { id } } errors { code path message } } }';
type ScheduleResult = { scheduleMeeting: { meeting: { id: string; title: string; scheduledAt: string; team: { id: string } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const PROPOSE = 'mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { agendaItem { id title voteCount proposer { id } suggestion { id } } errors { code path message } } }';
type ProposeResult = { proposeAgendaItem: { agendaItem: { id: string; title: string; voteCount: number; proposer: { id: string }; suggestion: { id: string } | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const VOTE = 'mutation($input: AgendaItemRefInput!) { voteForAgendaItem(input: $input) { agendaItem { voteCount viewerHasVoted } errors { code path message } } }';
type VoteResult = { voteForAgendaItem: { agendaItem: { voteCount: number; viewerHasVoted: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const RETRACT = 'mutation($input: AgendaItemRefInput!) { retractAgendaItemVote(input: $input) { agendaItem { voteCount viewerHasVoted } errors { code path message } } }';
type RetractResult = { retractAgendaItemVote: { agendaItem: { voteCount: number; viewerHasVoted: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

const inDays = (days: number) => new Date(TEST_NOW.getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
  tenant = await createTenant();
  team = await createTeam(tenant.admin, 'Harbour');
  otherTeam = await createTeam(tenant.admin, 'Riverside');
  ana = await createEmployee(tenant.admin, { name: 'Ana', teamId: team });
  anaToken = await employeeToken(tenant.admin, ana);
  benToken = await employeeToken(tenant.admin, await createEmployee(tenant.admin, { name: 'Ben', teamId: team }));
});

describe('meetings', () => {
  it('lists agenda items by votes, proposes the team\'s top open suggestions and its complaint trends', async () => {
    const scheduled = (await data<ScheduleResult>(tenant.manager, SCHEDULE, { input: { teamId: team, title: 'Monday huddle', scheduledAt: inDays(3) } })).scheduleMeeting;
    expect(scheduled.errors).toEqual([]);
    const meetingId = scheduled.meeting!.id;

    // Suggestions of the team (one declined, one of another team) for the proposals.
    const submit = 'mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } } }';
    type SubmitResult = { submitSuggestion: { suggestion: { id: string } | null } };
    const s = async (title: string, teamId: string) =>
      (await data<SubmitResult>(anaToken, submit, { input: { category: 'SERVICE_IDEA', title, body: `${title}.`, teamId } })).submitSuggestion.suggestion!.id as string;
    const popular = await s('Popular idea', team);
    const quiet = await s('Quiet idea', team);
    const declined = await s('Declined idea', team);
    await s('Elsewhere idea', otherTeam);
    await data<{ voteForSuggestion: { errors: { code: UserErrorCode }[] } }>(benToken, 'mutation($input: SuggestionRefInput!) { voteForSuggestion(input: $input) { errors { code } } }', { input: { suggestionId: popular } });
    await data<{ changeSuggestionStatus: { errors: { code: UserErrorCode }[] } }>(tenant.manager, 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { errors { code } } }', {
      input: { suggestionId: declined, status: 'DECLINED', reason: 'Not now.' },
    });

    const first = (await data<ProposeResult>(anaToken, PROPOSE, { input: { meetingId, title: 'Rota swaps', details: 'How do we swap shifts?' } })).proposeAgendaItem;
    const second = (await data<ProposeResult>(benToken, PROPOSE, { input: { meetingId, title: 'The popular idea', suggestionId: popular } })).proposeAgendaItem;
    expect(first.errors).toEqual([]);
    expect(second.agendaItem).toMatchObject({ voteCount: 0, proposer: { id: expect.any(String) }, suggestion: { id: popular } });
    const itemId = second.agendaItem!.id;
    expect((await data<VoteResult>(anaToken, VOTE, { input: { agendaItemId: itemId } })).voteForAgendaItem.agendaItem).toEqual({ voteCount: 1, viewerHasVoted: true });
    expect((await data<VoteResult>(anaToken, VOTE, { input: { agendaItemId: itemId } })).voteForAgendaItem.agendaItem).toEqual({ voteCount: 1, viewerHasVoted: true });
    expect((await data<VoteResult>(benToken, VOTE, { input: { agendaItemId: itemId } })).voteForAgendaItem.agendaItem).toEqual({ voteCount: 2, viewerHasVoted: true });
    expect((await data<RetractResult>(benToken, RETRACT, { input: { agendaItemId: itemId } })).retractAgendaItemVote.agendaItem).toEqual({ voteCount: 1, viewerHasVoted: false });

    // Complaints about the team in the four weeks before the meeting, and the four before that.
    const tenantId = localId(tenant.id);
    const teamId = localId(team);
    const now = TEST_NOW.getTime();
    const complaint = (id: string, theme: string, daysAgo: number, forTeam = teamId) => [
      env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, team_id, body, received_at, created_at) VALUES (?, ?, 'complaint', 'import', ?, ?, ?, ?)").bind(id, tenantId, forTeam, theme, now - daysAgo * 86_400_000, now),
      env.DB.prepare("INSERT INTO feedback_themes (tenant_id, feedback_id, theme, label, kind, received_at) VALUES (?, ?, ?, ?, 'complaint', ?)").bind(tenantId, id, theme, theme, now - daysAgo * 86_400_000),
    ];
    await env.DB.batch([
      ...complaint('fb_m1', 'wait', 2),
      ...complaint('fb_m2', 'wait', 5),
      ...complaint('fb_m3', 'wait', 40),
      ...complaint('fb_m4', 'cold coffe', 3),
      ...complaint('fb_m5', 'cold coffe', 35),
      ...complaint('fb_m6', 'cold coffe', 36),
      ...complaint('fb_m7', 'rude', 1, localId(otherTeam)),
    ]);

    const agenda = await gql<{ node: { title: string; team: { name: string }; agendaItems: { totalCount: number; edges: { node: { title: string; voteCount: number; viewerHasVoted: boolean } }[] }; proposedSuggestions: { title: string; voteCount: number; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' }[]; complaintTrends: { key: string; count: number; previousCount: number; change: number }[] } | null }>(anaToken, `query($id: ID!) { node(id: $id) { ... on Meeting {
      title team { name }
      agendaItems(first: 10) { totalCount edges { node { title voteCount viewerHasVoted } } }
      proposedSuggestions { title voteCount status }
      complaintTrends { key count previousCount change }
    } } }`, { id: meetingId });
    expect(agenda.body.errors).toBeUndefined();
    expect(agenda.body.data!.node).toEqual({
      title: 'Monday huddle',
      team: { name: 'Harbour' },
      agendaItems: {
        totalCount: 2,
        edges: [
          { node: { title: 'The popular idea', voteCount: 1, viewerHasVoted: true } },
          { node: { title: 'Rota swaps', voteCount: 0, viewerHasVoted: false } },
        ],
      },
      proposedSuggestions: [
        { title: 'Popular idea', voteCount: 1, status: 'SUBMITTED' },
        { title: 'Quiet idea', voteCount: 0, status: 'SUBMITTED' },
      ],
      complaintTrends: [
        { key: 'wait', count: 2, previousCount: 1, change: 1 },
        { key: 'cold coffe', count: 1, previousCount: 2, change: -1 },
      ],
    });
    void quiet;
    // The agenda with everything on it is a bounded number of statements.
    expect(agenda.statements).toBeLessThanOrEqual(5);

    const list = await data<{ upcoming: { totalCount: number; edges: { node: { title: string } }[] }; past: { totalCount: number }; forTeam: { totalCount: number } }>(tenant.reader, `query($team: ID!) {
      upcoming: meetings(filter: { upcoming: true }) { totalCount edges { node { title } } }
      past: meetings(filter: { upcoming: false }) { totalCount }
      forTeam: meetings(filter: { teamId: $team }) { totalCount }
    }`, { team: otherTeam });
    expect(list.upcoming).toEqual({ totalCount: 1, edges: [{ node: { title: 'Monday huddle' } }] });
    expect(list.past.totalCount).toBe(0);
    expect(list.forTeam.totalCount).toBe(0);
  });

  it('refuses bad input, the past, and the wrong credentials', async () => {
    const past = (await data<ScheduleResult>(tenant.admin, SCHEDULE, { input: { teamId: team, title: 'Yesterday', scheduledAt: inDays(-1) } })).scheduleMeeting;
    expect(past.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'scheduledAt'], message: 'Schedule meetings in the future.' }]);
    const noTitle = (await data<ScheduleResult>(tenant.admin, SCHEDULE, { input: { teamId: team, title: ' ', scheduledAt: inDays(1) } })).scheduleMeeting;
    expect(noTitle.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'title'] });
    expect((await gql<ScheduleResult>(anaToken, SCHEDULE, { input: { teamId: team, title: 'x', scheduledAt: inDays(1) } })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql<ScheduleResult>(tenant.reader, SCHEDULE, { input: { teamId: team, title: 'x', scheduledAt: inDays(1) } })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const meetingId = (await data<ScheduleResult>(tenant.admin, SCHEDULE, { input: { teamId: team, title: 'Soon', scheduledAt: inDays(1) } })).scheduleMeeting.meeting!.id;
    expect((await gql<ProposeResult>(tenant.manager, PROPOSE, { input: { meetingId, title: 'x' } })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = (await data<ProposeResult>(anaToken, PROPOSE, { input: { meetingId, title: '' } })).proposeAgendaItem;
    expect(empty.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'title'] });
    const missing = (await data<ProposeResult>(anaToken, PROPOSE, { input: { meetingId: 'TWVldGluZzptZWV0X25vcGU', title: 'x' } })).proposeAgendaItem;
    expect(missing.errors[0]).toMatchObject({ code: 'NOT_FOUND', path: ['input', 'meetingId'] });
    // Once the meeting has taken place its agenda is closed.
    const item = (await data<ProposeResult>(anaToken, PROPOSE, { input: { meetingId, title: 'Late item' } })).proposeAgendaItem.agendaItem!.id;
    await env.DB.prepare('UPDATE meetings SET scheduled_at = ? WHERE id = ?').bind(TEST_NOW.getTime() - 60_000, localId(meetingId)).run();
    expect((await data<VoteResult>(benToken, VOTE, { input: { agendaItemId: item } })).voteForAgendaItem.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'agendaItemId'] });
    expect((await data<ProposeResult>(benToken, PROPOSE, { input: { meetingId, title: 'Too late' } })).proposeAgendaItem.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'meetingId'] });
  });
});

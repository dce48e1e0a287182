/**
 * Tenant isolation for suggestions, comments, experiments, meetings and agenda items: for tenant B,
 * every id of tenant A answers exactly like an id that never existed, through node, nodes, every
 * mutation, every list and count, and A's follow code.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../schema/global-ids.ts';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, withIdsMasked, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

let a: TestTenant;
let b: TestTenant;
let bToken: string;
let bSuggestion: string;
let bEmployee: string;
let bTeam: string;
let bMeeting: string;
let aFollowCode: string;
const ids: Record<string, string> = {};

const ghosts: Record<string, string> = {
  Suggestion: encodeId('Suggestion', 'sug_doesnotexist000000000'),
  SuggestionComment: encodeId('SuggestionComment', 'scom_doesnotexist00000000'),
  Experiment: encodeId('Experiment', 'exp_doesnotexist000000000'),
  Meeting: encodeId('Meeting', 'meet_doesnotexist00000000'),
  AgendaItem: encodeId('AgendaItem', 'agi_doesnotexist000000000'),
  Employee: encodeId('Employee', 'emp_doesnotexist0000000000'),
  Team: encodeId('Team', 'team_doesnotexist000000000'),
};

const inDays = (days: number) => new Date(TEST_NOW.getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
  a = await createTenant('Alpha Suggestions Ltd');
  b = await createTenant('Beta Suggestions Ltd');
  ids.Team = await createTeam(a.admin, 'Alpha Team');
  ids.Employee = await createEmployee(a.admin, { name: 'Alpha Person', teamId: ids.Team });
  const aToken = await employeeToken(a.admin, ids.Employee);
  const submit = 'mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { followCode suggestion { id } errors { code } } }';
  type SubmitResult = { submitSuggestion: { followCode: string | null; suggestion: { id: string } | null; errors: { code: UserErrorCode }[] } };
  const anon = await data<SubmitResult>(aToken, submit, { input: { category: 'OTHER', title: 'Alpha secret idea', body: 'Alpha body about the espresso machine.', anonymous: true } });
  aFollowCode = anon.submitSuggestion.followCode!;
  ids.Suggestion = (await data<SubmitResult>(aToken, submit, { input: { category: 'OTHER', title: 'Alpha idea', body: 'Alpha body about the espresso machine.' } })).submitSuggestion.suggestion!.id;
  ids.SuggestionComment = (await data<{ commentOnSuggestion: { comment: { id: string } | null } }>(aToken, 'mutation($input: SuggestionTextInput!) { commentOnSuggestion(input: $input) { comment { id } } }', {
    input: { suggestionId: ids.Suggestion, body: 'Alpha comment' },
  })).commentOnSuggestion.comment!.id;
  // An accepted suggestion with an experiment.
  const accepted = (await data<SubmitResult>(aToken, submit, { input: { category: 'OTHER', title: 'Alpha accepted', body: 'Alpha body.' } })).submitSuggestion.suggestion!.id;
  ids.AcceptedSuggestion = accepted;
  for (const status of ['UNDER_REVIEW', 'ACCEPTED']) {
    await data<{ changeSuggestionStatus: { errors: { code: UserErrorCode }[] } }>(a.admin, 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { errors { code } } }', { input: { suggestionId: accepted, status } });
  }
  const other = (await data<SubmitResult>(aToken, submit, { input: { category: 'OTHER', title: 'Alpha accepted 2', body: 'Alpha body.' } })).submitSuggestion.suggestion!.id;
  for (const status of ['UNDER_REVIEW', 'ACCEPTED']) {
    await data<{ changeSuggestionStatus: { errors: { code: UserErrorCode }[] } }>(a.admin, 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { errors { code } } }', { input: { suggestionId: other, status } });
  }
  ids.Experiment = (await data<{ startExperiment: { experiment: { id: string } | null; errors: { message: string }[] } }>(a.admin, 'mutation($input: StartExperimentInput!) { startExperiment(input: $input) { experiment { id } errors { message } } }', {
    input: { suggestionId: other, hypothesis: 'Alpha hypothesis', successMeasure: 'Alpha measure', ownerId: ids.Employee, startsOn: '2026-12-01', endsOn: '2026-12-10' },
  })).startExperiment.experiment!.id;
  ids.Meeting = (await data<{ scheduleMeeting: { meeting: { id: string } | null } }>(a.admin, 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } } }', {
    input: { teamId: ids.Team, title: 'Alpha meeting', scheduledAt: inDays(5) },
  })).scheduleMeeting.meeting!.id;
  ids.AgendaItem = (await data<{ proposeAgendaItem: { agendaItem: { id: string } | null } }>(aToken, 'mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { agendaItem { id } } }', {
    input: { meetingId: ids.Meeting, title: 'Alpha agenda item' },
  })).proposeAgendaItem.agendaItem!.id;

  // B has data of its own.
  bTeam = await createTeam(b.admin, 'Beta Team');
  bEmployee = await createEmployee(b.admin, { name: 'Beta Person', teamId: bTeam });
  bToken = await employeeToken(b.admin, bEmployee);
  bSuggestion = (await data<SubmitResult>(bToken, submit, { input: { category: 'OTHER', title: 'Beta idea', body: 'Beta body about the espresso machine.' } })).submitSuggestion.suggestion!.id;
  bMeeting = (await data<{ scheduleMeeting: { meeting: { id: string } | null } }>(b.admin, 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } } }', {
    input: { teamId: bTeam, title: 'Beta meeting', scheduledAt: inDays(5) },
  })).scheduleMeeting.meeting!.id;
});

async function snapshot() {
  const tables = ['suggestions', 'suggestion_votes', 'suggestion_follows', 'suggestion_comments', 'suggestion_history', 'experiments', 'meetings', 'agenda_items', 'agenda_votes'];
  const counts: Record<string, unknown> = {};
  for (const table of tables) counts[table] = await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY id`).bind(localId(a.id)).all().then((r) => r.results);
  return counts;
}

describe('tenant isolation: suggestions, experiments, meetings', () => {
  it('node and nodes answer for A ids exactly as for ids that do not exist', async () => {
    for (const type of ['Suggestion', 'SuggestionComment', 'Experiment', 'Meeting', 'AgendaItem']) {
      const id = ids[type]!;
      const ghost = ghosts[type]!;
      const query = 'query($id: ID!) { node(id: $id) { id } }';
      type QueryResult = { node: { id: string } | null };
      for (const credential of [b.admin, bToken]) {
        const real = await gql(credential, query, { id });
        const missing = await gql(credential, query, { id: ghost });
        expect(real.body, type).toEqual({ data: { node: null } });
        expect(withIdsMasked(real.body, id, ghost)).toEqual(withIdsMasked(missing.body, id, ghost));
        expect(real.statements, type).toBe(missing.statements);
      }
      expect((await data<QueryResult>(a.reader, query, { id })).node, type).toEqual({ id });
      const many = await gql(b.reader, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id, ghost] });
      expect(many.body, type).toEqual({ data: { nodes: [null, null] } });
    }
  });

  it('lists, counts, trends and follow codes of B never include A rows', async () => {
    const result = await data<{ suggestions: { totalCount: number; edges: { node: { id: string; title: string; author: { id: string } | null; team: { id: string } | null; comments: { totalCount: number }; history: { actor: { id: string } | null }[]; experiment: { id: string } | null } }[] }; searched: { totalCount: number }; themed: { totalCount: number; edges: { node: { title: string } }[] }; byTeam: { totalCount: number }; experiments: { totalCount: number; edges: { node: { id: string; hypothesis: string } }[] }; lessons: { totalCount: number }; meetings: { totalCount: number; edges: { node: { id: string; title: string; agendaItems: { totalCount: number }; proposedSuggestions: { id: string }[]; complaintTrends: { key: string }[] } }[] }; alphaMeetings: { totalCount: number }; frictionTrends: { categories: { key: string; count: number }[]; themes: { key: string; label: string; count: number }[] }; byCode: { id: string } | null }>(b.admin, `query($team: ID!) {
      suggestions(first: 100) { totalCount edges { node { id title author { id } team { id } comments(first: 10) { totalCount } history { actor { id } } experiment { id } } } }
      searched: suggestions(first: 100, filter: { search: "Alpha" }) { totalCount }
      themed: suggestions(first: 100, filter: { theme: "espresso machine" }) { totalCount edges { node { title } } }
      byTeam: suggestions(first: 100, filter: { teamId: $team }) { totalCount }
      experiments(first: 100) { totalCount edges { node { id hypothesis } } }
      lessons: experiments(first: 100, filter: { search: "Alpha" }) { totalCount }
      meetings(first: 100) { totalCount edges { node { id title agendaItems(first: 10) { totalCount } proposedSuggestions { id } complaintTrends { key } } } }
      alphaMeetings: meetings(first: 100, filter: { teamId: $team }) { totalCount }
      frictionTrends(period: MONTH) { categories { key count } themes { key label count } }
      byCode: suggestionByFollowCode(code: "${aFollowCode}") { id }
    }`, { team: ids.Team });
    const text = JSON.stringify(result);
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(text).not.toContain('Alpha');
    expect(result.suggestions.totalCount).toBe(1);
    expect(result.searched.totalCount).toBe(0);
    expect(result.themed).toEqual({ totalCount: 1, edges: [{ node: { title: 'Beta idea' } }] });
    expect(result.byTeam.totalCount).toBe(0);
    expect(result.experiments.totalCount).toBe(0);
    expect(result.lessons.totalCount).toBe(0);
    expect(result.meetings.totalCount).toBe(1);
    expect(result.alphaMeetings.totalCount).toBe(0);
    expect(result.frictionTrends.categories).toEqual([{ key: 'OTHER', count: 1 }]);
    expect(result.byCode).toBeNull();
  });

  it('every mutation treats an A id like an id that does not exist, and changes nothing', async () => {
    const before = await snapshot();
    const attempts: { type: string; credential: () => string; mutation: string; variables: (id: string) => Record<string, unknown> }[] = [
      { type: 'Suggestion', credential: () => bToken, mutation: 'voteForSuggestion(input: $input) { suggestion { id } errors { code path message } }', variables: (id) => ({ suggestionId: id }) },
      { type: 'Suggestion', credential: () => bToken, mutation: 'retractSuggestionVote(input: $input) { suggestion { id } errors { code path message } }', variables: (id) => ({ suggestionId: id }) },
      { type: 'Suggestion', credential: () => bToken, mutation: 'followSuggestion(input: $input) { suggestion { id } errors { code path message } }', variables: (id) => ({ suggestionId: id }) },
      { type: 'Suggestion', credential: () => bToken, mutation: 'unfollowSuggestion(input: $input) { suggestion { id } errors { code path message } }', variables: (id) => ({ suggestionId: id }) },
      { type: 'Suggestion', credential: () => bToken, mutation: 'commentOnSuggestion(input: $input) { comment { id } errors { code path message } }', variables: (id) => ({ suggestionId: id, body: 'Hi' }) },
      { type: 'Suggestion', credential: () => b.admin, mutation: 'replyToSuggestion(input: $input) { comment { id } errors { code path message } }', variables: (id) => ({ suggestionId: id, body: 'Hi' }) },
      { type: 'Suggestion', credential: () => b.admin, mutation: 'changeSuggestionStatus(input: $input) { suggestion { id } errors { code path message } }', variables: (id) => ({ suggestionId: id, status: 'UNDER_REVIEW' }) },
      { type: 'AcceptedSuggestion', credential: () => b.admin, mutation: 'startExperiment(input: $input) { experiment { id } errors { code path message } }', variables: (id) => ({ suggestionId: id, hypothesis: 'h', successMeasure: 'm', ownerId: bEmployee, startsOn: '2026-12-01', endsOn: '2026-12-02' }) },
      { type: 'Employee', credential: () => b.admin, mutation: 'startExperiment(input: $input) { experiment { id } errors { code path message } }', variables: (id) => ({ suggestionId: bSuggestion, hypothesis: 'h', successMeasure: 'm', ownerId: id, startsOn: '2026-12-01', endsOn: '2026-12-02' }) },
      { type: 'Experiment', credential: () => b.admin, mutation: 'concludeExperiment(input: $input) { experiment { id } errors { code path message } }', variables: (id) => ({ experimentId: id, outcome: 'FAILED', lessons: 'l' }) },
      { type: 'Team', credential: () => bToken, mutation: 'submitSuggestion(input: $input) { suggestion { id } errors { code path message } }', variables: (id) => ({ category: 'OTHER', title: 't', body: 'b', teamId: id }) },
      { type: 'Team', credential: () => b.admin, mutation: 'scheduleMeeting(input: $input) { meeting { id } errors { code path message } }', variables: (id) => ({ teamId: id, title: 't', scheduledAt: inDays(2) }) },
      { type: 'Meeting', credential: () => bToken, mutation: 'proposeAgendaItem(input: $input) { agendaItem { id } errors { code path message } }', variables: (id) => ({ meetingId: id, title: 't' }) },
      { type: 'Suggestion', credential: () => bToken, mutation: 'proposeAgendaItem(input: $input) { agendaItem { id } errors { code path message } }', variables: (id) => ({ meetingId: bMeeting, title: 't', suggestionId: id }) },
      { type: 'AgendaItem', credential: () => bToken, mutation: 'voteForAgendaItem(input: $input) { agendaItem { id } errors { code path message } }', variables: (id) => ({ agendaItemId: id }) },
      { type: 'AgendaItem', credential: () => bToken, mutation: 'retractAgendaItemVote(input: $input) { agendaItem { id } errors { code path message } }', variables: (id) => ({ agendaItemId: id }) },
    ];
    const inputType: Record<string, string> = {
      voteForSuggestion: 'SuggestionRefInput', retractSuggestionVote: 'SuggestionRefInput', followSuggestion: 'SuggestionRefInput', unfollowSuggestion: 'SuggestionRefInput',
      commentOnSuggestion: 'SuggestionTextInput', replyToSuggestion: 'SuggestionTextInput', changeSuggestionStatus: 'ChangeSuggestionStatusInput',
      startExperiment: 'StartExperimentInput', concludeExperiment: 'ConcludeExperimentInput', submitSuggestion: 'SubmitSuggestionInput',
      scheduleMeeting: 'ScheduleMeetingInput', proposeAgendaItem: 'ProposeAgendaItemInput', voteForAgendaItem: 'AgendaItemRefInput', retractAgendaItemVote: 'AgendaItemRefInput',
    };
    for (const { type, credential, mutation, variables } of attempts) {
      const name = mutation.slice(0, mutation.indexOf('('));
      const operation = `mutation($input: ${inputType[name]}!) { ${mutation} }`;
      const ghost = ghosts[type === 'AcceptedSuggestion' ? 'Suggestion' : type]!;
      const real = await gql(credential(), operation, { input: variables(ids[type]!) });
      const missing = await gql(credential(), operation, { input: variables(ghost) });
      expect(real.body.errors, mutation).toBeUndefined();
      const payload = Object.values(real.body.data ?? {})[0] as { errors: { code: string }[] };
      expect(payload.errors[0]?.code, mutation).toBe('NOT_FOUND');
      expect(withIdsMasked(real.body, ids[type]!, ghost), mutation).toEqual(withIdsMasked(missing.body, ids[type]!, ghost));
      expect(real.statements, mutation).toBe(missing.statements);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the database refuses a vote or an agenda item that points at another tenant', async () => {
    const vote = env.DB.prepare('INSERT INTO suggestion_votes (id, tenant_id, suggestion_id, employee_id, created_at) VALUES (?, ?, ?, ?, 0)')
      .bind('svote_crossed', localId(b.id), localId(ids.Suggestion!), localId(bEmployee));
    await expect(vote.run()).rejects.toThrow(/FOREIGN KEY/);
    const item = env.DB.prepare('INSERT INTO agenda_items (id, tenant_id, meeting_id, proposer_id, title, vote_count, created_at) VALUES (?, ?, ?, ?, ?, 0, 0)')
      .bind('agi_crossed', localId(b.id), localId(ids.Meeting!), localId(bEmployee), 'x');
    await expect(item.run()).rejects.toThrow(/FOREIGN KEY/);
  });
});

/** Suggestions: submitting, votes, comments and replies, the workflow and its history, filters, trends. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let team: string;
let ana: string;
let anaToken: string;
let ben: string;
let benToken: string;
let managerToken: string;

const SUBMIT = `mutation($input: SubmitSuggestionInput!) {
  submitSuggestion(input: $input) { followCode suggestion { id status anonymous author { id } team { id } voteCount commentCount themes { key label } } errors { code path message } }
}`;
type SubmitResult = { submitSuggestion: { followCode: string | null; suggestion: { id: string; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; anonymous: boolean; author: { id: string } | null; team: { id: string } | null; voteCount: number; commentCount: number; themes: { key: string; label: string }[] } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const CHANGE = `mutation($input: ChangeSuggestionStatusInput!) {
  changeSuggestionStatus(input: $input) { suggestion { id status declineReason } errors { __typename code path message } }
}`;
type ChangeResult = { changeSuggestionStatus: { suggestion: { id: string; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; declineReason: string | null } | null; errors: { __typename: string; code: UserErrorCode; path: string[]; message: string }[] } };

async function submit(token: string, input: Record<string, unknown>) {
  const result = await data<SubmitResult>(token, SUBMIT, { input: { category: 'AVOIDABLE_TASK', title: 'Printing receipts', body: 'We print the daily receipts twice.', ...input } });
  expect(result.submitSuggestion.errors).toEqual([]);
  // No errors, so the suggestion was created.
  return { followCode: result.submitSuggestion.followCode, suggestion: result.submitSuggestion.suggestion! };
}

async function change(key: string, suggestionId: string, status: string, extra: Record<string, unknown> = {}) {
  return (await data<ChangeResult>(key, CHANGE, { input: { suggestionId, status, ...extra } })).changeSuggestionStatus;
}

beforeAll(async () => {
  tenant = await createTenant();
  team = await createTeam(tenant.admin, 'Harbour');
  ana = await createEmployee(tenant.admin, { name: 'Ana Agent', teamId: team });
  ben = await createEmployee(tenant.admin, { name: 'Ben Agent', teamId: team });
  const boss = await createEmployee(tenant.admin, { name: 'Mia Manager', role: 'MANAGER', teamId: team });
  [anaToken, benToken, managerToken] = await Promise.all([employeeToken(tenant.admin, ana), employeeToken(tenant.admin, ben), employeeToken(tenant.admin, boss)]);
});

describe('submitting', () => {
  it('a named suggestion has its author, team, themes and a submission history row', async () => {
    const { suggestion, followCode } = await submit(anaToken, { title: 'Long queue at the till', body: 'The long queue at the till every morning; card readers are slow.' });
    expect(followCode).toBeNull();
    expect(suggestion).toMatchObject({ status: 'SUBMITTED', anonymous: false, author: { id: ana }, team: { id: team }, voteCount: 0, commentCount: 0 });
    expect(suggestion.themes.length).toBeGreaterThan(0);
    const history = await data<{ node: { history: { from: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' | null; to: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; actorKind: 'ANONYMOUS' | 'API_KEY' | 'EMPLOYEE'; actor: { id: string } | null }[] } | null }>(tenant.reader, 'query($id: ID!) { node(id: $id) { ... on Suggestion { history { from to actorKind actor { id } } } } }', { id: suggestion.id });
    expect(history.node!.history).toEqual([{ from: null, to: 'SUBMITTED', actorKind: 'EMPLOYEE', actor: { id: ana } }]);
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM suggestion_themes WHERE suggestion_id = ?').bind(localId(suggestion.id)).first<{ n: number }>();
    expect(rows?.n).toBe(suggestion.themes.length);
  });

  it('needs an employee token, and reports bad input as typed errors', async () => {
    const asKey = await gql(tenant.admin, SUBMIT, { input: { category: 'OTHER', title: 'x', body: 'y' } });
    expect(asKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await data<SubmitResult>(anaToken, SUBMIT, { input: { category: 'OTHER', title: '  ', body: 'x'.repeat(5000) } });
    expect(bad.submitSuggestion.suggestion).toBeNull();
    expect(bad.submitSuggestion.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['VALIDATION', 'input.title'],
      ['VALIDATION', 'input.body'],
    ]);
    const badTeam = await data<SubmitResult>(anaToken, SUBMIT, { input: { category: 'OTHER', title: 't', body: 'b', teamId: 'nonsense' } });
    expect(badTeam.submitSuggestion.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'teamId'] });
  });
});

describe('votes', () => {
  it('one per employee, retractable, counted in voteCount and viewerHasVoted', async () => {
    const { suggestion } = await submit(anaToken, {});
    const VOTE = 'mutation($input: SuggestionRefInput!) { voteForSuggestion(input: $input) { suggestion { voteCount viewerHasVoted } errors { code } } }';
    type VoteResult = { voteForSuggestion: { suggestion: { voteCount: number; viewerHasVoted: boolean } | null; errors: { code: UserErrorCode }[] } };
    const RETRACT = 'mutation($input: SuggestionRefInput!) { retractSuggestionVote(input: $input) { suggestion { voteCount viewerHasVoted } errors { code } } }';
    type RetractResult = { retractSuggestionVote: { suggestion: { voteCount: number; viewerHasVoted: boolean } | null; errors: { code: UserErrorCode }[] } };
    const input = { suggestionId: suggestion.id };
    expect((await data<VoteResult>(benToken, VOTE, { input })).voteForSuggestion.suggestion).toEqual({ voteCount: 1, viewerHasVoted: true });
    expect((await data<VoteResult>(benToken, VOTE, { input })).voteForSuggestion.suggestion).toEqual({ voteCount: 1, viewerHasVoted: true });
    expect((await data<VoteResult>(anaToken, VOTE, { input })).voteForSuggestion.suggestion).toEqual({ voteCount: 2, viewerHasVoted: true });
    expect((await data<RetractResult>(benToken, RETRACT, { input })).retractSuggestionVote.suggestion).toEqual({ voteCount: 1, viewerHasVoted: false });
    expect((await data<RetractResult>(benToken, RETRACT, { input })).retractSuggestionVote.suggestion).toEqual({ voteCount: 1, viewerHasVoted: false });
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM suggestion_votes WHERE suggestion_id = ?').bind(localId(suggestion.id)).first<{ n: number }>();
    expect(rows?.n).toBe(1);
    const asKey = await gql(tenant.manager, VOTE, { input });
    expect(asKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('comments and replies', () => {
  it('employees comment, managers reply with a key or their own token; employees cannot reply', async () => {
    const { suggestion } = await submit(anaToken, {});
    const COMMENT = 'mutation($input: SuggestionTextInput!) { commentOnSuggestion(input: $input) { comment { kind body author { id } } errors { code path } } }';
    type CommentResult = { commentOnSuggestion: { comment: { kind: 'COMMENT' | 'REPLY'; body: string; author: { id: string } | null } | null; errors: { code: UserErrorCode; path: string[] }[] } };
    const REPLY = 'mutation($input: SuggestionTextInput!) { replyToSuggestion(input: $input) { comment { kind body author { id } } errors { code path } } }';
    type ReplyResult = { replyToSuggestion: { comment: { kind: 'COMMENT' | 'REPLY'; body: string; author: { id: string } | null } | null; errors: { code: UserErrorCode; path: string[] }[] } };
    await data<CommentResult>(benToken, COMMENT, { input: { suggestionId: suggestion.id, body: 'Same at Riverside.' } });
    await data<ReplyResult>(tenant.manager, REPLY, { input: { suggestionId: suggestion.id, body: 'Looking into it.' } });
    await data<ReplyResult>(managerToken, REPLY, { input: { suggestionId: suggestion.id, body: 'Trial next week.' } });
    expect((await gql(benToken, REPLY, { input: { suggestionId: suggestion.id, body: 'x' } })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await data<CommentResult>(benToken, COMMENT, { input: { suggestionId: suggestion.id, body: ' ' } });
    expect(empty.commentOnSuggestion.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'body'] }]);
    const read = await data<{ node: { commentCount: number; comments: { totalCount: number; edges: { node: { kind: 'COMMENT' | 'REPLY'; body: string; author: { name: string } | null } }[] } } | null }>(anaToken, 'query($id: ID!) { node(id: $id) { ... on Suggestion { commentCount comments(first: 10) { totalCount edges { node { kind body author { name } } } } } } }', { id: suggestion.id });
    expect(read.node!.commentCount).toBe(3);
    expect(read.node!.comments.edges.map((e) => e.node)).toEqual([
      { kind: 'COMMENT', body: 'Same at Riverside.', author: { name: 'Ben Agent' } },
      { kind: 'REPLY', body: 'Looking into it.', author: null },
      { kind: 'REPLY', body: 'Trial next week.', author: { name: 'Mia Manager' } },
    ]);
  });
});

describe('workflow', () => {
  it('walks submitted -> under review -> accepted -> experimenting -> adopted, keeping the history', async () => {
    const { suggestion } = await submit(anaToken, {});
    const id = suggestion.id;
    expect((await change(tenant.manager, id, 'UNDER_REVIEW', { note: 'Looking' })).suggestion!.status).toBe('UNDER_REVIEW');
    expect((await change(managerToken, id, 'ACCEPTED')).suggestion!.status).toBe('ACCEPTED');
    const started = await data<{ startExperiment: { experiment: { id: string; outcome: 'FAILED' | 'INCONCLUSIVE' | 'SUCCEEDED' | null; suggestion: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' }; owner: { id: string } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.manager, `mutation($input: StartExperimentInput!) { startExperiment(input: $input) { experiment { id outcome suggestion { status } owner { id } } errors { code path message } } }`, {
      input: { suggestionId: id, hypothesis: 'Printing once saves 10 minutes a day.', successMeasure: 'Minutes at closing', ownerId: ben, startsOn: '2026-12-01', endsOn: '2026-12-14' },
    });
    expect(started.startExperiment.errors).toEqual([]);
    expect(started.startExperiment.experiment).toMatchObject({ outcome: null, suggestion: { status: 'EXPERIMENTING' }, owner: { id: ben } });
    const early = await change(tenant.manager, id, 'ADOPTED');
    expect(early.errors[0]).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', path: ['input', 'status'] });
    const concluded = await data<{ concludeExperiment: { experiment: { outcome: 'FAILED' | 'INCONCLUSIVE' | 'SUCCEEDED' | null; lessons: string | null; concludedAt: string | null } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, `mutation($input: ConcludeExperimentInput!) { concludeExperiment(input: $input) { experiment { outcome lessons concludedAt } errors { code path message } } }`, {
      input: { experimentId: started.startExperiment.experiment!.id, outcome: 'SUCCEEDED', lessons: 'Nobody missed the second copy.' },
    });
    expect(concluded.concludeExperiment.experiment).toMatchObject({ outcome: 'SUCCEEDED', lessons: 'Nobody missed the second copy.' });
    expect((await change(tenant.manager, id, 'ADOPTED')).suggestion!.status).toBe('ADOPTED');
    const history = await data<{ node: { history: { from: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' | null; to: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; actorKind: 'ANONYMOUS' | 'API_KEY' | 'EMPLOYEE'; actor: { id: string } | null; note: string | null }[] } | null }>(tenant.reader, 'query($id: ID!) { node(id: $id) { ... on Suggestion { history { from to actorKind actor { id } note } } } }', { id });
    expect(history.node!.history).toEqual([
      { from: null, to: 'SUBMITTED', actorKind: 'EMPLOYEE', actor: { id: ana }, note: null },
      { from: 'SUBMITTED', to: 'UNDER_REVIEW', actorKind: 'API_KEY', actor: null, note: 'Looking' },
      { from: 'UNDER_REVIEW', to: 'ACCEPTED', actorKind: 'EMPLOYEE', actor: { id: (await data<{ viewer: { employee: { id: string } | null } }>(managerToken, '{ viewer { employee { id } } }')).viewer.employee!.id }, note: null },
      { from: 'ACCEPTED', to: 'EXPERIMENTING', actorKind: 'API_KEY', actor: null, note: null },
      { from: 'EXPERIMENTING', to: 'ADOPTED', actorKind: 'API_KEY', actor: null, note: null },
    ]);
    // Adopted is final.
    const after = await change(tenant.manager, id, 'DECLINED', { reason: 'Changed our mind' });
    expect(after.errors[0]!.message).toBe('A suggestion cannot go from ADOPTED to DECLINED. ADOPTED is final.');
  });

  it('refuses illegal transitions with INVALID_TRANSITION naming from and to, and writes nothing', async () => {
    const { suggestion } = await submit(anaToken, {});
    const refused = await change(tenant.manager, suggestion.id, 'ACCEPTED');
    expect(refused).toEqual({
      suggestion: null,
      errors: [{ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', path: ['input', 'status'], message: 'A suggestion cannot go from SUBMITTED to ACCEPTED. From SUBMITTED it can go to UNDER_REVIEW or DECLINED.' }],
    });
    const experimenting = await change(tenant.manager, suggestion.id, 'EXPERIMENTING');
    expect(experimenting.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'status'] });
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM suggestion_history WHERE suggestion_id = ?').bind(localId(suggestion.id)).first<{ n: number }>();
    expect(rows?.n).toBe(1);
    // Starting an experiment on a suggestion that is not ACCEPTED.
    const start = await data<{ startExperiment: { experiment: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.manager, `mutation($input: StartExperimentInput!) { startExperiment(input: $input) { experiment { id } errors { code path message } } }`, {
      input: { suggestionId: suggestion.id, hypothesis: 'h', successMeasure: 'm', ownerId: ben, startsOn: '2026-12-01', endsOn: '2026-12-14' },
    });
    expect(start.startExperiment.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('from SUBMITTED to EXPERIMENTING') });
  });

  it('declining needs a reason, which the author reads', async () => {
    const { suggestion } = await submit(anaToken, {});
    const missing = await change(tenant.manager, suggestion.id, 'DECLINED');
    expect(missing.errors).toEqual([{ __typename: 'ValidationError', code: 'VALIDATION', path: ['input', 'reason'], message: expect.any(String) }]);
    const declined = await change(tenant.manager, suggestion.id, 'DECLINED', { reason: 'The tax office requires two copies.' });
    expect(declined.suggestion).toMatchObject({ status: 'DECLINED', declineReason: 'The tax office requires two copies.' });
    const seen = await data<{ node: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; declineReason: string | null } | null }>(anaToken, 'query($id: ID!) { node(id: $id) { ... on Suggestion { status declineReason } } }', { id: suggestion.id });
    expect(seen.node).toEqual({ status: 'DECLINED', declineReason: 'The tax office requires two copies.' });
  });

  it('of two concurrent transitions from the same status only one applies', async () => {
    const { suggestion } = await submit(anaToken, {});
    const results = await Promise.all([
      change(tenant.manager, suggestion.id, 'UNDER_REVIEW'),
      change(tenant.admin, suggestion.id, 'UNDER_REVIEW'),
      change(managerToken, suggestion.id, 'DECLINED', { reason: 'No' }),
    ]);
    const applied = results.filter((result) => result.errors.length === 0);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const rows = await env.DB.prepare('SELECT from_status, to_status FROM suggestion_history WHERE suggestion_id = ? ORDER BY created_at, id').bind(localId(suggestion.id)).all();
    // History is a chain: each change starts where the one before ended.
    const chain = rows.results as { from_status: string | null; to_status: string }[];
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.from_status).toBe(chain[i - 1]!.to_status);
    expect(chain.length).toBe(1 + applied.length);
    expect(results.every((r) => r.errors.length === 0 || ['CONFLICT', 'INVALID_TRANSITION'].includes(r.errors[0]!.code))).toBe(true);
  });

  it('only reviewers change status', async () => {
    const { suggestion } = await submit(anaToken, {});
    for (const key of [tenant.reader, anaToken]) {
      const result = await gql(key, CHANGE, { input: { suggestionId: suggestion.id, status: 'UNDER_REVIEW' } });
      expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('lists, filters and trends', () => {
  it('filters by status, category, theme and text, orders by votes, and counts', async () => {
    const other = await createTenant();
    const t = await employeeToken(other.admin, await createEmployee(other.admin, { name: 'Solo' }));
    const a = (await submit(t, { category: 'REPEATED_QUESTION', title: 'Wifi password', body: 'Customers ask for the wifi password all day.' })).suggestion;
    const b = (await submit(t, { category: 'COST_SAVING', title: 'Milk waste', body: 'We pour away milk at closing.' })).suggestion;
    await data<{ voteForSuggestion: { errors: { code: UserErrorCode }[] } }>(t, 'mutation($input: SuggestionRefInput!) { voteForSuggestion(input: $input) { errors { code } } }', { input: { suggestionId: a.id } });
    const list = await data<{ newest: { totalCount: number; edges: { node: { title: string } }[] }; voted: { edges: { node: { title: string; voteCount: number } }[] }; cost: { totalCount: number }; wifi: { totalCount: number; edges: { node: { title: string } }[] }; text: { totalCount: number; edges: { node: { title: string } }[] }; open: { totalCount: number }; done: { totalCount: number }; trends: { categories: { key: string; label: string; count: number; previousCount: number; change: number }[]; themes: { key: string; label: string; count: number }[] } }>(other.reader, `{
      newest: suggestions(first: 10) { totalCount edges { node { title } } }
      voted: suggestions(first: 10, orderBy: MOST_VOTED) { edges { node { title voteCount } } }
      cost: suggestions(first: 10, filter: { category: [COST_SAVING] }) { totalCount }
      wifi: suggestions(first: 10, filter: { theme: "wifi passwords" }) { totalCount edges { node { title } } }
      text: suggestions(first: 10, filter: { search: "MILK" }) { totalCount edges { node { title } } }
      open: suggestions(first: 10, filter: { status: [SUBMITTED, UNDER_REVIEW] }) { totalCount }
      done: suggestions(first: 10, filter: { status: [ADOPTED] }) { totalCount }
      trends: frictionTrends(period: WEEK) { categories { key label count previousCount change } themes { key label count } }
    }`);
    expect(list.newest.totalCount).toBe(2);
    expect(list.newest.edges.map((e) => e.node.title)).toEqual(['Milk waste', 'Wifi password']);
    expect(list.voted.edges.map((e) => e.node.title)).toEqual(['Wifi password', 'Milk waste']);
    expect(list.cost.totalCount).toBe(1);
    expect(list.wifi).toEqual({ totalCount: 1, edges: [{ node: { title: 'Wifi password' } }] });
    expect(list.text.totalCount).toBe(1);
    expect(list.open.totalCount).toBe(2);
    expect(list.done.totalCount).toBe(0);
    expect(list.trends.categories).toEqual([
      { key: 'COST_SAVING', label: 'Cost saving', count: 1, previousCount: 0, change: 1 },
      { key: 'REPEATED_QUESTION', label: 'Repeated question', count: 1, previousCount: 0, change: 1 },
    ]);
    expect(list.trends.themes.some((theme) => theme.key.includes('wifi'))).toBe(true);
    void b;
  });
});

/**
 * Anonymous means anonymous: nothing readable through the API tells who wrote an anonymous
 * suggestion, to anyone, admins included. We try every field, filter, order, count and error, and
 * compare the author's view with a colleague's: they must be identical.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type GraphQLResponse, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let team: string;
let author: string;
let authorToken: string;
let colleague: string;
let colleagueToken: string;
let managerToken: string;
let secretId: string;
let followCode: string;

const ALL_FIELDS = `id category title body anonymous status declineReason voteCount commentCount viewerHasVoted viewerFollows
  author { id name } team { id } themes { key label } createdAt updatedAt experiment { id }
  history { from to actorKind actor { id } note at }
  comments(first: 20) { totalCount edges { node { id kind body author { id } } } }`;
type SuggestionStatus = 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW';
/** What ALL_FIELDS selects on a Suggestion. */
interface AllFields {
  id: string; category: string; title: string; body: string; anonymous: boolean; status: SuggestionStatus; declineReason: string | null;
  voteCount: number; commentCount: number; viewerHasVoted: boolean; viewerFollows: boolean;
  author: { id: string; name: string } | null; team: { id: string } | null; themes: { key: string; label: string }[];
  createdAt: string; updatedAt: string; experiment: { id: string } | null;
  history: { from: SuggestionStatus | null; to: SuggestionStatus; actorKind: 'ANONYMOUS' | 'API_KEY' | 'EMPLOYEE'; actor: { id: string } | null; note: string | null; at: string }[];
  comments: { totalCount: number; edges: { node: { id: string; kind: 'COMMENT' | 'REPLY'; body: string; author: { id: string } | null } }[] };
}

const SUBMIT = `mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { followCode suggestion { id author { id } anonymous } errors { code message } } }`;
type SubmitResult = { submitSuggestion: { followCode: string | null; suggestion: { id: string; author: { id: string } | null; anonymous: boolean } | null; errors: { code: UserErrorCode; message: string }[] } };

/** Every list shape a caller could use to look for "their" suggestions. */
const LISTS = `{
  newest: suggestions(first: 100) { totalCount edges { cursor node { ${ALL_FIELDS} } } }
  voted: suggestions(first: 100, orderBy: MOST_VOTED) { totalCount edges { cursor node { id voteCount } } }
  followed: suggestions(first: 100, filter: { followedByMe: true }) { totalCount edges { node { id } } }
  notFollowed: suggestions(first: 100, filter: { followedByMe: false }) { totalCount edges { node { id } } }
  byTeam: suggestions(first: 100, filter: { teamId: "TEAM" }) { totalCount edges { node { id } } }
  byTheme: suggestions(first: 100, filter: { theme: "fridge" }) { totalCount edges { node { id } } }
  bySearch: suggestions(first: 100, filter: { search: "AUTHORNAME" }) { totalCount }
  byStatus: suggestions(first: 100, filter: { status: [SUBMITTED], category: [AVOIDABLE_TASK] }) { totalCount edges { node { id } } }
  trends: frictionTrends(period: MONTH) { categories { key count } themes { key count } }
}`;
interface IdPage { totalCount: number; edges: { node: { id: string } }[] }
/** The result of LISTS. */
interface ListsResult {
  newest: { totalCount: number; edges: { cursor: string; node: AllFields }[] };
  voted: { totalCount: number; edges: { cursor: string; node: { id: string; voteCount: number } }[] };
  followed: IdPage; notFollowed: IdPage; byTeam: IdPage; byTheme: IdPage; byStatus: IdPage;
  bySearch: { totalCount: number };
  trends: { categories: { key: string; count: number }[]; themes: { key: string; count: number }[] };
}
const lists = () => LISTS.replace('TEAM', team).replace('AUTHORNAME', 'Ava Author');

beforeAll(async () => {
  tenant = await createTenant();
  team = await createTeam(tenant.admin, 'Night shift');
  author = await createEmployee(tenant.admin, { name: 'Ava Author', teamId: team });
  colleague = await createEmployee(tenant.admin, { name: 'Carl Colleague', teamId: team });
  const manager = await createEmployee(tenant.admin, { name: 'Meg Manager', role: 'MANAGER', teamId: team });
  [authorToken, colleagueToken, managerToken] = await Promise.all([
    employeeToken(tenant.admin, author),
    employeeToken(tenant.admin, colleague),
    employeeToken(tenant.admin, manager),
  ]);
  // Named suggestions by both, so lists are not trivially empty.
  for (const token of [authorToken, colleagueToken]) {
    await data<SubmitResult>(token, SUBMIT, { input: { category: 'SERVICE_IDEA', title: 'Loyalty stamps', body: 'Stamp cards for regulars.' } });
  }
  const secret = await data<SubmitResult>(authorToken, SUBMIT, {
    input: { category: 'AVOIDABLE_TASK', title: 'Fridge temperature log', body: 'We write the fridge temperature by hand three times a shift.', anonymous: true },
  });
  expect(secret.submitSuggestion.errors).toEqual([]);
  expect(secret.submitSuggestion.suggestion).toMatchObject({ author: null, anonymous: true });
  secretId = secret.submitSuggestion.suggestion!.id;
  followCode = secret.submitSuggestion.followCode!;
  expect(followCode).toMatch(/^fl_fc_[a-z0-9]{26}$/);
});

describe('anonymous suggestions', () => {
  it('store no author anywhere in the database, and the follow code only as a hash', async () => {
    const row = await env.DB.prepare('SELECT * FROM suggestions WHERE id = ?').bind(localId(secretId)).first<Record<string, unknown>>();
    expect(row?.author_id).toBeNull();
    expect(row?.team_id).toBeNull(); // not defaulted to the author's team
    expect(row?.follow_code_hash).toMatch(/^[0-9a-f]{64}$/);
    const authorLocal = localId(author);
    // No row in any suggestion table mentions both the suggestion and the author.
    for (const table of ['suggestions', 'suggestion_history', 'suggestion_themes', 'suggestion_follows', 'suggestion_votes', 'suggestion_comments']) {
      const rows = await env.DB.prepare(`SELECT * FROM ${table}`).all();
      for (const r of rows.results) {
        const text = JSON.stringify(r);
        if (text.includes(localId(secretId))) {
          expect(text, table).not.toContain(authorLocal);
          expect(text, table).not.toContain(followCode);
        }
      }
    }
  });

  it('look the same to the author as to a colleague, through every field, filter, order and count', async () => {
    const mine = await gql<ListsResult>(authorToken, lists());
    const theirs = await gql<ListsResult>(colleagueToken, lists());
    expect(mine.body.errors).toBeUndefined();
    // The named suggestions each follow their own author, which is not about the anonymous one;
    // strip those two ids from the follow filters before comparing.
    const named = (await data<{ suggestions: { edges: { node: { id: string; author: { id: string } | null } }[] } }>(tenant.reader, '{ suggestions(first: 10, filter: { search: "Loyalty" }) { edges { node { id author { id } } } } }')).suggestions.edges.map((e) => e.node);
    const normalise = (body: GraphQLResponse<ListsResult>['body']) => {
      const copy = JSON.parse(JSON.stringify(body)) as { data: ListsResult };
      for (const key of ['followed', 'notFollowed'] as const) {
        copy.data[key].edges = copy.data[key].edges.filter((e) => !named.some((n) => n.id === e.node.id));
        copy.data[key].totalCount = copy.data[key].edges.length;
      }
      copy.data.newest.edges.forEach((e: { node: Partial<AllFields> }) => delete e.node.viewerFollows);
      return copy;
    };
    expect(normalise(mine.body)).toEqual(normalise(theirs.body));
    expect(mine.statements).toBe(theirs.statements);
    const anon = mine.body.data!;
    const node = anon.newest.edges.find((e) => e.node.id === secretId)!.node;
    expect(node.author).toBeNull();
    expect(node.viewerFollows).toBe(false);
    expect(node.history).toEqual([{ from: null, to: 'SUBMITTED', actorKind: 'ANONYMOUS', actor: null, note: null, at: expect.any(String) }]);
    expect(anon.followed.edges.map((e) => e.node.id)).not.toContain(secretId);
    expect(anon.byTeam.edges.map((e) => e.node.id)).not.toContain(secretId);
    expect(anon.bySearch.totalCount).toBe(0);
  });

  it('reveal nothing to admins, managers or readers', async () => {
    for (const key of [tenant.admin, tenant.manager, tenant.reader, managerToken]) {
      // The selection is built from ALL_FIELDS and lists(); the assertions read only node and the JSON text.
      const result = await data<{ node: { author: { id: string; name: string } | null } | null }>(key, `query($id: ID!) { node(id: $id) { ... on Suggestion { ${ALL_FIELDS} } } ${lists().slice(1, -1)} }`, { id: secretId });
      const text = JSON.stringify(result);
      expect(result.node!.author).toBeNull();
      expect(text).toContain('Ava Author'); // her named suggestion is listed with her name...
      // ...but never next to the anonymous one.
      expect(JSON.stringify(result.node)).not.toContain(author);
      expect(JSON.stringify(result.node)).not.toContain('Ava');
    }
    // The directory has no path from an employee to suggestions.
    const employeeType = await data<{ __type: { fields: { name: string }[] } }>(tenant.admin, '{ __type(name: "Employee") { fields { name } } }');
    expect(employeeType.__type.fields.map((f) => f.name).join(' ')).not.toMatch(/suggest/i);
    const filterType = await data<{ __type: { inputFields: { name: string }[] } }>(tenant.admin, '{ __type(name: "SuggestionFilter") { inputFields { name } } }');
    expect(filterType.__type.inputFields.map((f) => f.name).sort()).toEqual(['category', 'followedByMe', 'search', 'status', 'teamId', 'theme']);
  });

  it("the author's vote on their own anonymous suggestion looks like anyone's vote", async () => {
    const VOTE = `mutation($input: SuggestionRefInput!) { voteForSuggestion(input: $input) { suggestion { ${ALL_FIELDS} } errors { code path message } } }`;
    type VoteResult = { voteForSuggestion: { suggestion: { id: string; category: 'AVOIDABLE_TASK' | 'COST_SAVING' | 'LONG_PROCESS' | 'OTHER' | 'REPEATED_QUESTION' | 'SERVICE_IDEA'; title: string; body: string; anonymous: boolean; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; declineReason: string | null; voteCount: number; commentCount: number; viewerHasVoted: boolean; viewerFollows: boolean; author: { id: string; name: string } | null; team: { id: string } | null; themes: { key: string; label: string }[]; createdAt: string; updatedAt: string; experiment: { id: string } | null; history: { from: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW' | null; to: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; actorKind: 'ANONYMOUS' | 'API_KEY' | 'EMPLOYEE'; actor: { id: string } | null; note: string | null; at: string }[]; comments: { totalCount: number; edges: { node: { id: string; kind: 'COMMENT' | 'REPLY'; body: string; author: { id: string } | null } }[] } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
    const RETRACT = `mutation($input: SuggestionRefInput!) { retractSuggestionVote(input: $input) { suggestion { voteCount viewerHasVoted } errors { code path message } } }`;
    type RetractResult = { retractSuggestionVote: { suggestion: { voteCount: number; viewerHasVoted: boolean } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
    const byAuthor = await gql<VoteResult>(authorToken, VOTE, { input: { suggestionId: secretId } });
    const byColleague = await gql<VoteResult>(colleagueToken, VOTE, { input: { suggestionId: secretId } });
    // Only the count differs; updatedAt does not move on votes (a moving timestamp would date the author's vote).
    const strip = (body: GraphQLResponse<VoteResult>['body']): unknown => JSON.parse(JSON.stringify(body).replaceAll('"voteCount":1', '"voteCount":0').replaceAll('"voteCount":2', '"voteCount":0'));
    expect(strip(byAuthor.body)).toEqual(strip(byColleague.body));
    expect(byAuthor.statements).toBe(byColleague.statements);
    expect(byColleague.body.data!.voteForSuggestion.suggestion!.voteCount).toBe(2);
    const retractA = await gql<RetractResult>(authorToken, RETRACT, { input: { suggestionId: secretId } });
    const retractC = await gql<RetractResult>(colleagueToken, RETRACT, { input: { suggestionId: secretId } });
    expect(retractA.statements).toBe(retractC.statements);
    expect(retractC.body.data!.retractSuggestionVote.suggestion).toEqual({ voteCount: 0, viewerHasVoted: false });
  });

  it('errors do not depend on authorship', async () => {
    const attempts = [
      ['mutation($input: SuggestionTextInput!) { commentOnSuggestion(input: $input) { comment { id } errors { code path message } } }', { suggestionId: secretId, body: '' }],
      ['mutation($input: SuggestionRefInput!) { followSuggestion(input: $input) { suggestion { viewerFollows } errors { code path message } } }', { suggestionId: secretId }],
      ['mutation($input: SuggestionRefInput!) { unfollowSuggestion(input: $input) { suggestion { viewerFollows } errors { code path message } } }', { suggestionId: secretId }],
      ['mutation($input: SuggestionTextInput!) { replyToSuggestion(input: $input) { comment { id } errors { code path message } } }', { suggestionId: secretId, body: 'x' }],
      ['mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { suggestion { id } errors { code path message } } }', { suggestionId: secretId, status: 'ADOPTED' }],
      ['mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { suggestion { id } errors { code path message } } }', { category: 'OTHER', title: '', body: '' }],
    ] as const;
    for (const [mutation, input] of attempts) {
      const mine = await gql(authorToken, mutation, { input });
      const theirs = await gql(colleagueToken, mutation, { input });
      expect(mine.body, mutation).toEqual(theirs.body);
      expect(mine.statements, mutation).toBe(theirs.statements);
    }
    // Reviewers get the same answer about it as about a named suggestion in the same state.
    const named = (await data<SubmitResult>(colleagueToken, SUBMIT, { input: { category: 'OTHER', title: 'Named', body: 'Named one.' } })).submitSuggestion.suggestion!.id;
    const CHANGE = 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { suggestion { id } errors { code path message } } }';
    type ChangeResult = { changeSuggestionStatus: { suggestion: { id: string } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
    const onSecret = await gql<ChangeResult>(tenant.admin, CHANGE, { input: { suggestionId: secretId, status: 'ADOPTED' } });
    const onNamed = await gql<ChangeResult>(tenant.admin, CHANGE, { input: { suggestionId: named, status: 'ADOPTED' } });
    expect(onSecret.body).toEqual(onNamed.body);
    expect(onSecret.statements).toBe(onNamed.statements);
  });

  it('the author follows it and reads replies with the follow code, and only with it', async () => {
    await data<{ replyToSuggestion: { errors: { code: UserErrorCode }[] } }>(tenant.manager, 'mutation($input: SuggestionTextInput!) { replyToSuggestion(input: $input) { errors { code } } }', {
      input: { suggestionId: secretId, body: 'Good point: we will try a digital logger.' },
    });
    await data<{ changeSuggestionStatus: { errors: { code: UserErrorCode }[] } }>(tenant.manager, 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { errors { code } } }', {
      input: { suggestionId: secretId, status: 'UNDER_REVIEW' },
    });
    const QUERY = 'query($code: String!) { suggestionByFollowCode(code: $code) { id status author { id } comments(first: 10) { edges { node { kind body } } } } }';
    type QueryResult = { suggestionByFollowCode: { id: string; status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; author: { id: string } | null; comments: { edges: { node: { kind: 'COMMENT' | 'REPLY'; body: string } }[] } } | null };
    const followed = await data<QueryResult>(authorToken, QUERY, { code: followCode });
    expect(followed.suggestionByFollowCode).toEqual({
      id: secretId,
      status: 'UNDER_REVIEW',
      author: null,
      comments: { edges: [{ node: { kind: 'REPLY', body: 'Good point: we will try a digital logger.' } }] },
    });
    // The code works from any credential of the tenant (e.g. a kiosk app), and no other.
    expect((await data<QueryResult>(tenant.reader, QUERY, { code: followCode })).suggestionByFollowCode!.id).toBe(secretId);
    const other = await createTenant();
    expect((await data<QueryResult>(other.admin, QUERY, { code: followCode })).suggestionByFollowCode).toBeNull();
    const wrong = followCode.slice(0, -1) + (followCode.endsWith('a') ? 'b' : 'a');
    expect((await data<QueryResult>(authorToken, QUERY, { code: wrong })).suggestionByFollowCode).toBeNull();
    expect((await data<QueryResult>(authorToken, QUERY, { code: 'nonsense' })).suggestionByFollowCode).toBeNull();
    // Named suggestions have no follow code.
    const named = await data<SubmitResult>(authorToken, SUBMIT, { input: { category: 'OTHER', title: 'Named', body: 'x' } });
    expect(named.submitSuggestion.followCode).toBeNull();
  });

  it('a declined anonymous suggestion shows its reason through the follow code', async () => {
    const created = await data<SubmitResult>(colleagueToken, SUBMIT, { input: { category: 'COST_SAVING', title: 'Cheaper cups', body: 'Buy cups in bulk.', anonymous: true } });
    const { followCode: code, suggestion } = created.submitSuggestion;
    await data<{ changeSuggestionStatus: { errors: { code: UserErrorCode }[] } }>(tenant.admin, 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { errors { code } } }', {
      input: { suggestionId: suggestion!.id, status: 'DECLINED', reason: 'We already buy at the bulk price.' },
    });
    const seen = await data<{ suggestionByFollowCode: { status: 'ACCEPTED' | 'ADOPTED' | 'DECLINED' | 'EXPERIMENTING' | 'SUBMITTED' | 'UNDER_REVIEW'; declineReason: string | null } | null }>(colleagueToken, 'query($code: String!) { suggestionByFollowCode(code: $code) { status declineReason } }', { code });
    expect(seen.suggestionByFollowCode).toEqual({ status: 'DECLINED', declineReason: 'We already buy at the bulk price.' });
  });
});

/**
 * The anonymous author answers in the thread with the follow code (replyByFollowCode). The code is
 * the only authority: whoever sends it gets the same answer, the database gains one comment row of
 * kind `author` with no author, and every reader of the thread (leads, managers, admins) sees "the
 * author" and nobody else. The anonymity suite (suggestion-anonymity.test.ts) covers the rest of
 * the suggestion; this file covers its thread.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, TEST_NOW, type GraphQLResponse, type TestTenant, type UserErrorCode } from '../../test/helpers.ts';

const DAY = 86_400_000;

let tenant: TestTenant;
let author: string;
let authorToken: string;
let colleagueToken: string;
let leadToken: string;
let managerToken: string;
let secretId: string;
let followCode: string;

type CommentKind = 'AUTHOR' | 'COMMENT' | 'REPLY';
type UserError = { code: UserErrorCode; path: string[]; message: string };

const SUBMIT = `mutation($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { followCode suggestion { id } errors { code message } } }`;
type SubmitResult = { submitSuggestion: { followCode: string | null; suggestion: { id: string } | null; errors: { code: UserErrorCode; message: string }[] } };

const REPLY = `mutation($input: ReplyByFollowCodeInput!) {
  replyByFollowCode(input: $input) { comment { id kind body author { id name } createdAt suggestion { id } } errors { code path message } }
}`;
type ReplyResult = {
  replyByFollowCode: {
    comment: { id: string; kind: CommentKind; body: string; author: { id: string; name: string } | null; createdAt: string; suggestion: { id: string } } | null;
    errors: UserError[];
  };
};

const THREAD = `query($id: ID!) { node(id: $id) { ... on Suggestion {
  commentCount comments(first: 50) { totalCount edges { cursor node { id kind body createdAt author { id name email } } } }
} } }`;
type ThreadResult = {
  node: {
    commentCount: number;
    comments: { totalCount: number; edges: { cursor: string; node: { id: string; kind: CommentKind; body: string; createdAt: string; author: { id: string; name: string; email: string } | null } }[] };
  } | null;
};

const BY_CODE = 'query($code: String!) { suggestionByFollowCode(code: $code) { id comments(first: 50) { edges { node { kind body author { id } } } } } }';
type ByCodeResult = { suggestionByFollowCode: { id: string; comments: { edges: { node: { kind: CommentKind; body: string; author: { id: string } | null } }[] } } | null };

const reply = (credential: string, input: { followCode: string; body: string }, now?: Date) => gql<ReplyResult>(credential, REPLY, { input }, now ? { now } : {});

async function submitAnonymous(token: string, title: string): Promise<{ id: string; code: string }> {
  const result = await data<SubmitResult>(token, SUBMIT, { input: { category: 'LONG_PROCESS', title, body: `${title}: it takes a whole shift.`, anonymous: true } });
  expect(result.submitSuggestion.errors).toEqual([]);
  return { id: result.submitSuggestion.suggestion!.id, code: result.submitSuggestion.followCode! };
}

/** Every row of every application table, as JSON text keyed by table, to diff what a request wrote. */
async function snapshot(): Promise<Map<string, Set<string>>> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'").all<{ name: string }>();
  const rows = new Map<string, Set<string>>();
  for (const { name } of tables.results) {
    const all = await env.DB.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>();
    // A key's last_used_at is refreshed in the background by any request: not about the reply.
    rows.set(name, new Set(all.results.map((row) => JSON.stringify(name === 'api_keys' ? { ...row, last_used_at: null } : row))));
  }
  return rows;
}

function added(before: Map<string, Set<string>>, after: Map<string, Set<string>>): { table: string; row: string }[] {
  const out: { table: string; row: string }[] = [];
  for (const [table, rows] of after) for (const row of rows) if (!before.get(table)?.has(row)) out.push({ table, row });
  for (const [table, rows] of before) for (const row of rows) if (!after.get(table)?.has(row)) out.push({ table, row: `removed or changed: ${row}` });
  return out;
}

beforeAll(async () => {
  tenant = await createTenant();
  const team = await createTeam(tenant.admin, 'Early shift');
  author = await createEmployee(tenant.admin, { name: 'Ava Author', teamId: team });
  const colleague = await createEmployee(tenant.admin, { name: 'Carl Colleague', teamId: team });
  const lead = await createEmployee(tenant.admin, { name: 'Lea Lead', role: 'LEAD', teamId: team });
  const manager = await createEmployee(tenant.admin, { name: 'Meg Manager', role: 'MANAGER', teamId: team });
  [authorToken, colleagueToken, leadToken, managerToken] = await Promise.all([
    employeeToken(tenant.admin, author),
    employeeToken(tenant.admin, colleague),
    employeeToken(tenant.admin, lead),
    employeeToken(tenant.admin, manager),
  ]);
  ({ id: secretId, code: followCode } = await submitAnonymous(authorToken, 'Stock count on paper'));
  await data<{ replyToSuggestion: { errors: UserError[] } }>(managerToken, 'mutation($input: SuggestionTextInput!) { replyToSuggestion(input: $input) { errors { code path message } } }', {
    input: { suggestionId: secretId, body: 'Which form takes longest?' },
  });
});

describe('replies by follow code', () => {
  it('appear in the thread as the author, for staff and for the follow-code reader, and write nothing that names the author', async () => {
    const before = await snapshot();
    const result = await reply(authorToken, { followCode, body: 'The delivery check form: three pages for one pallet.' });
    expect(result.body.errors).toBeUndefined();
    const { comment, errors } = result.body.data!.replyByFollowCode;
    expect(errors).toEqual([]);
    expect(comment).toMatchObject({ kind: 'AUTHOR', body: 'The delivery check form: three pages for one pallet.', author: null, suggestion: { id: secretId } });

    // The database gained exactly one row: the comment, with no author and nothing of the caller.
    const changes = added(before, await snapshot());
    expect(changes.map((change) => change.table)).toEqual(['suggestion_comments']);
    const row = JSON.parse(changes[0]!.row) as Record<string, unknown>;
    expect(row).toMatchObject({ kind: 'author', author_id: null, suggestion_id: localId(secretId), body: 'The delivery check form: three pages for one pallet.' });
    for (const trace of [localId(author), 'Ava', 'ava.', followCode, authorToken]) expect(changes[0]!.row).not.toContain(trace);

    // Staff see the thread with "the author" in it and no person behind it.
    for (const reader of [tenant.admin, tenant.manager, tenant.reader, leadToken, managerToken, colleagueToken]) {
      const thread = (await data<ThreadResult>(reader, THREAD, { id: secretId })).node!;
      expect(thread.commentCount).toBe(2);
      expect(thread.comments.edges.map((edge) => [edge.node.kind, edge.node.body, edge.node.author?.name ?? null])).toEqual([
        ['REPLY', 'Which form takes longest?', 'Meg Manager'],
        ['AUTHOR', 'The delivery check form: three pages for one pallet.', null],
      ]);
      expect(JSON.stringify(thread)).not.toContain(localId(author));
      expect(JSON.stringify(thread)).not.toContain('Ava');
    }
    // The author reads the same thread with the code.
    const byCode = await data<ByCodeResult>(authorToken, BY_CODE, { code: followCode });
    expect(byCode.suggestionByFollowCode!.comments.edges.map((edge) => edge.node)).toEqual([
      { kind: 'REPLY', body: 'Which form takes longest?', author: { id: expect.any(String) } },
      { kind: 'AUTHOR', body: 'The delivery check form: three pages for one pallet.', author: null },
    ]);
  });

  it("look the same whoever sends the code: the author's reply cannot be told from a colleague's", async () => {
    const { id, code } = await submitAnonymous(authorToken, 'Till float counted twice');
    // (Default request instants: the employee tokens live 15 minutes from TEST_NOW.)
    const mine = await reply(authorToken, { followCode: code, body: 'Same words.' });
    const theirs = await reply(colleagueToken, { followCode: code, body: 'Same words.' });
    expect(mine.body.errors).toBeUndefined();
    const mask = (body: GraphQLResponse<ReplyResult>['body']) => {
      const comment = body.data!.replyByFollowCode.comment!;
      return { ...body.data!.replyByFollowCode, comment: { ...comment, id: 'ID', createdAt: 'AT' } };
    };
    expect(mask(mine.body)).toEqual(mask(theirs.body));
    expect(mine.statements).toBe(theirs.statements);
    const rows = await env.DB.prepare("SELECT * FROM suggestion_comments WHERE suggestion_id = ? AND kind = 'author' ORDER BY created_at").bind(localId(id)).all<Record<string, unknown>>();
    const strip = (row: Record<string, unknown>) => ({ ...row, id: 'ID', created_at: 'AT' });
    expect(rows.results).toHaveLength(2);
    expect(strip(rows.results[0]!)).toEqual(strip(rows.results[1]!));
    // To an admin both are "the author".
    const thread = (await data<ThreadResult>(tenant.admin, THREAD, { id })).node!;
    expect(thread.comments.edges.map((edge) => [edge.node.kind, edge.node.author])).toEqual([['AUTHOR', null], ['AUTHOR', null]]);
  });

  it('refuse a wrong, malformed or other tenant’s code, an empty text and a reader key, with errors saying what to fix', async () => {
    const wrong = followCode.slice(0, -1) + (followCode.endsWith('a') ? 'b' : 'a');
    const notFound = await reply(authorToken, { followCode: wrong, body: 'Hello?' });
    expect(notFound.body.data!.replyByFollowCode).toEqual({
      comment: null,
      errors: [{ code: 'NOT_FOUND', path: ['input', 'followCode'], message: 'No suggestion of your organisation has this follow code. Check that it was copied whole.' }],
    });
    // Another organisation's key with a real code answers exactly like a wrong code.
    const other = await createTenant();
    const crossTenant = await reply(other.admin, { followCode, body: 'Hello?' });
    expect(crossTenant.body).toEqual(notFound.body);
    const malformed = await reply(authorToken, { followCode: 'ABC123', body: 'Hello?' });
    expect(malformed.body.data!.replyByFollowCode.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'followCode'], message: expect.stringContaining('follow codes start with "fl_fc_"') },
    ]);
    const empty = await reply(authorToken, { followCode, body: '   ' });
    expect(empty.body.data!.replyByFollowCode.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'body'], message: 'Write something to post.' }]);
    const readerKey = await reply(tenant.reader, { followCode, body: 'Hello?' });
    expect(readerKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nothing was written by any of them.
    const count = await env.DB.prepare("SELECT count(*) AS n FROM suggestion_comments WHERE body = 'Hello?'").first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it(`are bounded: ${5} per suggestion in 24 hours, then LIMIT_REACHED until the window moves on`, async () => {
    const { code } = await submitAnonymous(authorToken, 'Printer jams at close');
    const start = TEST_NOW.getTime() + 2 * 3_600_000;
    for (let n = 0; n < 5; n++) {
      const ok = await reply(tenant.admin, { followCode: code, body: `Reply ${n}` }, new Date(start + n * 60_000));
      expect(ok.body.data!.replyByFollowCode.errors).toEqual([]);
    }
    const sixth = await reply(tenant.admin, { followCode: code, body: 'Reply 5' }, new Date(start + 10 * 60_000));
    expect(sixth.body.data!.replyByFollowCode).toEqual({
      comment: null,
      errors: [{ code: 'LIMIT_REACHED', path: ['input', 'followCode'], message: 'A follow code can post at most 5 replies to its suggestion in 24 hours. Try again later.' }],
    });
    const nextDay = await reply(tenant.admin, { followCode: code, body: 'Reply 5' }, new Date(start + DAY + 1000));
    expect(nextDay.body.data!.replyByFollowCode.errors).toEqual([]);
  });

  it('close 30 days after the suggestion is declined or adopted; the code still reads it', async () => {
    const { id, code } = await submitAnonymous(authorToken, 'Two logins for the rota');
    const declinedAt = new Date(TEST_NOW.getTime() + 5 * 3_600_000);
    await data<{ changeSuggestionStatus: { errors: UserError[] } }>(tenant.admin, 'mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { errors { code path message } } }', {
      input: { suggestionId: id, status: 'DECLINED', reason: 'The rota system is run by head office.' },
    }, { now: declinedAt });
    const within = await reply(tenant.admin, { followCode: code, body: 'Could we ask head office?' }, new Date(declinedAt.getTime() + 29 * DAY));
    expect(within.body.data!.replyByFollowCode.errors).toEqual([]);
    const after = await reply(tenant.admin, { followCode: code, body: 'Any news?' }, new Date(declinedAt.getTime() + 31 * DAY));
    expect(after.body.data!.replyByFollowCode.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'followCode'], message: expect.stringMatching(/is DECLINED and its thread stopped taking replies on \d{4}-\d\d-\d\d, 30 days after it closed/) },
    ]);
    const stillReads = await data<ByCodeResult>(tenant.reader, BY_CODE, { code }, { now: new Date(declinedAt.getTime() + 31 * DAY) });
    expect(stillReads.suggestionByFollowCode!.comments.edges.map((edge) => edge.node.body)).toEqual(['Could we ask head office?']);
  });

  it('work with a SUGGESTIONS-scoped token, as a widget or kiosk app holds', async () => {
    const minted = await data<{ createEmployeeToken: { token: string | null; errors: UserError[] } }>(tenant.admin, 'mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token errors { code path message } } }', {
      input: { employeeId: author, ttlSeconds: 600, scopes: ['SUGGESTIONS'] },
    });
    const scoped = minted.createEmployeeToken.token!;
    // A scoped token may not select Employee fields (the directory), so no `author` here.
    const result = await gql<{ replyByFollowCode: { comment: { kind: CommentKind; body: string } | null; errors: UserError[] } }>(
      scoped,
      'mutation($input: ReplyByFollowCodeInput!) { replyByFollowCode(input: $input) { comment { kind body } errors { code path message } } }',
      { input: { followCode, body: 'From the break-room tablet.' } },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.replyByFollowCode).toEqual({ comment: { kind: 'AUTHOR', body: 'From the break-room tablet.' }, errors: [] });
  });
});

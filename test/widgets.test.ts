/**
 * Partner widgets through the Worker's own fetch: publishable keys, origins and preflights,
 * trusted documents, what a key can see, customer feedback (replacement, spam rules, rate limits)
 * and scoped employee tokens for the suggestion box.
 */
import { env, exports } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, TEST_NOW, type UserErrorCode } from './helpers.ts';
import { createPublicEmployee, createPublishableKey, SHOP, tapId, widgetFetch } from './widget-helpers.ts';

interface FeedbackRow {
  source: string;
  kind: string;
  rating: number | null;
  body: string;
  employee_id: string;
}

const feedbackRowsOf = (employeeGlobalId: string) =>
  env.DB.prepare('SELECT source, kind, rating, body, employee_id FROM feedback WHERE employee_id = ? ORDER BY created_at')
    .bind(localId(employeeGlobalId))
    .all<FeedbackRow>()
    .then((result) => result.results);

interface People {
  widgetEmployees: { id: string; firstName: string; photoUrl: string | null }[];
}
interface Submitted {
  submitWidgetFeedback: { recorded: boolean; replaced: boolean; errors: { code: string; path: string[]; message: string }[] };
}

async function setup() {
  const tenant = await createTenant();
  const { key, id: keyId } = await createPublishableKey(tenant.admin);
  const ana = await createPublicEmployee(tenant.admin, 'Ana Silva', { photoUrl: 'https://cdn.example.com/ana.jpg' });
  const hidden = await createEmployee(tenant.admin, { name: 'Hidden Person' });
  return { tenant, key, keyId, ana, hidden };
}

describe('publishable keys', () => {
  it('are created by admins for valid origins, shown once, listed by prefix', async () => {
    const tenant = await createTenant();
    const { key } = await createPublishableKey(tenant.admin, ['https://Shop.Example.com/', 'http://localhost:5173']);
    expect(key).toMatch(/^fl_pk_[0-9A-Za-z]{32}$/);
    const list = await data<{ publishableKeys: { edges: ({ node: { prefix: string; allowedOrigins: string[]; widgets: ('FEEDBACK' | 'GOAL_PROGRESS' | 'KUDOS_WALL' | 'SUGGESTION_BOX')[]; active: boolean } })[] } }>(tenant.admin, '{ publishableKeys(first: 5) { edges { node { prefix allowedOrigins widgets active } } } }');
    expect(list.publishableKeys.edges).toEqual([
      { node: { prefix: key.slice(0, 12), allowedOrigins: ['https://shop.example.com', 'http://localhost:5173'], widgets: ['FEEDBACK', 'KUDOS_WALL', 'GOAL_PROGRESS', 'SUGGESTION_BOX'], active: true } },
    ]);
    const stored = await env.DB.prepare('SELECT hash FROM publishable_keys WHERE prefix = ?').bind(key.slice(0, 12)).first<{ hash: string }>();
    expect(stored?.hash).not.toContain(key.slice(6));
  });

  it('refuse bad origins field by field and write nothing', async () => {
    const tenant = await createTenant();
    const result = await data<{ createPublishableKey: { key: string | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.admin, `mutation($input: CreatePublishableKeyInput!) { createPublishableKey(input: $input) { key errors { code path message } } }`, {
      input: { name: ' ', allowedOrigins: ['https://ok.example.com', 'http://plain.example.com', 'https://*.example.com'], widgets: [] },
    });
    expect(result.createPublishableKey.key).toBeNull();
    expect(result.createPublishableKey.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual([
      'input.name',
      'input.allowedOrigins.1',
      'input.allowedOrigins.2',
      'input.widgets',
    ]);
    const count = await env.DB.prepare('SELECT count(*) AS n FROM publishable_keys WHERE tenant_id = ?').bind(localId(tenant.id)).first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it('are managed by admins only', async () => {
    const tenant = await createTenant();
    const result = await gql(tenant.manager, `mutation { createPublishableKey(input: { name: "x", allowedOrigins: ["${SHOP}"], widgets: [FEEDBACK] }) { key } }`);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('do not work as a Bearer credential on /graphql', async () => {
    const { key } = await setup();
    const result = await gql(key, '{ viewer { role } }');
    expect(result.status).toBe(401);
  });
});

describe('origins and preflights', () => {
  const preflight = (key: string, origin: string) =>
    exports.default.fetch(
      new Request(`http://frontline.test/graphql?key=${key}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      }),
    );

  it('answer an allowed origin with its own origin, never * or credentials', async () => {
    const { key } = await setup();
    const response = await preflight(key, SHOP);
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('POST');
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Content-Type');
    expect(response.headers.get('Vary')).toBe('Origin');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('give other origins and unknown keys no CORS headers at all', async () => {
    const { key } = await setup();
    for (const response of [await preflight(key, 'https://evil.example.com'), await preflight(`fl_pk_${'x'.repeat(32)}`, SHOP)]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(response.headers.get('Vary')).toBe('Origin');
    }
  });

  it('refuse a request from another origin or with no origin, before running anything', async () => {
    const { key } = await setup();
    const foreign = await widgetFetch(key, 'FeedbackPeople', {}, { origin: 'https://evil.example.com' });
    expect(foreign.status).toBe(403);
    expect(foreign.body?.errors?.[0]?.extensions?.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const none = await widgetFetch(key, 'FeedbackPeople', {}, { origin: null });
    expect(none.status).toBe(403);
  });

  it('refuse unknown and revoked keys', async () => {
    const { tenant, key, keyId } = await setup();
    expect((await widgetFetch(`fl_pk_${'y'.repeat(32)}`, 'FeedbackPeople')).body?.errors?.[0]?.extensions?.code).toBe('WIDGET_KEY_INVALID');
    expect((await widgetFetch('not-a-key', 'FeedbackPeople')).status).toBe(401);
    expect((await widgetFetch(key, 'FeedbackPeople')).status).toBe(200);
    const revoked = await data<{ revokePublishableKey: { publishableKey: { active: boolean; revokedAt: string | null } | null; errors: { message: string }[] } }>(tenant.admin, `mutation($id: ID!) { revokePublishableKey(input: { id: $id }) { publishableKey { active revokedAt } errors { message } } }`, { id: keyId });
    expect(revoked.revokePublishableKey.publishableKey!.active).toBe(false);
    const after = await widgetFetch(key, 'FeedbackPeople');
    expect(after.status).toBe(401);
    expect(after.body?.errors?.[0]?.extensions?.code).toBe('WIDGET_KEY_INVALID');
  });
});

describe('trusted documents', () => {
  it('run by hash and answer with the key origin CORS header', async () => {
    const { key, ana } = await setup();
    const result = await widgetFetch<People>(key, 'FeedbackPeople');
    expect(result.status).toBe(200);
    expect(result.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(result.headers.get('Vary')).toContain('Origin');
    // Only the public employee, and only first name and photo.
    expect(result.body?.data?.widgetEmployees).toEqual([{ id: ana, firstName: 'Ana', photoUrl: 'https://cdn.example.com/ana.jpg' }]);
  });

  it('refuse any other document, with a code that says why', async () => {
    const { key } = await setup();
    const raw = await widgetFetch(key, null, {}, { body: { query: '{ employees(first: 5) { edges { node { email } } } }' } });
    expect(raw.status).toBe(400);
    expect(raw.body?.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    expect(raw.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    const unknown = await widgetFetch(key, null, {}, { body: { extensions: { persistedQuery: { sha256Hash: 'a'.repeat(64) } } } });
    expect(unknown.body?.errors?.[0]?.extensions?.code).toBe('UNKNOWN_DOCUMENT');
    const get = await widgetFetch(key, 'FeedbackPeople', {}, { method: 'GET' });
    expect(get.status).toBe(405);
  });

  it('run only for the widgets the key serves', async () => {
    const tenant = await createTenant();
    const { key } = await createPublishableKey(tenant.admin, [SHOP], ['KUDOS_WALL']);
    const result = await widgetFetch(key, 'FeedbackPeople');
    expect(result.status).toBe(403);
    expect(result.body?.errors?.[0]?.extensions?.code).toBe('WIDGET_NOT_ENABLED');
    expect((await widgetFetch(key, 'KudosWall')).status).toBe(200);
  });
});

describe('customer feedback from the widget', () => {
  it('records a tap at once as WIDGET feedback on the employee, visible through GraphQL', async () => {
    const { tenant, key, ana } = await setup();
    const tap = tapId();
    const result = await widgetFetch<Submitted>(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tap } });
    expect(result.body?.data?.submitWidgetFeedback).toEqual({ recorded: true, replaced: false, errors: [] });
    const seen = await data<{ node: { voice: { praiseCount: number } } | null; feedback: { edges: { node: { source: 'COMPLAINT_RECORD' | 'IMPORT' | 'MANAGER' | 'PEER' | 'SURVEY_CALL' | 'WIDGET'; kind: 'COMPLAINT' | 'IDEA' | 'PRAISE'; rating: number | null; employee: { name: string } | null } }[] } }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Employee { voice { praiseCount } } } feedback(first: 5, filter: { source: WIDGET }) { edges { node { source kind rating employee { name } } } } }`, { id: ana });
    expect(seen.feedback.edges).toEqual([{ node: { source: 'WIDGET', kind: 'PRAISE', rating: 5, employee: { name: 'Ana Silva' } } }]);
    expect(seen.node!.voice.praiseCount).toBe(1);
  });

  it('lets a second tap with the same tap id replace the first, and a comment join it', async () => {
    const { key, ana } = await setup();
    const tap = tapId();
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tap } });
    const second = await widgetFetch<Submitted>(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 2, tapId: tap } });
    expect(second.body?.data?.submitWidgetFeedback.replaced).toBe(true);
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 2, tapId: tap, comment: 'The queue was very slow today.' } });
    expect(await feedbackRowsOf(ana)).toEqual([{ source: 'widget', kind: 'complaint', rating: 2, body: 'The queue was very slow today.', employee_id: localId(ana) }]);
    // Another browser (another tap id) adds its own.
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 4, tapId: tapId() } });
    expect((await feedbackRowsOf(ana)).map((row) => row.rating)).toEqual([2, 4]);
  });

  it('answers bots and repeated comments like successes but writes nothing', async () => {
    const { key, ana } = await setup();
    const bot = await widgetFetch<Submitted>(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tapId(), honeypot: 'http://spam.example' } });
    expect(bot.body?.data?.submitWidgetFeedback.recorded).toBe(true);
    expect(await feedbackRowsOf(ana)).toEqual([]);
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tapId(), comment: 'Lovely service!' } });
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tapId(), comment: 'lovely  service' } });
    expect((await feedbackRowsOf(ana)).map((row) => row.body)).toEqual(['Lovely service!']);
  });

  it('reports bad input by field and refuses people who are not public or not in this tenant', async () => {
    const { key, ana, hidden } = await setup();
    const bad = await widgetFetch<Submitted>(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 6, tapId: 'x', comment: 'a'.repeat(1001) } });
    expect(bad.body?.data?.submitWidgetFeedback.errors.map((error) => `${error.code} ${error.path.join('.')}`)).toEqual([
      'VALIDATION input.rating',
      'VALIDATION input.comment',
      'VALIDATION input.tapId',
    ]);
    const other = await createTenant();
    const foreign = await createPublicEmployee(other.admin, 'Olga Other');
    for (const employeeId of [hidden, foreign]) {
      const result = await widgetFetch<Submitted>(key, 'SubmitFeedback', { input: { employeeId, rating: 5, tapId: tapId() } });
      expect(result.body?.data?.submitWidgetFeedback.errors[0]?.code).toBe('NOT_FOUND');
    }
    expect(await feedbackRowsOf(hidden)).toEqual([]);
    expect(await feedbackRowsOf(foreign)).toEqual([]);
  });

  it('is rate limited per client with 429 and Retry-After; another client goes on', async () => {
    const { key, ana } = await setup();
    const submit = (ip: string) => widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tapId() } }, { ip });
    // The limiter counts in fixed windows aligned to the clock (10 per minute here). If a window
    // ends during the loop the count restarts once, so the first 429 comes after 10 to 20 successes.
    let accepted = 0;
    let limited = await submit('198.51.100.20');
    while (limited.status === 200 && accepted < 25) {
      accepted++;
      limited = await submit('198.51.100.20');
    }
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(20);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(limited.body?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await submit('198.51.100.21')).status).toBe(200);
  });
});

describe('rate limits on every widget document', () => {
  it('limits reads per key with 429 and Retry-After; another key goes on', async () => {
    const { tenant, key } = await setup();
    const other = await createPublishableKey(tenant.admin);
    // 30 reads a minute per key in the tests (vitest.config.ts). A window may end during the loop,
    // so the first 429 comes after 30 to 60 successes; clients do not matter for reads.
    let accepted = 0;
    let limited = await widgetFetch(key, 'KudosWall', { first: 5 }, { ip: '198.51.100.30' });
    while (limited.status === 200 && accepted < 70) {
      accepted++;
      limited = await widgetFetch(key, accepted % 2 ? 'FeedbackPeople' : 'KudosWall', {}, { ip: `198.51.100.${accepted}` });
    }
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(60);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe(SHOP);
    expect(limited.body?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await widgetFetch(other.key, 'KudosWall', { first: 5 })).status).toBe(200);
  });
});

describe('what a publishable key sees', () => {
  it('gets the kudos wall: public first names, no givers, no complaint records', async () => {
    const { tenant, key, ana } = await setup();
    const giver = await createEmployee(tenant.admin, { name: 'Gina Giver' });
    const token = await employeeToken(tenant.admin, giver);
    await data(token, `mutation($id: ID!) { giveRecognition(input: { recipientIds: [$id], message: "Calm with a hard customer", value: "Care" }) { errors { message } } }`, { id: ana });
    await data(tenant.admin, `mutation($id: ID!) { recordFeedback(input: { kind: COMPLAINT, source: COMPLAINT_RECORD, body: "Rude on the phone", employeeId: $id }) { errors { message } } }`, { id: ana });
    await data(tenant.admin, `mutation($id: ID!) { recordFeedback(input: { kind: PRAISE, source: MANAGER, body: "Ana found my lost card", employeeId: $id }) { errors { message } } }`, { id: ana });
    const wall = await widgetFetch<{ widgetKudos: { kind: string; message: string; people: string[] }[] }>(key, 'KudosWall', { first: 10 });
    expect(wall.body?.data?.widgetKudos.map(({ kind, message, people }) => ({ kind, message, people }))).toEqual([
      { kind: 'PRAISE', message: 'Ana found my lost card', people: ['Ana'] },
      { kind: 'RECOGNITION', message: 'Calm with a hard customer', people: ['Ana'] },
    ]);
    expect(JSON.stringify(wall.body)).not.toContain('Gina');
  });

  it('never shows what customers typed into the feedback widget (no moderation yet), nor star-only ratings', async () => {
    const { key, ana } = await setup();
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tapId(), comment: 'Visit spam.example for cheap watches' } });
    await widgetFetch(key, 'SubmitFeedback', { input: { employeeId: ana, rating: 5, tapId: tapId() } });
    expect((await feedbackRowsOf(ana)).map((row) => row.source)).toEqual(['widget', 'widget']);
    const wall = await widgetFetch<{ widgetKudos: unknown[] }>(key, 'KudosWall', { first: 10 });
    expect(wall.body?.data?.widgetKudos).toEqual([]);
  });

  it("shows a team goal's progress but not an individual's", async () => {
    const { tenant, key, ana } = await setup();
    const team = await createTeam(tenant.admin, 'Harbour');
    const create = (scope: string, subject: string) =>
      data<{ createIncentiveProgram: { program: { id: string } | null; errors: { message: string }[] } }>(tenant.admin, `mutation($input: CreateIncentiveProgramInput!) { createIncentiveProgram(input: $input) { program { id } errors { message } } }`, {
        input: { name: `${scope} praise`, metric: 'PRAISE_COUNT', target: 10, period: 'MONTH', scope, points: 5, ...(scope === 'TEAM' ? { teamId: subject } : { employeeId: subject }) },
      });
    const teamProgram = (await create('TEAM', team)).createIncentiveProgram.program!.id as string;
    const personal = (await create('EMPLOYEE', ana)).createIncentiveProgram.program!.id as string;
    const shown = await widgetFetch<{ widgetGoalProgress: { name: string; target: number; ratio: number } | null }>(key, 'GoalProgress', { programId: teamProgram });
    expect(shown.body?.data?.widgetGoalProgress).toMatchObject({ name: 'TEAM praise', target: 10, ratio: 0 });
    const hiddenGoal = await widgetFetch<{ widgetGoalProgress: null }>(key, 'GoalProgress', { programId: personal });
    expect(hiddenGoal.body?.data?.widgetGoalProgress).toBeNull();
  });

  it('cannot reach the rest of the API through its documents: no emails, no other tenant', async () => {
    const { key } = await setup();
    const other = await createTenant();
    const otherTeam = await createTeam(other.admin, 'Elsewhere');
    await createPublicEmployee(other.admin, 'Olga Other', { teamId: otherTeam });
    const program = await data<{ createIncentiveProgram: { program: { id: string } | null } }>(other.admin, `mutation($team: ID!) { createIncentiveProgram(input: { name: "Theirs", metric: PRAISE_COUNT, target: 3, period: MONTH, scope: TEAM, teamId: $team, points: 1 }) { program { id } } }`, { team: otherTeam });
    const people = await widgetFetch<People>(key, 'FeedbackPeople');
    expect(JSON.stringify(people.body)).not.toMatch(/@|Olga|Hidden/);
    // Another tenant's team and program answer like ones that do not exist.
    expect((await widgetFetch<People>(key, 'FeedbackPeople', { teamId: otherTeam })).body?.data?.widgetEmployees).toEqual([]);
    expect((await widgetFetch(key, 'GoalProgress', { programId: program.createIncentiveProgram.program!.id })).body?.data).toEqual({ widgetGoalProgress: null });
  });

  it('reads in a fixed number of statements, however many people and kudos there are', async () => {
    const { tenant, key } = await setup();
    for (let i = 0; i < 12; i++) await createPublicEmployee(tenant.admin, `Person ${i}`);
    const people = await widgetFetch<People>(key, 'FeedbackPeople');
    expect(people.body?.data?.widgetEmployees).toHaveLength(13);
    // The publishable key's lookup, then the widget's own reads.
    expect(Number(people.headers.get('X-Frontline-Statements'))).toBe(2);
    const wall = await widgetFetch(key, 'KudosWall', { first: 20 });
    expect(Number(wall.headers.get('X-Frontline-Statements'))).toBe(3);
  });
});

/** A correctly signed SUGGESTIONS token for `employeeId` that expired an hour ago. */
async function expiredToken(tenantGlobalId: string, employeeId: string): Promise<string> {
  const now = Math.floor(TEST_NOW.getTime() / 1000);
  const jwt = await new SignJWT({ tid: localId(tenantGlobalId), iby: 'test', scp: ['suggestions'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(localId(employeeId))
    .setAudience('frontline')
    .setIssuer('frontline')
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(new TextEncoder().encode(env.EMPLOYEE_TOKEN_SECRET));
  return `fl_et_${jwt}`;
}

describe('the suggestion box with scoped employee tokens', () => {
  async function scopedToken(admin: string, employeeId: string, scopes: string[] | null) {
    const result = await data<{ createEmployeeToken: { token: string | null; errors: { message: string }[] } }>(admin, `mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token errors { message } } }`, {
      input: { employeeId, ttlSeconds: 600, ...(scopes ? { scopes } : {}) },
    });
    return result.createEmployeeToken.token as string;
  }

  it('acts as the employee of a SUGGESTIONS-scoped token of the key tenant', async () => {
    const { tenant, key } = await setup();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    const token = await scopedToken(tenant.admin, barista, ['SUGGESTIONS']);
    const submitted = await widgetFetch<{ submitSuggestion: { followCode: string | null; errors: unknown[] } }>(
      key, 'SubmitSuggestion', { input: { category: 'AVOIDABLE_TASK', title: 'Fridge log by hand', body: 'We write it three times a shift.', anonymous: true } }, { token },
    );
    expect(submitted.body?.data?.submitSuggestion.errors).toEqual([]);
    expect(submitted.body?.data?.submitSuggestion.followCode).toEqual(expect.any(String));
    const board = await widgetFetch<{ suggestions: { edges: { node: { title: string } }[] } }>(key, 'SuggestionBoard', {}, { token });
    expect(board.body?.data?.suggestions.edges.map((edge) => edge.node.title)).toEqual(['Fridge log by hand']);
  });

  it('refuses missing, unscoped, forged and other-tenant tokens', async () => {
    const { tenant, key } = await setup();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    const other = await createTenant();
    const stranger = await createEmployee(other.admin, { name: 'Sam Stranger' });
    const cases: [string | undefined, number][] = [
      [undefined, 401],
      [await scopedToken(tenant.admin, barista, null), 403],
      [await scopedToken(tenant.admin, barista, ['KUDOS']), 403],
      [await scopedToken(other.admin, stranger, ['SUGGESTIONS']), 403],
      [`${await scopedToken(tenant.admin, barista, ['SUGGESTIONS'])}x`, 401],
    ];
    for (const [token, status] of cases) {
      expect((await widgetFetch(key, 'SuggestionBoard', {}, token ? { token } : {})).status).toBe(status);
    }
    const expired = await widgetFetch(key, 'SuggestionBoard', {}, { token: await expiredToken(tenant.id, barista) });
    expect(expired.status).toBe(401);
    expect(expired.body?.errors?.[0]?.message).toBe('This employee token has expired.');
  });

  it('keeps a scoped token to its scopes on /graphql too', async () => {
    const tenant = await createTenant();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    const peer = await createEmployee(tenant.admin, { name: 'Pat Peer' });
    const token = await scopedToken(tenant.admin, barista, ['SUGGESTIONS']);
    const result = await gql(token, `mutation($id: ID!) { giveRecognition(input: { recipientIds: [$id], message: "Thanks", value: "Care" }) { errors { message } } }`, { id: peer });
    expect(result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('public profiles', () => {
  it('are set by admins only, with https photos, and an empty change is not an error', async () => {
    const tenant = await createTenant();
    const person = await createEmployee(tenant.admin, { name: 'Pia Profile' });
    const set = (key: string, input: Record<string, unknown>) =>
      gql(key, `mutation($input: SetWidgetProfileInput!) { setWidgetProfile(input: $input) { employee { public photoUrl } errors { code path message } } }`, { input: { employeeId: person, ...input } });
    expect((await set(tenant.manager, { public: true })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await set(tenant.admin, { public: true, photoUrl: 'http://cdn.example.com/pia.jpg' });
    expect(bad.body.data).toEqual({ setWidgetProfile: { employee: null, errors: [{ code: 'VALIDATION', path: ['input', 'photoUrl'], message: 'The photo URL must be an https:// address.' }] } });
    expect((await set(tenant.admin, {})).body.data).toEqual({ setWidgetProfile: { employee: { public: false, photoUrl: null }, errors: [] } });
    expect((await set(tenant.admin, { public: true, photoUrl: 'https://cdn.example.com/pia.jpg' })).body.data?.setWidgetProfile).toEqual({
      employee: { public: true, photoUrl: 'https://cdn.example.com/pia.jpg' },
      errors: [],
    });
  });
});

describe('scoped employee tokens grant only what their scope names', () => {
  async function mint(admin: string, employeeId: string, scopes: string[]) {
    const result = await data<{ createEmployeeToken: { token: string | null; errors: { code: string; path: string[]; message: string }[] } }>(admin, `mutation($input: CreateEmployeeTokenInput!) { createEmployeeToken(input: $input) { token errors { code path message } } }`, {
      input: { employeeId, ttlSeconds: 600, scopes },
    });
    return result.createEmployeeToken;
  }
  const codeOf = (result: { body: { errors?: readonly { extensions?: { code?: unknown } }[] } }) => result.body.errors?.[0]?.extensions?.code;

  it('lets a KUDOS token give recognition but not spend budgets, propose rewards or redeem', async () => {
    const tenant = await createTenant();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    const peer = await createEmployee(tenant.admin, { name: 'Pat Peer' });
    const { token } = await mint(tenant.admin, barista, ['KUDOS']);
    if (!token) throw new Error('no token');
    const given = await data<{ giveRecognition: unknown }>(token, `mutation($id: ID!) { giveRecognition(input: { recipientIds: [$id], message: "Thanks for covering", value: "Care" }) { recognition { message } errors { message } } }`, { id: peer });
    expect(given.giveRecognition).toEqual({ recognition: { message: 'Thanks for covering' }, errors: [] });
    // Selecting a person behind the recognition is refused before anything runs: nothing is written.
    const nosy = await gql(token, `mutation($id: ID!) { giveRecognition(input: { recipientIds: [$id], message: "Again", value: "Care" }) { recognition { giver { email } } } }`, { id: peer });
    expect(codeOf(nosy)).toBe('FORBIDDEN');
    const again = await env.DB.prepare("SELECT count(*) AS n FROM recognitions WHERE message = 'Again'").first<{ n: number }>();
    expect(again?.n).toBe(0);
    const spend = await gql(token, `mutation { spendBudget(input: { kind: MAKE_IT_RIGHT, reasonCode: WAIT_TIME, amount: 500, customerNote: "Long queue" }) { errors { message } } }`);
    expect(codeOf(spend)).toBe('FORBIDDEN');
    const propose = await gql(token, `mutation { proposeReward(input: { title: "Lunch", kind: TEAM_LUNCH, cost: 10 }) { errors { message } } }`);
    expect(codeOf(propose)).toBe('FORBIDDEN');
    const redeem = await gql(token, `mutation($id: ID!) { requestRedemption(input: { rewardId: $id }) { errors { message } } }`, { id: peer });
    expect(codeOf(redeem)).toBe('FORBIDDEN');
    const budgetRows = await env.DB.prepare('SELECT count(*) AS n FROM budget_spends WHERE employee_id = ?').bind(localId(barista)).first<{ n: number }>();
    expect(budgetRows?.n).toBe(0);
  });

  it('refuses an empty scope list instead of minting a full token', async () => {
    const tenant = await createTenant();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    const result = await mint(tenant.admin, barista, []);
    expect(result.token).toBeNull();
    expect(result.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'scopes'], message: expect.stringContaining('leave out scopes') }]);
  });

  it('lets a SUGGESTIONS token read suggestions and the viewer, not the directory or feedback', async () => {
    const tenant = await createTenant();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    await createEmployee(tenant.admin, { name: 'Pat Peer' });
    const { token } = await mint(tenant.admin, barista, ['SUGGESTIONS']);
    if (!token) throw new Error('no token');
    const directory = await gql(token, `{ employees { edges { node { email } } } }`);
    expect(codeOf(directory)).toBe('FORBIDDEN');
    expect(JSON.stringify(directory.body)).not.toContain('@');
    expect(codeOf(await gql(token, `{ feedback { edges { node { body } } } }`))).toBe('FORBIDDEN');
    expect(codeOf(await gql(token, `{ teams { edges { node { name } } } }`))).toBe('FORBIDDEN');
    const allowed = await data<{ viewer: { role: string }; suggestions: { edges: unknown[] } }>(token, `{ viewer { role } suggestions(first: 5) { edges { node { title voteCount viewerHasVoted } } } }`);
    expect(allowed.viewer.role).toBe('EMPLOYEE');
    expect(allowed.suggestions.edges).toEqual([]);
  });

  it('keeps a SUGGESTIONS token from reaching people through node lookups and relations', async () => {
    const tenant = await createTenant();
    const barista = await createEmployee(tenant.admin, { name: 'Bo Barista' });
    const peer = await createEmployee(tenant.admin, { name: 'Pat Peer' });
    const peerToken = await employeeToken(tenant.admin, peer);
    await data(peerToken, `mutation { submitSuggestion(input: { category: OTHER, title: "Signed idea", body: "Printed menus", anonymous: false }) { errors { message } } }`);
    const { token } = await mint(tenant.admin, barista, ['SUGGESTIONS']);
    if (!token) throw new Error('no token');
    const attempts = [
      [`query($id: ID!) { node(id: $id) { ... on Employee { email } } }`, { id: peer }],
      [`query($id: ID!) { nodes(ids: [$id]) { id } }`, { id: peer }],
      [`{ suggestions { edges { node { title author { email } } } } }`, {}],
      [`{ suggestions { edges { node { comments { edges { node { author { name } } } } } } } }`, {}],
      [`{ viewer { employee { email } } }`, {}],
      [`{ viewer { tenant { name } } }`, {}],
    ] as const;
    for (const [query, variables] of attempts) {
      const result = await gql(token, query, variables);
      expect(codeOf(result), query).toBe('FORBIDDEN');
      expect(result.body.data ?? null, query).toBeNull();
    }
    // What the suggestion box shows still works, with the same token.
    const board = await data<{ suggestions: { edges: unknown[] } }>(token, `{ suggestions { edges { node { title voteCount viewerHasVoted themes { label } } } } }`);
    expect(board.suggestions.edges).toEqual([{ node: { title: 'Signed idea', voteCount: 0, viewerHasVoted: false, themes: expect.any(Array) } }]);
  });
});

describe('the widget script', () => {
  it('answers only GET and HEAD, with 405 and Allow otherwise', async () => {
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const response = await exports.default.fetch(new Request('http://frontline.test/widgets/v1/frontline.js', { method }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET, HEAD');
      expect(await response.text()).not.toContain('customElements');
    }
    const head = await exports.default.fetch(new Request('http://frontline.test/widgets/v1/frontline.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
  });
});

/** Peer recognition: giving, anti-gaming limits, the feed, customer praise, and statement counts. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let team: string;
const people: Record<string, string> = {};
const tokens: Record<string, string> = {};

const GIVE = `mutation($input: GiveRecognitionInput!) {
  giveRecognition(input: $input) {
    recognition { id message value pointsEach pointsTotal giver { name } team { name } recipients { points employee { name } } }
    errors { code path message }
  }
}`;
type GiveResult = { giveRecognition: { recognition: { id: string; message: string; value: string; pointsEach: number; pointsTotal: number; giver: { name: string }; team: { name: string } | null; recipients: { points: number; employee: { name: string } }[] } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };

beforeAll(async () => {
  tenant = await createTenant();
  team = await createTeam(tenant.admin, 'Harbour');
  for (const name of ['Ana', 'Ben', 'Cleo', 'Dev']) {
    people[name] = await createEmployee(tenant.admin, { name, teamId: team });
    tokens[name] = await employeeToken(tenant.manager, people[name]!);
  }
});

describe('recognition', () => {
  it('an employee recognises colleagues with points from their allowance; recipients earn ledger points', async () => {
    const result = await data<GiveResult>(tokens.Ana!, GIVE, { input: { recipientIds: [people.Ben, people.Cleo], message: 'Saved the morning rush', value: 'teamwork', points: 10 } });
    expect(result.giveRecognition.errors).toEqual([]);
    const recognition = result.giveRecognition.recognition;
    expect(recognition).toMatchObject({ value: 'Teamwork', pointsEach: 10, pointsTotal: 20, giver: { name: 'Ana' }, team: null });
    expect(recognition!.recipients.map((r) => r.employee.name).sort()).toEqual(['Ben', 'Cleo']);
    const entries = await env.DB.prepare("SELECT employee_id, delta, kind FROM points_entries WHERE recognition_id = ?").bind(localId(recognition!.id)).all();
    expect(entries.results).toHaveLength(2);
    expect(entries.results.every((entry) => entry.delta === 10 && entry.kind === 'recognition')).toBe(true);
    const allowance = await data<{ viewer: { employee: { givingAllowance: { allowance: number; given: number; remaining: number } } | null } }>(tokens.Ana!, '{ viewer { employee { givingAllowance { allowance given remaining } } } }');
    expect(allowance.viewer.employee!.givingAllowance).toEqual({ allowance: 100, given: 20, remaining: 80 });
  });

  it('refuses self-recognition, unknown values and over-allowance points with typed errors, writing nothing', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM recognitions').first<{ n: number }>();
    const self = await data<GiveResult>(tokens.Dev!, GIVE, { input: { recipientIds: [people.Dev], message: 'Me', value: 'Care' } });
    expect(self.giveRecognition.errors[0]).toMatchObject({ code: 'SELF_DEALING', path: ['input', 'recipientIds'] });
    const value = await data<GiveResult>(tokens.Dev!, GIVE, { input: { recipientIds: [people.Ana], message: 'Hi', value: 'Speed' } });
    expect(value.giveRecognition.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'value'], message: expect.stringContaining('Care, Ownership') });
    const over = await data<GiveResult>(tokens.Dev!, GIVE, { input: { recipientIds: [people.Ana, people.Ben], message: 'Big thanks', value: 'Care', points: 60 } });
    expect(over.giveRecognition.errors[0]).toMatchObject({ code: 'LIMIT_REACHED', path: ['input', 'points'], message: expect.stringContaining('120 points but you have 100') });
    const after = await env.DB.prepare('SELECT count(*) AS n FROM recognitions').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it('caps what one recipient can receive per month, and holds under concurrent requests', async () => {
    await data<{ updateRecognitionPolicy: { errors: { message: string }[] } }>(tenant.admin, 'mutation { updateRecognitionPolicy(input: { recipientMonthlyCap: 30, monthlyGivingAllowance: 100 }) { errors { message } } }');
    const attempts = await Promise.all(
      ['Ben', 'Cleo', 'Dev'].map((giver) => data<GiveResult>(tokens[giver]!, GIVE, { input: { recipientIds: [people.Ana], message: 'Thanks!', value: 'Care', points: 15 } })),
    );
    const accepted = attempts.filter((result) => result.giveRecognition.errors.length === 0);
    expect(accepted).toHaveLength(2);
    expect(attempts.find((result) => result.giveRecognition.errors.length > 0)!.giveRecognition.errors[0]!.code).toBe('LIMIT_REACHED');
    const received = await env.DB.prepare('SELECT SUM(points) AS n FROM recognition_recipients WHERE employee_id = ?').bind(localId(people.Ana!)).first<{ n: number }>();
    expect(received?.n).toBe(30);
    await data<{ updateRecognitionPolicy: { errors: { message: string }[] } }>(tenant.admin, 'mutation { updateRecognitionPolicy(input: { recipientMonthlyCap: 150 }) { errors { message } } }');
  });

  it('concurrent recognitions by one giver never exceed the monthly allowance', async () => {
    const giver = await createEmployee(tenant.admin, { name: 'Eve', teamId: team });
    const token = await employeeToken(tenant.manager, giver);
    const results = await Promise.all(
      [people.Ana, people.Ben, people.Cleo, people.Dev].map((id) => data<GiveResult>(token, GIVE, { input: { recipientIds: [id], message: 'Thanks', value: 'Craft', points: 40 } })),
    );
    expect(results.filter((result) => result.giveRecognition.errors.length === 0)).toHaveLength(2);
    const given = await env.DB.prepare('SELECT SUM(points_total) AS n FROM recognitions WHERE giver_id = ?').bind(localId(giver)).first<{ n: number }>();
    expect(given?.n).toBe(80);
  });

  it('recognises a whole team (except the giver) and needs an employee token', async () => {
    const result = await data<GiveResult>(tokens.Ben!, GIVE, { input: { teamId: team, message: 'Best shift ever', value: 'Teamwork' } });
    expect(result.giveRecognition.errors).toEqual([]);
    expect(result.giveRecognition.recognition!.team).toEqual({ name: 'Harbour' });
    const names = result.giveRecognition.recognition!.recipients.map((r) => r.employee.name);
    expect(names).not.toContain('Ben');
    expect(names).toEqual(expect.arrayContaining(['Ana', 'Cleo', 'Dev']));
    const byKey = await gql<GiveResult>(tenant.manager, GIVE, { input: { teamId: team, message: 'x', value: 'Care' } });
    expect(byKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('turns customer praise into recognition linked to its source', async () => {
    const feedbackId = 'fb_praise_recognition_test';
    await env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, body, received_at, created_at) VALUES (?, ?, 'praise', 'widget', ?, 'Cleo remembered my order', ?, ?)")
      .bind(feedbackId, localId(tenant.id), localId(people.Cleo!), TEST_NOW.getTime(), TEST_NOW.getTime())
      .run();
    const result = await data<{ recognizeCustomerPraise: { recognition: { message: string; sourceFeedbackId: string | null; recipients: { employee: { name: string } }[] } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tokens.Dev!, `mutation($input: RecognizeCustomerPraiseInput!) {
      recognizeCustomerPraise(input: $input) { recognition { message sourceFeedbackId recipients { employee { name } } } errors { code path message } }
    }`, { input: { feedbackId: btoa(`Feedback:${feedbackId}`).replace(/=+$/, ''), value: 'Care', points: 5 } });
    expect(result.recognizeCustomerPraise.errors).toEqual([]);
    expect(result.recognizeCustomerPraise.recognition!.message).toContain('Cleo remembered my order');
    expect(result.recognizeCustomerPraise.recognition!.recipients).toEqual([{ employee: { name: 'Cleo' } }]);
    expect(localId(result.recognizeCustomerPraise.recognition!.sourceFeedbackId!)).toBe(feedbackId);
  });

  it('the feed shows everything to the tenant, filterable by employee and value', async () => {
    const feed = await data<{ all: { totalCount: number; edges: { node: { value: string; giver: { name: string } } }[] }; mine: { totalCount: number }; care: { totalCount: number } }>(tenant.reader, `query($e: ID) {
      all: recognitions(first: 50) { totalCount edges { node { value giver { name } } } }
      mine: recognitions(first: 50, filter: { employeeId: $e }) { totalCount }
      care: recognitions(first: 50, filter: { value: "care" }) { totalCount }
    }`, { e: people.Dev });
    expect(feed.all.totalCount).toBeGreaterThanOrEqual(6);
    expect(feed.mine.totalCount).toBeGreaterThanOrEqual(2);
    expect(feed.care.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('a feed page of 50 with givers, receivers and values runs in authentication plus at most 3 SQL statements', async () => {
    const fresh = await createTenant();
    const ids: string[] = [];
    const teamId = await createTeam(fresh.admin, 'Crew');
    for (let i = 0; i < 6; i++) ids.push(await createEmployee(fresh.admin, { name: `Crew ${i}`, teamId }));
    const tokensOf = await Promise.all(ids.map((id) => employeeToken(fresh.manager, id)));
    // 60 recognitions (written straight into D1 to keep the test fast), each to two colleagues.
    const tenantId = localId(fresh.id);
    const local = ids.map(localId);
    const statements = [];
    for (let i = 0; i < 60; i++) {
      const rec = `rec_feedtest${String(i).padStart(3, '0')}`;
      statements.push(env.DB.prepare("INSERT INTO recognitions (id, tenant_id, giver_id, message, value, period, created_at) VALUES (?, ?, ?, 'Thanks', 'Care', '2026-11', ?)").bind(rec, tenantId, local[i % 6], 1_700_000_000_000 + i));
      for (const k of [1, 2]) {
        statements.push(env.DB.prepare("INSERT INTO recognition_recipients (id, tenant_id, recognition_id, employee_id, points, period) VALUES (?, ?, ?, ?, 0, '2026-11')").bind(`rcp_feedtest${i}_${k}`, tenantId, rec, local[(i + k) % 6]));
      }
    }
    await env.DB.batch(statements);
    void tokensOf;
    const result = await gql<{ recognitions: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: { id: string; message: string; value: string; pointsEach: number; createdAt: string; giver: { name: string; team: { name: string } | null }; team: { name: string } | null; recipients: { points: number; employee: { name: string; team: { name: string } | null } }[] } }[] } }>(fresh.reader, `{ recognitions(first: 50) { totalCount pageInfo { hasNextPage }
      edges { node { id message value pointsEach createdAt giver { name team { name } } team { name } recipients { points employee { name team { name } } } } } } }`);
    const page = result.body.data!.recognitions;
    expect(page.edges).toHaveLength(50);
    expect(page.totalCount).toBe(60);
    expect(page.edges.every((edge) => edge.node.giver.name.startsWith('Crew') && edge.node.recipients.length === 2)).toBe(true);
    expect(result.statements).toBeGreaterThan(0);
    expect(result.statements).toBeLessThanOrEqual(4);
  });
});

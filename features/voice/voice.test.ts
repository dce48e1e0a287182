/**
 * Voice figures and complaint trends: correct numbers from known data, attribution to the right
 * people, and a bounded number of SQL statements (aggregation happens in SQL).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketStart } from '../../domain/periods.ts';
import { createEmployee, createTeam, createTenant, data, gql, type TestTenant, TEST_NOW } from '../../test/helpers.ts';
import { createTemplate, logCall } from '../../test/voice-helpers.ts';

const DAY = 86_400_000;
let tenant: TestTenant;
let team: string;
let ana: string;
let ben: string;
let calls: { id: string }[] = [];

/**
 * A moment in the week `weeksAgo` weeks before this one (Wednesday noon UTC); for this week, when
 * that is still ahead (TEST_NOW is a Monday just after midnight), halfway between Monday 00:00 and now.
 */
function inWeek(weeksAgo: number): string {
  const monday = new Date(`${bucketStart(TEST_NOW, 'week')}T00:00:00Z`);
  const wednesday = new Date(monday.getTime() - weeksAgo * 7 * DAY + 2 * DAY + 12 * 3_600_000);
  return (wednesday > TEST_NOW ? new Date((monday.getTime() + TEST_NOW.getTime()) / 2) : wednesday).toISOString();
}

beforeAll(async () => {
  // A café: its taxonomy has "Food and drink quality" (the café trade pack) for the cold coffee.
  tenant = await createTenant(undefined, 'CAFE');
  team = await createTeam(tenant.admin, 'Counter');
  const otherTeam = await createTeam(tenant.admin, 'Kitchen');
  ana = await createEmployee(tenant.admin, { name: 'Ana', teamId: team });
  ben = await createEmployee(tenant.admin, { name: 'Ben', teamId: otherTeam });
  const caller = await createEmployee(tenant.admin, { name: 'Cal Caller', role: 'MANAGER' });
  const template = await createTemplate(tenant.admin);
  // Ana: praised on two calls (satisfaction 5 and 3, NPS 10 and 6), one complaint on a third (2, no NPS).
  calls = [
    await logCall(tenant.admin, { template, callerId: caller, satisfaction: 5, nps: 10, calledAt: inWeek(1), mentions: [{ employeeId: ana, kind: 'PRAISE', quote: 'Ana was wonderful, so kind and helpful!' }] }),
    await logCall(tenant.admin, { template, callerId: caller, satisfaction: 3, nps: 6, calledAt: inWeek(1), mentions: [{ employeeId: ana, kind: 'PRAISE', quote: 'Ana was nice.' }, { employeeId: ben, kind: 'COMPLAINT', quote: 'Ben forgot the order.' }] }),
    await logCall(tenant.admin, { template, callerId: caller, satisfaction: 2, nps: null, calledAt: inWeek(0), mentions: [{ employeeId: ana, kind: 'COMPLAINT', quote: 'Ana was slow at lunch.' }] }),
    await logCall(tenant.admin, { template, callerId: caller, satisfaction: 4, nps: 9, calledAt: inWeek(0) }),
  ];
  // Complaint records: "waiting times" 1x two weeks ago, 2x last week, 3x this week; "cold coffee" 2x this week.
  const records = [
    ...[2, 1, 1, 0, 0, 0].map((weeksAgo, i) => ({ externalRef: `W-${i}`, body: 'Long waiting times at the counter', receivedAt: inWeek(weeksAgo) })),
    ...[0, 0].map((weeksAgo, i) => ({ externalRef: `C-${i}`, body: 'Cold coffee served', receivedAt: inWeek(weeksAgo), teamId: team })),
  ];
  await data<{ importComplaintRecords: { importedCount: number | null } }>(tenant.admin, 'mutation($input: ImportComplaintRecordsInput!) { importComplaintRecords(input: $input) { importedCount } }', { input: { records } });
});

const VOICE = `{ viewer { tenant { voice { callCount averageSatisfaction nps npsResponses praiseCount complaintCount } } } }`;
type VoiceResult = { viewer: { tenant: { voice: { callCount: number; averageSatisfaction: number | null; nps: number | null; npsResponses: number; praiseCount: number; complaintCount: number } } | null } };

describe('voice', () => {
  it('of an employee counts the calls that named them and quotes their best praise', async () => {
    const result = await data<{ node: { voice: { callCount: number; averageSatisfaction: number | null; nps: number | null; npsResponses: number; praiseCount: number; complaintCount: number; ideaCount: number; topPraise: { body: string; sentiment: number; call: { id: string; satisfaction: number } | null }[] } } | null }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Employee {
      voice { callCount averageSatisfaction nps npsResponses praiseCount complaintCount ideaCount
        topPraise(first: 5) { body sentiment call { id satisfaction } } } } } }`, { id: ana });
    const voice = result.node!.voice;
    expect(voice).toMatchObject({ callCount: 3, averageSatisfaction: 3.33, npsResponses: 2, nps: 0, praiseCount: 2, complaintCount: 1, ideaCount: 0 });
    // One promoter (10), one detractor (6): 50% - 50% = 0.
    expect(voice.topPraise.map((quote) => quote.body)).toEqual(['Ana was wonderful, so kind and helpful!', 'Ana was nice.']);
    expect(voice.topPraise[0]!.call).toEqual({ id: calls[0]!.id, satisfaction: 5 });
  });

  it('of a team covers its members, and of the tenant covers every call', async () => {
    const teamVoice = await data<{ node: { voice: { callCount: number; praiseCount: number; complaintCount: number } } | null }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Team { voice { callCount praiseCount complaintCount } } } }`, { id: team });
    // Ana's three calls; plus the two "cold coffee" complaints recorded on the team.
    expect(teamVoice.node!.voice).toEqual({ callCount: 3, praiseCount: 2, complaintCount: 3 });
    const tenantVoice = await data<VoiceResult>(tenant.reader, VOICE);
    expect(tenantVoice.viewer.tenant!.voice).toEqual({
      callCount: 4,
      averageSatisfaction: 3.5,
      npsResponses: 3,
      nps: 33.3,
      praiseCount: 2,
      complaintCount: 2 + 8,
    });
  });

  it('respects the period and refuses a reversed one', async () => {
    const past = await data<{ node: { voice: { callCount: number; averageSatisfaction: number | null; topPraise: { id: string }[] } } | null }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Employee { voice(from: "2020-01-01T00:00:00Z", to: "2020-06-01T00:00:00Z") { callCount averageSatisfaction topPraise { id } } } } }`, { id: ana });
    expect(past.node!.voice).toEqual({ callCount: 0, averageSatisfaction: null, topPraise: [] });
    const reversed = await gql<{ node: { voice: { callCount: number } } | null }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Employee { voice(from: "2026-06-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { callCount } } } }`, { id: ana });
    expect(reversed.body.errors?.[0]).toMatchObject({ message: '`from` must be before `to`.', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('complaint trends', () => {
  it('count per theme and week with the previous week and examples', async () => {
    const result = await data<{ complaintTrends: { theme: string; themeKey: string; periodStart: string; periodEnd: string; count: number; previousCount: number; change: number; changeRatio: number | null; examples: { body: string; externalRef: string | null }[] }[] }>(tenant.reader, `{ complaintTrends(from: "${inWeek(1).slice(0, 10)}T00:00:00Z", granularity: WEEK) {
      theme themeKey periodStart periodEnd count previousCount change changeRatio examples { body externalRef } } }`);
    const byKey = (theme: string, start: string) => result.complaintTrends.find((trend) => trend.themeKey === theme && trend.periodStart === start);
    const thisWeek = bucketStart(new Date(TEST_NOW), 'week');
    const lastWeek = bucketStart(new Date(TEST_NOW.getTime() - 7 * DAY), 'week');
    // This week's waiting time: the three "Long waiting times" records and "Ana was slow at lunch"
    // (different words, the same theme, issue 12).
    expect(byKey('waiting-time', thisWeek)).toMatchObject({ theme: 'Waiting time', count: 4, previousCount: 2, change: 2, changeRatio: 1 });
    expect(byKey('waiting-time', lastWeek)).toMatchObject({ count: 2, previousCount: 1, change: 1, changeRatio: 1 });
    expect(byKey('waiting-time', thisWeek)!.examples).toHaveLength(3);
    expect(byKey('waiting-time', thisWeek)!.examples.every((example) => /waiting|slow/.test(example.body))).toBe(true);
    expect(byKey('food-drink-quality', thisWeek)).toMatchObject({ theme: 'Food and drink quality', count: 2, previousCount: 0, change: 2, changeRatio: null });
    // "Ben forgot the order." is order accuracy, not a theme of its own words ("ben", "forgot").
    expect(byKey('order-accuracy', lastWeek)).toMatchObject({ count: 1 });
    expect(result.complaintTrends.map((trend) => trend.themeKey).every((key) => /^[a-z]+(-[a-z]+)*$/.test(key))).toBe(true);
    // Newest week first.
    expect(result.complaintTrends[0]!.periodStart).toBe(thisWeek);
  });

  it('run in authentication plus at most 5 SQL statements, examples included', async () => {
    const result = await gql<{ complaintTrends: { theme: string; count: number; previousCount: number; examples: { body: string; employee: { name: string } | null; team: { name: string } | null }[] }[] }>(tenant.reader, '{ complaintTrends(granularity: MONTH, themesPerPeriod: 20, examplesPerTrend: 5) { theme count previousCount examples { body employee { name } team { name } } } }');
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.complaintTrends.length).toBeGreaterThan(0);
    expect(result.statements).toBeLessThanOrEqual(6);
  });
});

describe('complaint trends at bucket boundaries (the request clock moved per request)', () => {
  const IMPORT = 'mutation($input: ImportComplaintRecordsInput!) { importComplaintRecords(input: $input) { importedCount errors { message } } }';
  type ImportResult = { importComplaintRecords: { importedCount: number | null; errors: { message: string }[] } };
  const TRENDS = 'query($g: Granularity) { complaintTrends(granularity: $g) { themeKey periodStart count } }';
  type TrendsResult = { complaintTrends: { themeKey: string; periodStart: string; count: number }[] };
  const theme = (key: string) => (trend: { themeKey: string }) => trend.themeKey === key;

  it('on a Monday, the current week is listed with what came in since midnight', async () => {
    const shop = await createTenant(undefined, 'CAFE');
    const monday = '2026-11-30T09:00:00.000Z';
    const imported = await data<ImportResult>(shop.admin, IMPORT, { input: { records: [{ externalRef: 'M-1', body: 'Long waiting times', receivedAt: '2026-11-30T08:15:00Z' }] } }, { now: monday });
    expect(imported.importComplaintRecords).toEqual({ importedCount: 1, errors: [] });
    const trends = (await data<TrendsResult>(shop.reader, TRENDS, { g: 'WEEK' }, { now: monday })).complaintTrends;
    expect(trends.filter(theme('waiting-time'))).toEqual([{ themeKey: 'waiting-time', periodStart: '2026-11-30', count: 1 }]);
    // Just before that Monday the complaint has not happened yet, and the week is not listed.
    const sunday = (await data<TrendsResult>(shop.reader, TRENDS, { g: 'WEEK' }, { now: '2026-11-29T23:59:59.999Z' })).complaintTrends;
    expect(sunday.map((trend: { periodStart: string }) => trend.periodStart)).not.toContain('2026-11-30');
  });

  it('on the 1st of a month, the current month is listed', async () => {
    const shop = await createTenant(undefined, 'CAFE');
    const first = '2026-12-01T07:30:00.000Z';
    await data<ImportResult>(shop.admin, IMPORT, { input: { records: [{ externalRef: 'D-1', body: 'Cold coffee served', receivedAt: '2026-12-01T06:00:00Z' }, { externalRef: 'N-1', body: 'Cold coffee served', receivedAt: '2026-11-20T06:00:00Z' }] } }, { now: first });
    const trends = (await data<TrendsResult>(shop.reader, TRENDS, { g: 'MONTH' }, { now: first })).complaintTrends;
    expect(trends.filter(theme('food-drink-quality'))).toEqual([
      { themeKey: 'food-drink-quality', periodStart: '2026-12-01', count: 1 },
      { themeKey: 'food-drink-quality', periodStart: '2026-11-01', count: 1 },
    ]);
  });
});

describe('a team page with every member and their voice', () => {
  it('is authentication plus at most 5 SQL statements for 50 employees', async () => {
    const big = await createTeam(tenant.admin, 'Big Team');
    for (let i = 0; i < 49; i++) await createEmployee(tenant.admin, { name: `Member ${String(i).padStart(2, '0')}`, teamId: big });
    await data<{ updateEmployee: { errors: { message: string }[] } }>(tenant.admin, 'mutation($id: ID!, $team: ID) { updateEmployee(input: { id: $id, teamId: $team }) { errors { message } } }', { id: ana, team: big });
    const result = await gql<{ node: { name: string; voice: { callCount: number }; employees: { totalCount: number; edges: { node: { name: string; voice: { callCount: number; averageSatisfaction: number | null; nps: number | null; praiseCount: number; complaintCount: number; topPraise: { body: string; call: { calledAt: string } | null }[] } } }[] } } | null }>(tenant.reader, `query($id: ID!) { node(id: $id) { ... on Team { name voice { callCount }
      employees(first: 50) { totalCount edges { node { name voice { callCount averageSatisfaction nps praiseCount complaintCount topPraise { body call { calledAt } } } } } } } } }`, { id: big });
    expect(result.body.errors).toBeUndefined();
    const edges = result.body.data!.node!.employees.edges;
    expect(edges).toHaveLength(50);
    expect(edges.find((edge) => edge.node.name === 'Ana')!.node.voice).toMatchObject({ callCount: 3, praiseCount: 2 });
    expect(result.statements).toBeLessThanOrEqual(6);
  });
});

describe('more than 100 rows in one nested list', () => {
  it('load in one statement each, within D1 parameter limits (150 quotes, 110 examples)', async () => {
    const big = await createTenant();
    const team = await createTeam(big.admin, 'Everyone');
    const template = await createTemplate(big.admin);
    const caller = await createEmployee(big.admin, { name: 'Caller', role: 'MANAGER', teamId: team });
    const people: string[] = [];
    for (let i = 0; i < 50; i++) people.push(await createEmployee(big.admin, { name: `Person ${String(i).padStart(2, '0')}`, teamId: team }));
    // 3 praise quotes for each of 50 people: 8 calls of up to 20 mentions.
    const mentions = people.flatMap((id) => [1, 2, 3].map((n) => ({ employeeId: id, kind: 'PRAISE' as const, quote: `Wonderful help number ${n}` })));
    for (let start = 0; start < mentions.length; start += 20) {
      const chunk = mentions.slice(start, start + 20);
      // A call mentions each person once: spread one person's three quotes over three calls.
      for (const n of [0, 1, 2]) {
        const once = chunk.filter((_, i) => i % 3 === n);
        if (once.length) await logCall(big.admin, { template, callerId: caller, mentions: once });
      }
    }
    const page = await gql<{ node: { employees: { edges: { node: { name: string; voice: { topPraise: { body: string; call: { satisfaction: number } | null; employee: { name: string } | null }[] } } }[] } } | null }>(big.reader, `query($id: ID!) { node(id: $id) { ... on Team {
      employees(first: 51) { edges { node { name voice { topPraise { body call { satisfaction } employee { name } } } } } } } } }`, { id: team });
    expect(page.body.errors).toBeUndefined();
    const quotes = page.body.data!.node!.employees.edges.flatMap((edge) => edge.node.voice.topPraise);
    expect(quotes.length).toBeGreaterThanOrEqual(150);
    expect(page.statements).toBeLessThanOrEqual(5);

    // One complaint per default theme (11), ten of each: 110 examples at 10 per theme.
    const bodies = ['Long waiting times', 'They got my order wrong', 'The staff were rude', 'The delivery was late', 'It arrived damaged', 'They refused to refund me',
      'Far too expensive', 'The floor was dirty', 'The app keeps crashing', 'It broke after a week', 'Always out of stock'];
    const records = Array.from({ length: 110 }, (_, i) => ({ externalRef: `G-${i}`, body: `${bodies[i % bodies.length]!} (${i})`, receivedAt: new Date(TEST_NOW.getTime() - 86_400_000).toISOString() }));
    await data<{ importComplaintRecords: { importedCount: number | null } }>(big.admin, 'mutation($input: ImportComplaintRecordsInput!) { importComplaintRecords(input: $input) { importedCount } }', { input: { records } });
    const trends = await gql<{ complaintTrends: { theme: string; examples: { body: string; employee: { name: string } | null }[] }[] }>(big.reader, '{ complaintTrends(granularity: MONTH, themesPerPeriod: 50, examplesPerTrend: 10) { theme examples { body employee { name } } } }');
    expect(trends.body.errors).toBeUndefined();
    const examples = trends.body.data!.complaintTrends.flatMap((trend) => trend.examples);
    expect(examples.length).toBeGreaterThan(100);
    expect(trends.statements).toBeLessThanOrEqual(4);
  });
});

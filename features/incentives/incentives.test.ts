/** Incentive programs: metrics computed from customer-voice rows, progress, exactly-once awards. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';

let tenant: TestTenant;
let team: string;
let ana: string;
let ben: string;
const CREATE = `mutation($input: CreateIncentiveProgramInput!) { createIncentiveProgram(input: $input) { program { id name metric scope target progress { value ratio achieved awarded periodKey } } errors { code path message } } }`;
type CreateResult = { createIncentiveProgram: { program: { id: string; name: string; metric: 'AVERAGE_SATISFACTION' | 'COMPLAINTS_RESOLVED_WITHIN' | 'PRAISE_COUNT' | 'SUGGESTIONS_ADOPTED' | 'SURVEY_CALLS_MADE'; scope: 'EMPLOYEE' | 'TEAM' | 'TENANT'; target: number; progress: { value: number | null; ratio: number; achieved: boolean; awarded: boolean; periodKey: string } } | null; errors: { code: UserErrorCode; path: string[]; message: string }[] } };
const EVALUATE = `mutation($input: EvaluateIncentiveProgramInput!) { evaluateIncentiveProgram(input: $input) { awardedNow progress { value achieved awarded } errors { code message } } }`;
type EvaluateResult = { evaluateIncentiveProgram: { awardedNow: number | null; progress: { value: number | null; achieved: boolean; awarded: boolean } | null; errors: { code: UserErrorCode; message: string }[] } };

beforeAll(async () => {
  tenant = await createTenant();
  team = await createTeam(tenant.admin, 'Care');
  ana = await createEmployee(tenant.admin, { name: 'Ana', teamId: team });
  ben = await createEmployee(tenant.admin, { name: 'Ben', teamId: team });
  const t = localId(tenant.id);
  const now = TEST_NOW.getTime();
  const statements = [
    env.DB.prepare("INSERT INTO survey_templates (id, tenant_id, name, created_at, updated_at) VALUES ('tpl_inc', ?, 'Default', ?, ?)").bind(t, now, now),
  ];
  // Ana made three calls this month (satisfaction 5, 4, 3) and was praised in two of them.
  [5, 4, 3].forEach((satisfaction, i) => {
    statements.push(
      env.DB.prepare("INSERT INTO survey_calls (id, tenant_id, template_id, caller_id, team_id, called_at, channel, satisfaction, created_at) VALUES (?, ?, 'tpl_inc', ?, ?, ?, 'phone', ?, ?)")
        .bind(`call_inc_${i}`, t, localId(ana), localId(team), now - i * 1000, satisfaction, now),
    );
  });
  for (const i of [0, 1]) {
    statements.push(
      env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, call_id, body, received_at, created_at) VALUES (?, ?, 'praise', 'survey_call', ?, ?, 'Lovely', ?, ?)")
        .bind(`fb_inc_praise_${i}`, t, localId(ana), `call_inc_${i}`, now - i * 1000, now),
    );
  }
  // Two complaints about Ben resolved: one in 2 hours, one after 3 days.
  statements.push(
    env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, body, status, received_at, resolved_at, created_at) VALUES ('fb_inc_c1', ?, 'complaint', 'widget', ?, 'Late', 'resolved', ?, ?, ?)").bind(t, localId(ben), now - 2 * 3_600_000, now, now),
    env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, body, status, received_at, resolved_at, created_at) VALUES ('fb_inc_c2', ?, 'complaint', 'widget', ?, 'Rude', 'resolved', ?, ?, ?)").bind(t, localId(ben), now - 72 * 3_600_000, now, now),
  );
  // Suggestions adopted this month: one signed by Ana, one anonymous from her team; one only accepted.
  const suggestion = env.DB.prepare(
    "INSERT INTO suggestions (id, tenant_id, team_id, author_id, anonymous, category, title, body, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'avoidable_task', 'Idea', 'Body', ?, ?, ?)",
  );
  const history = env.DB.prepare("INSERT INTO suggestion_history (id, tenant_id, suggestion_id, from_status, to_status, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  statements.push(
    suggestion.bind('sug_inc_signed', t, localId(team), localId(ana), 0, 'adopted', now, now),
    suggestion.bind('sug_inc_anon', t, localId(team), null, 1, 'adopted', now, now),
    suggestion.bind('sug_inc_open', t, localId(team), localId(ana), 0, 'accepted', now, now),
    history.bind('h_inc_1', t, 'sug_inc_signed', 'experimenting', 'adopted', now),
    history.bind('h_inc_2', t, 'sug_inc_anon', 'experimenting', 'adopted', now),
    history.bind('h_inc_3', t, 'sug_inc_open', 'under_review', 'accepted', now),
  );
  await env.DB.batch(statements);
});

describe('incentive programs', () => {
  it('measures each metric from real rows', async () => {
    const make = async (input: Record<string, unknown>) => {
      const result = await data<CreateResult>(tenant.manager, CREATE, { input: { period: 'MONTH', points: 10, ...input } });
      expect(result.createIncentiveProgram.errors).toEqual([]);
      return result.createIncentiveProgram.program!.progress;
    };
    expect(await make({ name: 'Calls', metric: 'SURVEY_CALLS_MADE', scope: 'EMPLOYEE', employeeId: ana, target: 4 })).toMatchObject({ value: 3, ratio: 0.75, achieved: false });
    expect(await make({ name: 'Praise', metric: 'PRAISE_COUNT', scope: 'TEAM', teamId: team, target: 2 })).toMatchObject({ value: 2, achieved: true, awarded: false });
    expect(await make({ name: 'Sat', metric: 'AVERAGE_SATISFACTION', scope: 'EMPLOYEE', employeeId: ana, target: 4.5 })).toMatchObject({ value: 4.5, achieved: true });
    expect(await make({ name: 'Team sat', metric: 'AVERAGE_SATISFACTION', scope: 'TEAM', teamId: team, target: 4.5 })).toMatchObject({ value: 4, achieved: false });
    expect(await make({ name: 'Fast fix', metric: 'COMPLAINTS_RESOLVED_WITHIN', withinHours: 24, scope: 'EMPLOYEE', employeeId: ben, target: 1 })).toMatchObject({ value: 1, achieved: true });
    // An anonymous suggestion counts for the team, never for a person (that would name its author).
    expect(await make({ name: 'Ideas', metric: 'SUGGESTIONS_ADOPTED', scope: 'EMPLOYEE', employeeId: ana, target: 1 })).toMatchObject({ value: 1, achieved: true });
    expect(await make({ name: 'Team ideas', metric: 'SUGGESTIONS_ADOPTED', scope: 'TEAM', teamId: team, target: 3 })).toMatchObject({ value: 2, achieved: false });
    const nextYear = await data<{ incentivePrograms: { totalCount: number; edges: { node: { name: string; progress: { value: number | null; periodKey: string } } }[] } }>(tenant.reader, `{ incentivePrograms(first: 10) { totalCount edges { node { name progress(at: "2030-01-15T00:00:00Z") { value periodKey } } } } }`);
    expect(nextYear.incentivePrograms.totalCount).toBe(7);
    expect(nextYear.incentivePrograms.edges.find((e) => e.node.name === 'Calls')!.node.progress).toEqual({ value: 0, periodKey: '2030-01' });
  });

  it('reaching the goal awards points exactly once, however often it is evaluated', async () => {
    const created = await data<CreateResult>(tenant.manager, CREATE, { input: { name: 'Team praise', metric: 'PRAISE_COUNT', scope: 'TEAM', teamId: team, target: 1, period: 'QUARTER', points: 25 } });
    const id = created.createIncentiveProgram.program!.id;
    const runs = await Promise.all([1, 2, 3].map(() => data<EvaluateResult>(tenant.manager, EVALUATE, { input: { programId: id } })));
    expect(runs.map((run) => run.evaluateIncentiveProgram.awardedNow).reduce((a, b) => a! + b!, 0)).toBe(2);
    const again = await data<EvaluateResult>(tenant.manager, EVALUATE, { input: { programId: id } });
    expect(again.evaluateIncentiveProgram).toMatchObject({ awardedNow: 0, progress: { achieved: true, awarded: true } });
    const entries = await env.DB.prepare("SELECT employee_id, delta FROM points_entries WHERE program_id = ? AND kind = 'achievement'").bind(localId(id)).all();
    expect(entries.results).toHaveLength(2);
    const balances = await data<{ employees: { edges: { node: { name: string; pointsBalance: number } }[] } }>(tenant.reader, '{ employees(first: 10) { edges { node { name pointsBalance } } } }');
    expect(balances.employees.edges.map((e) => e.node.pointsBalance)).toEqual([25, 25]);
  });

  it('a goal not reached awards nothing; an ended program awards nothing more', async () => {
    const created = await data<CreateResult>(tenant.manager, CREATE, { input: { name: 'Many calls', metric: 'SURVEY_CALLS_MADE', scope: 'TENANT', target: 50, period: 'WEEK', points: 5 } });
    const id = created.createIncentiveProgram.program!.id;
    expect((await data<EvaluateResult>(tenant.manager, EVALUATE, { input: { programId: id } })).evaluateIncentiveProgram).toMatchObject({ awardedNow: 0, progress: { achieved: false } });
    const ended = await data<{ endIncentiveProgram: { program: { status: 'ACTIVE' | 'ENDED' } | null; errors: { code: UserErrorCode }[] } }>(tenant.manager, 'mutation($id: ID!) { endIncentiveProgram(input: { programId: $id }) { program { status } errors { code } } }', { id });
    expect(ended.endIncentiveProgram.program!.status).toBe('ENDED');
  });

  it('validates that a program is measurable', async () => {
    const result = await data<CreateResult>(tenant.manager, CREATE, { input: { name: 'x', metric: 'COMPLAINTS_RESOLVED_WITHIN', scope: 'TENANT', target: 3, period: 'MONTH', points: 5 } });
    expect(result.createIncentiveProgram.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'withinHours'] });
    const sat = await data<CreateResult>(tenant.manager, CREATE, { input: { name: 'x', metric: 'AVERAGE_SATISFACTION', scope: 'TEAM', target: 9, period: 'MONTH', points: 5, teamId: team } });
    expect(sat.createIncentiveProgram.errors[0]).toMatchObject({ code: 'VALIDATION', path: ['input', 'target'] });
  });
});

describe('incentive guards', () => {
  it('never award for future periods, periods before the program, or ended programs, nor let a manager reward themselves', async () => {
    const created = await data<CreateResult>(tenant.manager, CREATE, { input: { name: 'Guarded', metric: 'SURVEY_CALLS_MADE', scope: 'EMPLOYEE', employeeId: ana, target: 1, period: 'MONTH', points: 5 } });
    const id = created.createIncentiveProgram.program!.id;
    const future = await data<EvaluateResult>(tenant.manager, EVALUATE, { input: { programId: id, at: '2999-01-01T00:00:00Z' } });
    expect(future.evaluateIncentiveProgram.errors).toEqual([{ code: 'VALIDATION', message: 'Points are awarded for periods that have started, not future ones.' }]);
    const before = await data<EvaluateResult>(tenant.manager, EVALUATE, { input: { programId: id, at: '2020-01-15T00:00:00Z' } });
    expect(before.evaluateIncentiveProgram.errors).toEqual([{ code: 'VALIDATION', message: 'The program did not exist yet in that period.' }]);

    const manager = await createEmployee(tenant.admin, { name: 'Mia Manager', role: 'MANAGER', teamId: team });
    const token = await employeeToken(tenant.admin, manager);
    const self = await data<CreateResult>(token, CREATE, { input: { name: 'Me', metric: 'PRAISE_COUNT', scope: 'EMPLOYEE', employeeId: manager, target: 1, period: 'MONTH', points: 500 } });
    expect(self.createIncentiveProgram.errors).toEqual([expect.objectContaining({ code: 'SELF_DEALING', path: ['input', 'employeeId'] })]);
    const adjust = await gql<{ adjustPoints: { errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(token, 'mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { errors { code path message } } }', {
      input: { employeeId: manager, points: 1000, reason: 'Bonus for me' },
    });
    expect(adjust.body.data?.adjustPoints?.errors ?? adjust.body.errors).toEqual([expect.objectContaining({ path: ['input', 'employeeId'] })]);
  });
});

describe('incentive program pages', () => {
  it('measure every program of a page in one statement, whatever the page size', async () => {
    const page = '{ incentivePrograms(first: 50) { edges { node { name progress { value ratio achieved awarded periodKey } } } } }';
    type PageResult = { incentivePrograms: { edges: { node: { name: string; progress: { value: number | null; ratio: number; achieved: boolean; awarded: boolean; periodKey: string } } }[] } };
    const small = await gql<PageResult>(tenant.reader, page);
    for (let i = 0; i < 12; i++) {
      await data<CreateResult>(tenant.manager, CREATE, { input: { name: `Extra ${i}`, metric: i % 2 ? 'PRAISE_COUNT' : 'AVERAGE_SATISFACTION', scope: 'TEAM', teamId: team, target: 4, period: 'MONTH', points: 1 } });
    }
    const large = await gql<PageResult>(tenant.reader, page);
    expect(large.body.errors).toBeUndefined();
    const nodes = large.body.data!.incentivePrograms.edges.map((edge) => edge.node);
    expect(nodes.length).toBe(small.body.data!.incentivePrograms.edges.length + 12);
    expect(nodes.find((node) => node.name === 'Extra 1')!.progress).toMatchObject({ value: 2, achieved: false });
    expect(nodes.find((node) => node.name === 'Extra 0')!.progress).toMatchObject({ value: 4, achieved: true });
    // The page, and the measurements packed under D1's 100-parameter limit.
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});

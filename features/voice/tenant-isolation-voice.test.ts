/**
 * Tenant isolation for the customer voice: templates, questions, calls and feedback of tenant A
 * are, for tenant B, exactly like ids that never existed; B's lists, counts, voice figures and
 * trends never include A's data.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../schema/global-ids.ts';
import { createEmployee, createTeam, createTenant, data, gql, type TestTenant, withIdsMasked, type UserErrorCode } from '../../test/helpers.ts';
import { callInput, createTemplate, LOG_CALL, logCall, type LogCallResult } from '../../test/voice-helpers.ts';

let a: TestTenant;
let b: TestTenant;
const ids: Record<string, string> = {};
let bTemplate: Awaited<ReturnType<typeof createTemplate>>;
let bEmployee: string;

const ghosts: Record<string, string> = {
  SurveyTemplate: encodeId('SurveyTemplate', 'tpl_doesnotexist0000000000'),
  SurveyQuestion: encodeId('SurveyQuestion', 'q_doesnotexist000000000000'),
  SurveyCall: encodeId('SurveyCall', 'call_doesnotexist000000000'),
  Feedback: encodeId('Feedback', 'fb_doesnotexist00000000000'),
  Employee: encodeId('Employee', 'emp_doesnotexist0000000000'),
  Team: encodeId('Team', 'team_doesnotexist000000000'),
};

beforeAll(async () => {
  a = await createTenant('Alpha Voice');
  b = await createTenant('Beta Voice');
  const aTeam = await createTeam(a.admin, 'Alpha Team');
  const aEmployee = await createEmployee(a.admin, { name: 'Alpha Person', teamId: aTeam });
  const aTemplate = await createTemplate(a.admin, 'Alpha template');
  const call = await logCall(a.admin, {
    template: aTemplate,
    callerId: aEmployee,
    customerName: 'Alpha Customer',
    mentions: [{ employeeId: aEmployee, kind: 'PRAISE', quote: 'Alpha praise words' }],
  });
  const complaint = await data<{ recordFeedback: { feedback: { id: string } | null } }>(a.admin, 'mutation { recordFeedback(input: { kind: COMPLAINT, source: WIDGET, body: "Alpha complaint about waiting", externalRef: "A-1" }) { feedback { id } } }');
  Object.assign(ids, {
    SurveyTemplate: aTemplate.id,
    SurveyQuestion: aTemplate.questionIds[0],
    SurveyCall: call!.id,
    Feedback: complaint.recordFeedback.feedback!.id,
    Employee: aEmployee,
    Team: aTeam,
  });
  bTemplate = await createTemplate(b.admin, 'Beta template');
  bEmployee = await createEmployee(b.admin, { name: 'Beta Person' });
  await logCall(b.admin, { template: bTemplate, callerId: bEmployee });
});

const same = (real: unknown, missing: unknown, id: string, ghost: string) => expect(withIdsMasked(real, id)).toEqual(withIdsMasked(missing, ghost));

describe('customer voice isolation', () => {
  it('node and nodes treat A ids like ids that never existed', async () => {
    for (const type of ['SurveyTemplate', 'SurveyQuestion', 'SurveyCall', 'Feedback']) {
      const query = 'query($id: ID!) { node(id: $id) { id } }';
      type QueryResult = { node: { id: string } | null };
      const real = await gql(b.admin, query, { id: ids[type] });
      const missing = await gql(b.admin, query, { id: ghosts[type] });
      expect(real.body, type).toEqual({ data: { node: null } });
      same(real.body, missing.body, ids[type]!, ghosts[type]!);
      expect(real.statements).toBe(missing.statements);
      expect((await data<QueryResult>(a.reader, query, { id: ids[type] })).node, type).toEqual({ id: ids[type] });
      const many = await gql(b.reader, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [ids[type], ghosts[type]] });
      expect(many.body).toEqual({ data: { nodes: [null, null] } });
    }
  });

  it("B's lists, counts, voice and trends never include A's data", async () => {
    const result = await data<{ surveyTemplates: { totalCount: number; edges: { node: { id: string; name: string; questions: { id: string; prompt: string }[] } }[] }; surveyCalls: { totalCount: number; edges: { node: { id: string; customerName: string | null; mentions: { body: string }[]; answers: { answer: string }[] } }[] }; feedback: { totalCount: number; edges: { node: { id: string; body: string } }[] }; byEmployee: { totalCount: number }; byTeam: { totalCount: number }; byMention: { totalCount: number }; complaintTrends: { theme: string; count: number; examples: { body: string }[] }[]; viewer: { tenant: { voice: { callCount: number; praiseCount: number; complaintCount: number; topPraise: { body: string }[] } } | null } }>(b.admin, `query($emp: ID, $team: ID) {
      surveyTemplates { totalCount edges { node { id name questions { id prompt } } } }
      surveyCalls(first: 100) { totalCount edges { node { id customerName mentions { body } answers { answer } } } }
      feedback(first: 100) { totalCount edges { node { id body } } }
      byEmployee: feedback(filter: { employeeId: $emp }) { totalCount }
      byTeam: surveyCalls(filter: { teamId: $team }) { totalCount }
      byMention: surveyCalls(filter: { mentionedEmployeeId: $emp }) { totalCount }
      complaintTrends { theme count examples { body } }
      viewer { tenant { voice { callCount praiseCount complaintCount topPraise { body } } } }
    }`, { emp: ids.Employee, team: ids.Team });
    const text = JSON.stringify(result);
    expect(text).not.toContain('Alpha');
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(result.surveyTemplates.totalCount).toBe(1);
    expect(result.surveyCalls.totalCount).toBe(1);
    expect(result.feedback.totalCount).toBe(0);
    expect([result.byEmployee.totalCount, result.byTeam.totalCount, result.byMention.totalCount]).toEqual([0, 0, 0]);
    expect(result.complaintTrends).toEqual([]);
    expect(result.viewer.tenant!.voice).toEqual({ callCount: 1, praiseCount: 0, complaintCount: 0, topPraise: [] });
  });

  it("every voice mutation treats A's ids like ids that never existed, and writes nothing", async () => {
    const before = await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f, (SELECT count(*) FROM survey_templates WHERE status = ?) AS t').bind('archived').first();
    const attempts: { type: string; mutation: string; input: (id: string) => Record<string, unknown> }[] = [
      { type: 'SurveyTemplate', mutation: 'archiveSurveyTemplate(input: $input) { surveyTemplate { id } errors { code path message } }', input: (id) => ({ id }) },
      { type: 'SurveyTemplate', mutation: 'logSurveyCall(input: $input) { surveyCall { id } errors { code path message } }', input: (id) => ({ ...callInput({ template: bTemplate, callerId: bEmployee }), templateId: id }) },
      { type: 'Employee', mutation: 'logSurveyCall(input: $input) { surveyCall { id } errors { code path message } }', input: (id) => callInput({ template: bTemplate, callerId: id }) },
      { type: 'Employee', mutation: 'logSurveyCall(input: $input) { surveyCall { id } errors { code path message } }', input: (id) => callInput({ template: bTemplate, callerId: bEmployee, mentions: [{ employeeId: id, kind: 'PRAISE', quote: 'x' }] }) },
      { type: 'Feedback', mutation: 'resolveFeedback(input: $input) { feedback { id } errors { code path message } }', input: (id) => ({ id, note: 'hijack' }) },
      { type: 'Employee', mutation: 'recordFeedback(input: $input) { feedback { id } errors { code path message } }', input: (id) => ({ kind: 'PRAISE', source: 'PEER', body: 'x', employeeId: id }) },
      { type: 'Team', mutation: 'recordFeedback(input: $input) { feedback { id } errors { code path message } }', input: (id) => ({ kind: 'PRAISE', source: 'PEER', body: 'x', teamId: id }) },
      { type: 'Employee', mutation: 'importComplaintRecords(input: $input) { importedCount rejected { index errors { code path message } } errors { code message } }', input: (id) => ({ records: [{ externalRef: 'X-1', body: 'x', receivedAt: '2026-01-01T00:00:00Z', employeeId: id }] }) },
    ];
    const inputType = (mutation: string) => {
      const name = mutation.slice(0, mutation.indexOf('('));
      return name === 'importComplaintRecords' ? 'ImportComplaintRecordsInput!' : `${name[0]!.toUpperCase()}${name.slice(1)}Input!`;
    };
    for (const { type, mutation, input } of attempts) {
      const operation = `mutation($input: ${inputType(mutation)}) { ${mutation} }`;
      const real = await gql(b.admin, operation, { input: input(ids[type]!) });
      const missing = await gql(b.admin, operation, { input: input(ghosts[type]!) });
      expect(real.body.errors, mutation).toBeUndefined();
      expect(JSON.stringify(real.body), mutation).toContain('NOT_FOUND');
      same(real.body, missing.body, ids[type]!, ghosts[type]!);
    }
    const after = await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f, (SELECT count(*) FROM survey_templates WHERE status = ?) AS t').bind('archived').first();
    expect(after).toEqual(before);
    const aFeedback = await data<{ node: { status: 'OPEN' | 'RESOLVED' } | null }>(a.reader, 'query($id: ID!) { node(id: $id) { ... on Feedback { status } } }', { id: ids.Feedback });
    expect(aFeedback.node!.status).toBe('OPEN');
  });

  it("an A question cannot be answered on B's call, and A's externalRef does not block B", async () => {
    const result = await data<LogCallResult>(b.admin, LOG_CALL, {
      input: { ...callInput({ template: bTemplate, callerId: bEmployee }), answers: [{ questionId: ids.SurveyQuestion, answer: 'x' }] },
    });
    expect(result.logSurveyCall.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'answers', '0', 'questionId'], message: "This question is not part of the call's template." }]);
    const reuse = await data<{ recordFeedback: { errors: { code: UserErrorCode }[] } }>(b.admin, 'mutation { recordFeedback(input: { kind: IDEA, source: WIDGET, body: "Oat milk please", externalRef: "A-1" }) { errors { code } } }');
    expect(reuse.recordFeedback.errors).toEqual([]);
  });
});

/** Survey templates and calls: logging, mentions as feedback, redaction and every bad input. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTeam, createTenant, data, employeeToken, gql, localId, type TestTenant, TEST_NOW, type UserErrorCode } from '../../test/helpers.ts';
import { callInput, createTemplate, LOG_CALL, logCall, type LogCallResult } from '../../test/voice-helpers.ts';

let tenant: TestTenant;
let template: Awaited<ReturnType<typeof createTemplate>>;
let lead: string;
let agent: string;

beforeAll(async () => {
  tenant = await createTenant();
  const team = await createTeam(tenant.admin, 'Harbour Café');
  lead = await createEmployee(tenant.admin, { name: 'Lena Lead', role: 'LEAD', teamId: team });
  agent = await createEmployee(tenant.admin, { name: 'Ari Agent', teamId: team });
  template = await createTemplate(tenant.manager, 'Weekly call', ['What went well?', 'What could we do better?', 'Anything else?']);
});

describe('survey templates', () => {
  it('keep their questions in order and refuse duplicates', async () => {
    const list = await data<{ surveyTemplates: { totalCount: number; edges: { node: { name: string; status: 'ACTIVE' | 'ARCHIVED'; questions: { position: number; prompt: string }[] } }[] } }>(tenant.reader, '{ surveyTemplates { totalCount edges { node { name status questions { position prompt } } } } }');
    expect(list.surveyTemplates.edges[0]!.node).toEqual({
      name: 'Weekly call',
      status: 'ACTIVE',
      questions: [
        { position: 1, prompt: 'What went well?' },
        { position: 2, prompt: 'What could we do better?' },
        { position: 3, prompt: 'Anything else?' },
      ],
    });
    const again = await data<{ createSurveyTemplate: { errors: { code: UserErrorCode; path: string[] }[] } }>(tenant.manager, 'mutation { createSurveyTemplate(input: { name: "weekly CALL", questions: ["x"] }) { errors { code path } } }');
    expect(again.createSurveyTemplate.errors).toEqual([{ code: 'CONFLICT', path: ['input', 'name'] }]);
    const empty = await data<{ createSurveyTemplate: { errors: { code: UserErrorCode; path: string[]; message: string }[] } }>(tenant.manager, 'mutation { createSurveyTemplate(input: { name: "Empty", questions: [] }) { errors { code path message } } }');
    expect(empty.createSurveyTemplate.errors).toEqual([{ code: 'VALIDATION', path: ['input', 'questions'], message: 'A template needs at least one question.' }]);
  });
});

describe('logging a survey call', () => {
  it('stores the call, its answers and each mention as feedback on the employee and team', async () => {
    const call = await logCall(tenant.manager, {
      template,
      callerId: lead,
      answers: ['Ari was wonderful and so friendly.', 'The queue was long and the waiting times were awful.'],
      mentions: [
        { employeeId: agent, kind: 'PRAISE', quote: 'Ari was wonderful and so friendly.' },
        { employeeId: lead, kind: 'COMPLAINT', quote: 'Lena seemed rushed and a bit rude.' },
      ],
      satisfaction: 4,
      nps: 9,
    });
    expect(call!.caller.name).toBe('Lena Lead');
    expect(call!.team!.name).toBe('Harbour Café');
    expect(call!.answers.map((a) => [a.position, a.sentimentLabel])).toEqual([[1, 'POSITIVE'], [2, 'NEGATIVE']]);
    expect(call!.mentions).toHaveLength(2);
    expect(call!.mentions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'PRAISE', employee: { name: 'Ari Agent' }, team: { name: 'Harbour Café' }, body: 'Ari was wonderful and so friendly.' }),
        expect.objectContaining({ kind: 'COMPLAINT', employee: { name: 'Lena Lead' }, body: 'Lena seemed rushed and a bit rude.' }),
      ]),
    );
    const rows = await env.DB.prepare('SELECT kind, source, employee_id FROM feedback WHERE call_id = ? ORDER BY kind').bind(localId(call!.id)).all();
    expect(rows.results).toEqual([
      { kind: 'complaint', source: 'survey_call', employee_id: localId(lead) },
      { kind: 'praise', source: 'survey_call', employee_id: localId(agent) },
    ]);
    const themes = await env.DB.prepare("SELECT count(*) AS n FROM feedback_themes WHERE tenant_id = ? AND kind = 'complaint'").bind(localId(tenant.id)).first<{ n: number }>();
    expect(themes?.n).toBeGreaterThan(0);
  });

  it('lets a lead log their own call with an employee token, but not an agent', async () => {
    const token = await employeeToken(tenant.manager, lead);
    const result = await data<LogCallResult>(token, LOG_CALL, { input: callInput({ template }) });
    expect(result.logSurveyCall.errors).toEqual([]);
    expect(result.logSurveyCall.surveyCall!.caller.name).toBe('Lena Lead');
    const agentToken = await employeeToken(tenant.manager, agent);
    const refused = await gql(agentToken, LOG_CALL, { input: callInput({ template }) });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports every bad field with its path and writes nothing', async () => {
    const other = await createTenant();
    const stranger = await createEmployee(other.admin, { name: 'Stranger' });
    const before = await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f').first();
    const future = new Date(TEST_NOW.getTime() + 86_400_000).toISOString();
    const cases: [Record<string, unknown>, { code: string; path: string[]; message?: string }[]][] = [
      [{ satisfaction: 6 }, [{ code: 'VALIDATION', path: ['input', 'satisfaction'], message: 'Satisfaction is a whole number from 1 to 5.' }]],
      [{ satisfaction: 0, nps: 11 }, [
        { code: 'VALIDATION', path: ['input', 'satisfaction'] },
        { code: 'VALIDATION', path: ['input', 'nps'], message: 'NPS is a whole number from 0 to 10.' },
      ]],
      [{ calledAt: future }, [{ code: 'VALIDATION', path: ['input', 'calledAt'], message: 'The call cannot be in the future.' }]],
      [{ answers: [] }, [{ code: 'VALIDATION', path: ['input', 'answers'], message: 'A call needs at least one answer: log what the customer said.' }]],
      [{ answers: [{ questionId: template.questionIds[0], answer: 'x'.repeat(100_000) }] }, [{ code: 'VALIDATION', path: ['input', 'answers', '0', 'answer'], message: 'Answers are at most 5000 characters.' }]],
      [{ mentions: [{ employeeId: stranger, kind: 'PRAISE', quote: 'Great' }] }, [{ code: 'NOT_FOUND', path: ['input', 'mentions', '0', 'employeeId'], message: 'No Employee with this id exists in your organisation.' }]],
      [{ callerId: stranger }, [{ code: 'NOT_FOUND', path: ['input', 'callerId'] }]],
      [{ answers: [{ questionId: template.questionIds[0], answer: 'a' }, { questionId: template.questionIds[0], answer: 'b' }] }, [{ code: 'VALIDATION', path: ['input', 'answers', '1', 'questionId'], message: 'This question is answered twice.' }]],
    ];
    for (const [override, expected] of cases) {
      const input = { ...callInput({ template, callerId: lead }), ...override };
      const result = await gql<LogCallResult>(tenant.manager, LOG_CALL, { input });
      expect(result.body.errors, JSON.stringify(override).slice(0, 80)).toBeUndefined();
      const payload = result.body.data!.logSurveyCall;
      expect(payload.surveyCall).toBeNull();
      expect(payload.errors).toEqual(expected.map((error) => expect.objectContaining(error)));
    }
    const otherTemplate = await createTemplate(other.admin);
    const foreignQuestion = await gql<LogCallResult>(tenant.manager, LOG_CALL, {
      input: { ...callInput({ template, callerId: lead }), answers: [{ questionId: otherTemplate.questionIds[0], answer: 'Hi' }] },
    });
    expect(foreignQuestion.body.data!.logSurveyCall.errors).toEqual([
      { code: 'VALIDATION', path: ['input', 'answers', '0', 'questionId'], message: "This question is not part of the call's template." },
    ]);
    const after = await env.DB.prepare('SELECT (SELECT count(*) FROM survey_calls) AS c, (SELECT count(*) FROM feedback) AS f').first();
    expect(after).toEqual(before);
  });

  it('shows customer contact details and private notes to managers and admins only', async () => {
    // The newest call, so `first: 1` finds it (the other calls are an hour before the pinned clock).
    await logCall(tenant.manager, { template, callerId: lead, customerName: 'Dana Client', customerContact: '+44 20 7946 0000', notes: 'Upset about the refund; call back Friday.', calledAt: new Date(TEST_NOW.getTime() - 60_000).toISOString() });
    const query = '{ surveyCalls(first: 1, filter: { channel: PHONE }) { edges { node { customerName customerContact contactRedacted notes } } } }';
    type QueryResult = { surveyCalls: { edges: { node: { customerName: string | null; customerContact: string | null; contactRedacted: boolean; notes: string | null } }[] } };
    const asManager = await data<QueryResult>(tenant.manager, query);
    expect(asManager.surveyCalls.edges[0]!.node).toEqual({ customerName: 'Dana Client', customerContact: '+44 20 7946 0000', contactRedacted: false, notes: 'Upset about the refund; call back Friday.' });
    expect((await data<QueryResult>(tenant.admin, query)).surveyCalls.edges[0]!.node.notes).toBe('Upset about the refund; call back Friday.');
    // The private notes are redacted like the contact: for a reader key, an agent's and a lead's token.
    for (const key of [tenant.reader, await employeeToken(tenant.manager, agent), await employeeToken(tenant.manager, lead)]) {
      const redacted = await data<QueryResult>(key, query);
      expect(redacted.surveyCalls.edges[0]!.node).toEqual({ customerName: null, customerContact: null, contactRedacted: true, notes: null });
    }
  });

  it('filters calls by caller, mentioned employee and date', async () => {
    const mine = await data<{ byCaller: { totalCount: number }; byMention: { totalCount: number; edges: { node: { mentions: { employee: { name: string } | null }[] } }[] }; none: { totalCount: number } }>(tenant.reader, `query($c: ID, $m: ID) {
      byCaller: surveyCalls(filter: { callerId: $c }) { totalCount }
      byMention: surveyCalls(filter: { mentionedEmployeeId: $m }) { totalCount edges { node { mentions { employee { name } } } } }
      none: surveyCalls(filter: { to: "2000-01-01T00:00:00Z" }) { totalCount }
    }`, { c: lead, m: agent });
    expect(mine.byCaller.totalCount).toBeGreaterThanOrEqual(2);
    expect(mine.byMention.totalCount).toBe(1);
    expect(mine.none.totalCount).toBe(0);
  });
});

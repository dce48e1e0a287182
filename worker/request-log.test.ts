/**
 * Request logs: one JSON line per request (and per job), read back from console.log, the way
 * Workers observability receives them. Each test checks what a line says and what it must never
 * say: the key, the token, the customer's contact, variables.
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { signUnsubscribeToken } from '../features/summaries/unsubscribe-token.ts';
import type { SummaryMessage } from '../features/summaries/queue.ts';
import { createEmployee, createTenant, employeeToken, localId, nextInstant, PLATFORM_TOKEN } from '../test/helpers.ts';
import { createPublishableKey, widgetFetch } from '../test/widget-helpers.ts';
import type { Env } from './env.ts';
import worker from './index.ts';
import type { JobLogLine, RequestLogLine } from './request-log.ts';

let logSpy: MockInstance<typeof console.log>;

beforeEach(() => {
  logSpy = vi.spyOn(console, 'log');
});
afterEach(() => {
  logSpy.mockRestore();
});

/** Every line logged since the test began, as text (to search for leaks) and parsed. */
function logged(): { text: string; lines: (RequestLogLine | JobLogLine)[] } {
  const texts = logSpy.mock.calls.map((call) => String(call[0]));
  const lines = texts.flatMap((text) => {
    try {
      return [JSON.parse(text) as RequestLogLine | JobLogLine];
    } catch {
      return [];
    }
  });
  return { text: texts.join('\n'), lines };
}

function requestLines(): RequestLogLine[] {
  return logged().lines.filter((line): line is RequestLogLine => line.type === 'request');
}

async function post(credential: string, query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<Response> {
  return exports.default.fetch(
    new Request('http://frontline.test/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${credential}`, 'X-Frontline-Now': nextInstant().toISOString() },
      body: JSON.stringify({ query, variables, operationName }),
    }),
  );
}

const CREATE_EMPLOYEE = `mutation Hire($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } errors { code } } }`;

describe('request logs', () => {
  it('log one line per GraphQL request: who, what, how it went, and the request id the response carries', async () => {
    const tenant = await createTenant();
    logSpy.mockClear();
    const email = 'ana.secret-contact@example.com';
    const response = await post(tenant.admin, CREATE_EMPLOYEE, { input: { name: 'Ana Private', email, role: 'AGENT', hiredAt: '2024-01-15' } });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('X-Request-Id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const lines = requestLines();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      type: 'request',
      requestId,
      method: 'POST',
      path: '/graphql',
      route: 'graphql',
      status: 200,
      credential: 'secretKey',
      keyPrefix: tenant.admin.slice(0, 12),
      tenantId: localId(tenant.id),
      operationName: 'Hire',
      operationType: 'mutation',
      cost: expect.any(Number),
    });
    expect(line.statements).toBeGreaterThan(1);
    expect(line.statements).toBe(Number(response.headers.get('X-Frontline-Statements')));
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(line.errorCodes).toBeUndefined();

    const { text } = logged();
    for (const secret of [tenant.admin, email, 'Ana Private', 'hiredAt', 'createEmployee(input']) expect(text).not.toContain(secret);
  });

  it('reuse cf-ray as the request id when Cloudflare sent one', async () => {
    const tenant = await createTenant();
    logSpy.mockClear();
    const response = await exports.default.fetch(
      new Request('http://frontline.test/graphql?query=%7B__typename%7D', { headers: { Authorization: `Bearer ${tenant.reader}`, 'cf-ray': '8d1f2a3b4c5d6e7f-LHR' } }),
    );
    expect(response.headers.get('X-Request-Id')).toBe('8d1f2a3b4c5d6e7f-LHR');
    expect(requestLines()[0]).toMatchObject({ requestId: '8d1f2a3b4c5d6e7f-LHR', method: 'GET', path: '/graphql', operationType: 'query' });
  });

  it('name the error codes, and never the token of an employee or a customer contact in variables', async () => {
    const tenant = await createTenant();
    const employee = await createEmployee(tenant.admin, { name: 'Tok Holder' });
    const token = await employeeToken(tenant.admin, employee);
    logSpy.mockClear();
    const phone = '+44 20 7946 0999';
    // An employee token may not create employees: FORBIDDEN, with a contact in the variables.
    const response = await post(token, CREATE_EMPLOYEE, { input: { name: `Call ${phone}`, email: 'someone@example.com', role: 'AGENT', hiredAt: '2024-01-15' } });
    const line = requestLines()[0]!;
    expect(line).toMatchObject({ credential: 'employee', tenantId: localId(tenant.id), operationName: 'Hire', operationType: 'mutation', status: response.status, errorCodes: ['FORBIDDEN'] });
    expect(line.keyPrefix).toBeUndefined();
    // Variables that do not fit the input type: an error without a code is still counted.
    logSpy.mockClear();
    await post(token, CREATE_EMPLOYEE, { input: { name: 'X', phone } });
    expect(requestLines()[0]).toMatchObject({ status: 400, errorCodes: expect.arrayContaining([expect.any(String)]) });
    const { text } = logged();
    for (const secret of [token, token.slice(6, 40), phone, 'someone@example.com']) expect(text).not.toContain(secret);
  });

  it('log a refused credential with its code and prefix, and the platform token not at all', async () => {
    const unknown = 'fl_sk_doesnotexist000000000000000000000000000';
    logSpy.mockClear();
    const refused = await post(unknown, '{ viewer { role } }');
    expect(refused.status).toBe(401);
    expect(requestLines()[0]).toMatchObject({ status: 401, credential: 'secretKey', keyPrefix: 'fl_sk_doesno', errorCodes: ['UNAUTHENTICATED'] });
    logSpy.mockClear();
    await post(PLATFORM_TOKEN, '{ viewer { role } }');
    expect(requestLines()[0]).toMatchObject({ credential: 'platform' });
    const { text } = logged();
    expect(text).not.toContain(PLATFORM_TOKEN);
    expect(text).not.toContain(unknown);
  });

  it('log widget requests with the publishable key prefix only, and their refusals with their code', async () => {
    const tenant = await createTenant();
    const { key } = await createPublishableKey(tenant.admin);
    logSpy.mockClear();
    const ok = await widgetFetch(key, 'FeedbackPeople');
    expect(ok.status).toBe(200);
    expect(requestLines()[0]).toMatchObject({ route: 'widget', credential: 'publishable', keyPrefix: key.slice(0, 12), tenantId: localId(tenant.id), operationName: 'FeedbackPeople', status: 200 });
    logSpy.mockClear();
    const refused = await widgetFetch(key, 'FeedbackPeople', {}, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(requestLines()[0]).toMatchObject({ route: 'widget', status: 403, errorCodes: ['ORIGIN_NOT_ALLOWED'] });
    expect(logged().text).not.toContain(key);
  });

  it('log the unsubscribe route with the tenant, never the token', async () => {
    const tenant = await createTenant();
    const employeeGlobalId = await createEmployee(tenant.admin, { name: 'Un Subscriber' });
    const employeeId = localId(employeeGlobalId);
    const tenantId = localId(tenant.id);
    const token = await signUnsubscribeToken(env.UNSUBSCRIBE_SECRET ?? '', { tenantId, employeeId });
    logSpy.mockClear();
    const response = await exports.default.fetch(new Request(`http://frontline.test/unsubscribe?token=${encodeURIComponent(token)}`));
    expect(response.status).toBe(200);
    expect(requestLines()[0]).toMatchObject({ route: 'unsubscribe', path: '/unsubscribe', method: 'GET', status: 200, tenantId });
    expect(logged().text).not.toContain(token);
    expect(logged().text).not.toContain(employeeId);
  });

  it('log CSRF refusals and unknown paths with their codes', async () => {
    logSpy.mockClear();
    await exports.default.fetch(new Request('http://frontline.test/graphql', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"query":"{__typename}"}' }));
    await exports.default.fetch(new Request('http://frontline.test/nowhere'));
    expect(requestLines().map((line) => [line.status, line.errorCodes])).toEqual([
      [415, ['UNSUPPORTED_MEDIA_TYPE']],
      [404, ['NOT_FOUND']],
    ]);
  });
});

describe('job logs', () => {
  it('log one line per scheduled run and per queue batch, without message contents', async () => {
    const jobEnv: Env = { ...(env as Env), SUMMARIES_QUEUE: { send: async () => undefined, sendBatch: async () => undefined } as unknown as Queue<SummaryMessage> };
    logSpy.mockClear();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date('2026-11-23T09:00:00Z'), cron: '0 * * * *' }), jobEnv);
    const batch = createMessageBatch<SummaryMessage>('summaries', [
      { id: 'log-1', timestamp: new Date('2026-11-23T09:00:00Z'), attempts: 1, body: { type: 'send', tenantId: 'tnt_nobody', outboxIds: ['out_secret_row'] } },
    ]);
    const executionCtx = createExecutionContext();
    await worker.queue(batch, jobEnv);
    await waitOnExecutionContext(executionCtx);
    const jobs = logged().lines.filter((line): line is JobLogLine => line.type !== 'request');
    expect(jobs).toEqual([
      expect.objectContaining({ type: 'scheduled', source: '0 * * * *', scheduledTime: '2026-11-23T09:00:00.000Z', outcome: 'ok', statements: expect.any(Number) }),
      expect.objectContaining({ type: 'queue', source: 'summaries', messages: { send: 1 }, outcome: 'ok' }),
    ]);
    expect(jobs[0]!.statements).toBeGreaterThan(0);
    expect(logged().text).not.toContain('out_secret_row');
  });
});

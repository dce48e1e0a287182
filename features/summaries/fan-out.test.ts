/**
 * Bounded work per invocation: a compile fans the emails out as send messages of at most 20, and
 * the outbox page with its recipients and summaries is a fixed number of SQL statements.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { createTenant, gql, localId, TEST_NOW, type TestTenant } from '../../test/helpers.ts';
import { SEND_CHUNK } from './queue.ts';
import { saveSettings } from './service.ts';
import { deliver, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
const PEOPLE = 45;
let tenant: TestTenant;
let t: string;

beforeAll(async () => {
  tenant = await createTenant();
  t = localId(tenant.id);
  const at = Date.parse('2026-11-04T10:00:00Z');
  const statements: D1PreparedStatement[] = [];
  for (let n = 0; n < PEOPLE; n++) {
    statements.push(
      env.DB.prepare("INSERT INTO employees (id, tenant_id, name, email, role, hired_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'agent', '2024-01-01', ?, ?)")
        .bind(`emp_fan_${n}`, t, `Person ${n}`, `person${n}.${t}@example.com`, at, at),
      env.DB.prepare("INSERT INTO feedback (id, tenant_id, kind, source, employee_id, body, received_at, created_at) VALUES (?, ?, 'praise', 'widget', ?, ?, ?, ?)")
        .bind(`fb_fan_${n}`, t, `emp_fan_${n}`, `Person ${n} was great.`, at, at),
    );
  }
  await env.DB.batch(statements);
  await saveSettings(new TenantScope(createDatabase(env.DB), t, TEST_NOW), {
    enabled: true, timeZone: 'UTC', weekday: 1, hour: 8, senderName: 'Fan', senderAddress: 'summaries@fan.example', levels: ['employee'], skipEmpty: true,
  }, new Date('2026-11-01T00:00:00Z'));
});

describe('fan-out', () => {
  it(`sends go out as messages of at most ${SEND_CHUNK} emails, every email exactly once`, async () => {
    await deliver(worker, [{ type: 'compile', tenantId: t, periodKey: '2026-W45' }]);
    const sends = queue.take(t);
    expect(sends.map((message) => (message.type === 'send' ? message.outboxIds.length : 0))).toEqual([20, 20, 5]);
    const ids = sends.flatMap((message) => (message.type === 'send' ? message.outboxIds : []));
    expect(new Set(ids).size).toBe(PEOPLE);
    await deliver(worker, sends);
    const statuses = await env.DB.prepare('SELECT status, COUNT(*) AS n FROM email_outbox WHERE tenant_id = ? GROUP BY status').bind(t).all();
    expect(statuses.results).toEqual([{ status: 'sent', n: PEOPLE }]);
  });

  it('an outbox page of 45 with recipients and summaries is authentication plus at most 2 SQL statements (no N+1)', async () => {
    const result = await gql(tenant.admin, `{ emailOutbox(first: 50) { totalCount edges { node { status recipient { name team { name } } summary { periodKey items { text } } } } } }`);
    expect(result.body.errors).toBeUndefined();
    expect((result.body.data as { emailOutbox: { edges: unknown[] } }).emailOutbox.edges).toHaveLength(PEOPLE);
    expect(result.statements).toBeLessThanOrEqual(3);
    const summaries = await gql(tenant.admin, `{ summaries(first: 50) { totalCount edges { node { level employee { name } items { quote sourceIds } } } } }`);
    expect((summaries.body.data as { summaries: { totalCount: number } }).summaries.totalCount).toBe(PEOPLE);
    expect(summaries.statements).toBeLessThanOrEqual(3);
  });
});

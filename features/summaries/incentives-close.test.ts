/** The hourly run closes ended incentive periods through the exactly-once award path. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createTenant, localId } from '../../test/helpers.ts';
import { createTemplate, logCall } from '../../test/voice-helpers.ts';
import { deliver, fireCron, RecordingQueue, testEnv } from './test-helpers.ts';

const queue = new RecordingQueue();
const worker = testEnv(queue);
let t: string;
let ana: string;
const ledger = () => env.DB.prepare("SELECT employee_id, delta, period_key, actor FROM points_entries WHERE tenant_id = ? AND kind = 'achievement'").bind(t).all().then((r) => r.results);

beforeAll(async () => {
  const tenant = await createTenant();
  t = localId(tenant.id);
  ana = await createEmployee(tenant.admin, { name: 'Ana Caller' });
  const template = await createTemplate(tenant.admin);
  await logCall(tenant.admin, { template, callerId: ana, calledAt: '2026-11-04T12:00:00Z' });
  // A weekly goal (one survey call) that existed before week 2026-W45, and one made after it ended.
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO incentive_programs (id, tenant_id, name, metric, target, period, scope, employee_id, points, status, created_at, updated_at)
      VALUES ('prg_close_1', ?, 'Call a customer', 'survey_calls_made', 1, 'week', 'employee', ?, 25, 'active', ?, ?)`).bind(t, localId(ana), Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-10-01T00:00:00Z')),
    env.DB.prepare(`INSERT INTO incentive_programs (id, tenant_id, name, metric, target, period, scope, employee_id, points, status, created_at, updated_at)
      VALUES ('prg_close_2', ?, 'Too late', 'survey_calls_made', 1, 'week', 'employee', ?, 99, 'active', ?, ?)`).bind(t, localId(ana), Date.parse('2026-11-09T01:00:00Z'), Date.parse('2026-11-09T01:00:00Z')),
  ]);
});

describe('closing incentive periods', () => {
  it('awards the week that just ended exactly once, however often the cron and the queue repeat', async () => {
    await fireCron(worker, '2026-11-09T03:00:00Z');
    const messages = queue.take(t);
    expect(messages).toEqual([{ type: 'close-incentives', tenantId: t, at: Date.parse('2026-11-09T03:00:00Z') }]);
    const result = await deliver(worker, messages);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(await ledger()).toEqual([{ employee_id: localId(ana), delta: 25, period_key: '2026-W45', actor: null }]);

    await fireCron(worker, '2026-11-09T04:00:00Z');
    await deliver(worker, [...queue.take(t), ...messages], 2);
    expect(await ledger()).toHaveLength(1);
  });

  it('stops trying a day after the period ended', async () => {
    await fireCron(worker, '2026-11-10T03:00:00Z');
    expect(queue.take(t)).toEqual([]);
  });
});

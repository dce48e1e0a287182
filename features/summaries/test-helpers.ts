/**
 * Test helpers for the summaries: drive the Worker's real scheduled and queue handlers with a
 * queue that records what they enqueue (instead of letting the local queue deliver on its own
 * schedule), and read the emails the memory mailer kept.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, type QueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';
import type { Env } from '../../worker/env.ts';
import { createDatabase } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { createEmployee, createTenant, localId, TEST_NOW } from '../../test/helpers.ts';
import { createTemplate, logCall } from '../../test/voice-helpers.ts';
import { handleSummaryBatch, type SummaryMessage } from './jobs.ts';
import { saveSettings, type SettingsInput } from './service.ts';

export class RecordingQueue {
  sent: SummaryMessage[] = [];
  async send(body: SummaryMessage): Promise<void> {
    this.sent.push(body);
  }
  async sendBatch(messages: Iterable<{ body: SummaryMessage }>): Promise<void> {
    for (const message of messages) this.sent.push(message.body);
  }
  /** Takes (and forgets) what was enqueued for `tenantId`. */
  take(tenantId: string): SummaryMessage[] {
    const mine = this.sent.filter((message) => message.tenantId === tenantId);
    this.sent = this.sent.filter((message) => message.tenantId !== tenantId);
    return mine;
  }
}

export function testEnv(queue: RecordingQueue, overrides: Partial<Env> = {}): Env {
  return { ...env, SUMMARIES_QUEUE: queue as unknown as Queue<SummaryMessage>, ...overrides };
}

/** Fires the Worker's scheduled handler as the cron would at `at`. */
export async function fireCron(testEnvironment: Env, at: string): Promise<void> {
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: '0 * * * *' });
  await worker.scheduled(controller, testEnvironment);
}

let messageCounter = 0;

/**
 * Delivers `bodies` to the Worker's queue handler as one batch (`attempts` each) and returns the
 * ack/retry state, plus the delay asked for each retried message (the test harness's result does
 * not report delays, so the messages are wrapped to record them).
 */
export async function deliver(
  testEnvironment: Env,
  bodies: SummaryMessage[],
  attempts = 1,
  /** The consumer's clock; without it, the Worker's own queue handler (system clock) runs. */
  now?: Date,
): Promise<QueueResult & { ids: string[]; delays: Record<string, number | undefined> }> {
  const messages = bodies.map((body) => ({ id: `msg-${++messageCounter}`, timestamp: new Date('2026-11-09T08:00:00Z'), attempts, body }));
  const batch = createMessageBatch<SummaryMessage>('summaries', messages);
  const delays: Record<string, number | undefined> = {};
  const recorded: MessageBatch<SummaryMessage> = {
    queue: batch.queue,
    metadata: batch.metadata,
    ackAll: () => batch.ackAll(),
    retryAll: (options) => batch.retryAll(options),
    messages: batch.messages.map((message) => ({
      id: message.id,
      timestamp: message.timestamp,
      body: message.body,
      attempts: message.attempts,
      ack: () => message.ack(),
      retry: (options?: QueueRetryOptions) => {
        delays[message.id] = options?.delaySeconds;
        message.retry(options);
      },
    })),
  };
  const ctx = createExecutionContext();
  if (now) await handleSummaryBatch(recorded, testEnvironment, now);
  else await worker.queue(recorded, testEnvironment);
  return { ...(await getQueueResult(batch, ctx)), ids: messages.map((message) => message.id), delays };
}

/**
 * A new tenant with one agent praised on a call in week 2026-W45 ("Ana was wonderful."), and
 * employee-level summary settings (UTC, Monday 08:00) with `settings` on top.
 */
export async function praisedTenant(settings: Partial<SettingsInput> = {}) {
  const tenant = await createTenant();
  const t = localId(tenant.id);
  const email = `agent.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const agent = await createEmployee(tenant.admin, { name: 'Ana Agent', email });
  const template = await createTemplate(tenant.admin);
  await logCall(tenant.admin, { template, callerId: agent, calledAt: '2026-11-04T12:00:00Z', satisfaction: 5, mentions: [{ employeeId: agent, kind: 'PRAISE', quote: 'Ana was wonderful.' }] });
  await saveSettings(new TenantScope(createDatabase(env.DB), t, TEST_NOW), {
    enabled: true, timeZone: 'UTC', weekday: 1, hour: 8, senderName: 'Test', senderAddress: 'summaries@test.example', levels: ['employee'], skipEmpty: true, ...settings,
  }, new Date('2026-11-01T00:00:00Z'));
  return { tenant, t, agent, email };
}

/**
 * Test helpers for the summaries: drive the Worker's real scheduled and queue handlers with a
 * queue that records what they enqueue (instead of letting the local queue deliver on its own
 * schedule), and read the emails the memory mailer kept.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, type QueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';
import type { Env } from '../../worker/env.ts';
import type { SummaryMessage } from './jobs.ts';

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

/** Delivers `bodies` to the Worker's queue handler as one batch (`attempts` each) and returns the ack/retry state. */
export async function deliver(testEnvironment: Env, bodies: SummaryMessage[], attempts = 1): Promise<QueueResult & { ids: string[] }> {
  const messages = bodies.map((body) => ({ id: `msg-${++messageCounter}`, timestamp: new Date('2026-11-09T08:00:00Z'), attempts, body }));
  const batch = createMessageBatch<SummaryMessage>('summaries', messages);
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnvironment);
  return { ...(await getQueueResult(batch, ctx)), ids: messages.map((message) => message.id) };
}

/**
 * Test helpers for the summaries: drive the Worker's real scheduled and queue handlers with a
 * queue that records what they enqueue (instead of letting the local queue deliver on its own
 * schedule), and read the emails the memory mailer kept.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, type QueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';
import type { Env } from '../../worker/env.ts';
import { handleSummaryBatch, type SummaryMessage } from './jobs.ts';

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

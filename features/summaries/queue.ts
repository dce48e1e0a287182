/**
 * The summaries queue's messages and producers, apart from the consumer (jobs.ts) so the GraphQL
 * module can enqueue without loading the mailers.
 */
import { chunk } from '../../db/batching.ts';
import type { MailerEnv } from './mailer/index.ts';

export type SummaryMessage =
  | { type: 'compile'; tenantId: string; periodKey: string }
  | { type: 'send'; tenantId: string; outboxIds: string[] }
  /** Award the incentive periods that ended just before `at` (ms), exactly once (the ledger's unique index). */
  | { type: 'close-incentives'; tenantId: string; at: number };

export interface SummaryEnv extends MailerEnv {
  DB: D1Database;
  SUMMARIES_QUEUE: Queue<SummaryMessage>;
  /** The Worker's public origin, for unsubscribe links (e.g. https://frontline.example.com). */
  PUBLIC_BASE_URL?: string;
  /** Secret: signs unsubscribe tokens. */
  UNSUBSCRIBE_SECRET?: string;
}

/** Emails per `send` message: one message's sends and statements stay small and retry together. */
export const SEND_CHUNK = 20;

/** Queues take at most 100 messages per sendBatch. */
const QUEUE_BATCH_MAX = 100;

/** Enqueues messages, at most 100 per call. */
export async function enqueue(queue: Queue<SummaryMessage>, messages: SummaryMessage[]): Promise<void> {
  for (const part of chunk(messages, QUEUE_BATCH_MAX)) await queue.sendBatch(part.map((body) => ({ body })));
}

/** Enqueues a compile for one tenant and week (the `runSummaries` mutation). */
export async function enqueueCompile(env: SummaryEnv, tenantId: string, periodKey: string): Promise<void> {
  await env.SUMMARIES_QUEUE.send({ type: 'compile', tenantId, periodKey });
}

/** Enqueues sends for outbox rows (an admin's retry, or the fan-out after a compile). */
export async function enqueueSends(env: SummaryEnv, tenantId: string, outboxIds: string[]): Promise<void> {
  await enqueue(env.SUMMARIES_QUEUE, chunk(outboxIds, SEND_CHUNK).map((ids) => ({ type: 'send', tenantId, outboxIds: ids })));
}

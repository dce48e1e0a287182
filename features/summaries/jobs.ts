/**
 * The scheduled and queue work (worker/index.ts only forwards to these):
 *
 * cron (hourly) -> `runScheduled`: finds the tenants whose summary is due at the cron's
 *   scheduledTime (their own weekday and hour) and enqueues one `compile` message per (tenant,
 *   week). No heavy work here.
 * queue -> `compile`: compiles and stores the week's summaries and outbox rows (idempotent), then
 *   fans the pending emails out as `send` messages of SEND_CHUNK rows, so a 2,000-employee tenant
 *   stays far inside D1's 1,000 queries and the subrequest limit per invocation.
 * queue -> `send`: sends those rows through the Mailer, each at most once (service.sendOutbox).
 *
 * Messages are acked one by one; a failed one is retried with exponential backoff, and after the
 * last retry lands in the dead-letter queue. The outbox rows keep the failure visible either way.
 */
import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { mailerFor } from './mailer/index.ts';
import { enqueue, enqueueSends, type SummaryEnv, type SummaryMessage } from './queue.ts';
import { duePeriod, periodForKey } from './schedule.ts';
import { compileAndStore, readSettings, sendOutbox, type SendResult } from './service.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

export type { SummaryEnv, SummaryMessage } from './queue.ts';

/** Backoff before retry number `attempts` (1, 2, ...): 30 s, 60 s, 120 s, ... at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Cross-tenant on purpose: the one place that reads every tenant's settings (jobs only), to find
 * who is due. Everything after it runs inside one tenant's scope.
 */
export async function dueTenants(db: Database, at: Date): Promise<{ tenantId: string; periodKey: string }[]> {
  const rows = await db.all<{ tenant_id: string; time_zone: string; weekday: number; hour: number }>(
    sql`SELECT tenant_id, time_zone, weekday, hour FROM summary_settings WHERE enabled = 1`,
  );
  return rows.flatMap((row) => {
    const period = duePeriod({ timeZone: row.time_zone, weekday: row.weekday, hour: row.hour }, at);
    return period ? [{ tenantId: row.tenant_id, periodKey: period.key }] : [];
  });
}

/** The hourly cron: one `compile` message per due tenant. Returns what it enqueued. */
export async function runScheduled(env: SummaryEnv, scheduledTime: number): Promise<{ tenantId: string; periodKey: string }[]> {
  const due = await dueTenants(createDatabase(env.DB), new Date(scheduledTime));
  await enqueue(env.SUMMARIES_QUEUE, due.map((d) => ({ type: 'compile', ...d })));
  return due;
}

export function unsubscribeLinks(env: SummaryEnv, tenantId: string) {
  return async (employeeId: string) => {
    if (!env.UNSUBSCRIBE_SECRET) throw new Error('The UNSUBSCRIBE_SECRET secret is not set, so no unsubscribe link can be signed.');
    const token = await signUnsubscribeToken(env.UNSUBSCRIBE_SECRET, { tenantId, employeeId });
    return `${(env.PUBLIC_BASE_URL ?? '').replace(/\/$/, '')}/unsubscribe?token=${encodeURIComponent(token)}`;
  };
}

/** One message's work. `now` is the consumer invocation's clock, read once at the edge (worker/index.ts). */
export async function processMessage(env: SummaryEnv, body: SummaryMessage, now: Date): Promise<SendResult | null> {
  const tenant = new TenantScope(createDatabase(env.DB), body.tenantId);
  if (body.type === 'compile') {
    const settings = await readSettings(tenant);
    if (!settings) return null;
    const period = periodForKey(body.periodKey, settings.timeZone);
    if (!period) return null;
    const result = await compileAndStore(tenant, settings, period, now);
    await enqueueSends(env, body.tenantId, result.pendingOutboxIds);
    return null;
  }
  return sendOutbox(tenant, body.outboxIds, { mailer: mailerFor(env), now, unsubscribeUrl: unsubscribeLinks(env, body.tenantId) });
}

/** The queue consumer: each message acked on success, retried with backoff on any failure. */
export async function handleSummaryBatch(batch: MessageBatch<SummaryMessage>, env: SummaryEnv, now: Date): Promise<void> {
  for (const message of batch.messages) {
    try {
      const result = await processMessage(env, message.body, now);
      if (result && result.failed > 0) {
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      } else {
        message.ack();
      }
    } catch (error) {
      console.error(`summaries: ${message.body.type} for ${message.body.tenantId} failed (attempt ${message.attempts}):`, error);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

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
 * A send that finds its rows still claimed (`sending`, inside SEND_LEASE_MS) is retried after the
 * lease rather than acked, and the hourly cron re-queues rows left `sending` past their lease
 * (a run that died after its claim), so no row is ever stranded.
 */
import { sql } from 'drizzle-orm';
import { chunk } from '../../db/batching.ts';
import { createDatabase, type Database } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { mailerFor } from './mailer/index.ts';
import { enqueue, enqueueSends, SEND_CHUNK, type SummaryEnv, type SummaryMessage } from './queue.ts';
import { duePeriod, periodForKey } from './schedule.ts';
import { compileAndStore, readSettings, SEND_LEASE_MS, sendOutbox, type SendResult } from './service.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';
import { awardIfAchieved } from '../incentives/service.ts';
import { periodContaining, type PeriodKind } from '../../domain/periods.ts';

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

/** At most this many stuck rows are re-queued per hourly run (the rest wait for the next run). */
const STALE_SWEEP_LIMIT = 2_000;

/**
 * Cross-tenant on purpose (jobs only, like dueTenants): outbox rows left `sending` past their
 * lease at `at`, whose queue message is gone (acked, or retried out into the dead-letter
 * queue). The hourly cron sends them again, so no row can stay `sending` for ever.
 */
export async function staleSendingRows(db: Database, at: Date): Promise<{ tenantId: string; id: string }[]> {
  const rows = await db.all<{ tenant_id: string; id: string }>(sql`
    SELECT tenant_id, id FROM email_outbox WHERE status = 'sending' AND claimed_at < ${at.getTime() - SEND_LEASE_MS}
    ORDER BY tenant_id, id LIMIT ${STALE_SWEEP_LIMIT}`);
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
}

/** How long after a period ends the hourly runs keep trying to close it (a missed cron is caught up). */
const CLOSE_WINDOW_MS = 24 * 3_600_000;

/** The incentive period of `kind` that ended last before `at`. */
export const lastEndedPeriod = (kind: PeriodKind, at: Date) => periodContaining(kind, new Date(periodContaining(kind, at).start.getTime() - 1));

/**
 * Cross-tenant on purpose (jobs only): tenants with an active incentive program whose last period
 * ended within CLOSE_WINDOW_MS before `at`. Closing is idempotent, so the repeats in the window
 * award nothing twice.
 */
export async function tenantsClosingIncentives(db: Database, at: Date): Promise<string[]> {
  const rows = await db.all<{ tenant_id: string; period: PeriodKind }>(sql`SELECT DISTINCT tenant_id, period FROM incentive_programs WHERE status = 'active'`);
  const due = rows.filter((row) => at.getTime() - lastEndedPeriod(row.period, at).end.getTime() < CLOSE_WINDOW_MS);
  return [...new Set(due.map((row) => row.tenant_id))];
}

/** `send` messages for stuck rows: per tenant, SEND_CHUNK rows each. */
function staleSends(rows: { tenantId: string; id: string }[]): SummaryMessage[] {
  const byTenant = new Map<string, string[]>();
  for (const row of rows) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row.id]);
  return [...byTenant.entries()].flatMap(([tenantId, ids]) => chunk(ids, SEND_CHUNK).map((outboxIds): SummaryMessage => ({ type: 'send', tenantId, outboxIds })));
}

/**
 * The hourly cron: one `compile` message per tenant whose summary is due, one
 * `close-incentives` message per tenant with an incentive period that just ended, and `send`
 * messages for outbox rows stuck in `sending` past their lease.
 */
export async function runScheduled(env: SummaryEnv, scheduledTime: number): Promise<{ tenantId: string; periodKey: string }[]> {
  const db = createDatabase(env.DB);
  const at = new Date(scheduledTime);
  const [due, closing, stale] = await Promise.all([dueTenants(db, at), tenantsClosingIncentives(db, at), staleSendingRows(db, at)]);
  await enqueue(env.SUMMARIES_QUEUE, [
    ...due.map((d): SummaryMessage => ({ type: 'compile', ...d })),
    ...closing.map((tenantId): SummaryMessage => ({ type: 'close-incentives', tenantId, at: scheduledTime })),
    ...staleSends(stale),
  ]);
  return due;
}

/** Seconds past a lease's end before a message comes back for its rows (clock skew between runs). */
const LEASE_MARGIN_SECONDS = 30;

/**
 * What to do with a processed message: ack it, or retry it after a delay. A send with failures
 * backs off; a send that found rows still claimed (in flight, or left by a run that died) comes
 * back once their lease has expired, when it can claim them itself.
 */
export function retryDelayFor(result: SendResult | null, attempts: number, now: Date): number | null {
  if (!result) return null;
  const backoff = result.failed > 0 ? retryDelaySeconds(attempts) : 0;
  const lease = result.inFlight > 0 && result.leaseEndsAt !== null ? Math.max(0, Math.ceil((result.leaseEndsAt - now.getTime()) / 1000)) + LEASE_MARGIN_SECONDS : 0;
  const delay = Math.max(backoff, lease);
  return delay > 0 ? delay : null;
}

/**
 * Awards every active program of the tenant for its last ended period (when reached), through the
 * same exactly-once path as evaluateIncentiveProgram. Programs created after that period ended
 * are left alone. Returns the employees awarded now.
 */
export async function closeEndedIncentives(tenant: TenantScope, at: Date, now: Date): Promise<number> {
  const programs = await tenant.db.query.incentivePrograms.findMany({ where: { status: 'active' } });
  let awarded = 0;
  for (const program of programs) {
    const period = lastEndedPeriod(program.period, at);
    if (program.createdAt.getTime() >= period.end.getTime()) continue;
    awarded += (await awardIfAchieved(tenant, program, period, { id: null, asDecider: null }, now)).awardedNow;
  }
  return awarded;
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
  const tenant = new TenantScope(createDatabase(env.DB), body.tenantId, now);
  if (body.type === 'close-incentives') {
    await closeEndedIncentives(tenant, new Date(body.at), now);
    return null;
  }
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
      const delaySeconds = retryDelayFor(result, message.attempts, now);
      if (delaySeconds === null) message.ack();
      else message.retry({ delaySeconds });
    } catch (error) {
      console.error(`summaries: ${message.body.type} for ${message.body.tenantId} failed (attempt ${message.attempts}):`, error);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

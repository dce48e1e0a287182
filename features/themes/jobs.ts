/**
 * The re-theme job (worker/index.ts forwards the "themes" queue here): each message re-classifies
 * one page of a run (RETHEME_PAGE records after `afterId`, keyset by id) with the tenant's current
 * taxonomy, in one batch with the run's progress, then enqueues the next page.
 *
 * Idempotent under redelivery: the run's `cursor` is the last id done, and the progress update is
 * guarded on it. A message whose page is done already (cursor past its afterId), or whose run is
 * finished or superseded, is acked and does nothing. A message that arrives before the page before
 * it was written (cursor behind its afterId: the next message is sent before the batch commits, so
 * a failure between the two cannot strand the run) is retried later.
 */
import { sql } from 'drizzle-orm';
import { runBatch } from '../../db/batching.ts';
import { createDatabase, type Database } from '../../db/client.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { rethemeFeedbackPage } from '../voice/service.ts';
import type { ThemesEnv, ThemesMessage, ThemesProducer } from './queue.ts';
import { findRun, RETHEME_PAGE, textAnalyser } from './service.ts';
import { themeRuns } from './tables.ts';

export type ThemesOutcome = 'processed' | 'finished' | 'skipped' | 'early';

/** Handles one message; `early` means "retry me later". */
export async function handleRethemeMessage(tenant: TenantScope, producer: ThemesProducer, message: ThemesMessage, pageSize = RETHEME_PAGE): Promise<ThemesOutcome> {
  const run = await findRun(tenant, message.runId);
  if (!run || run.status !== 'running') return 'skipped';
  const cursor = run.cursor ?? '';
  const after = message.afterId ?? '';
  if (cursor > after) return 'skipped';
  if (cursor < after) return 'early';

  const analyser = await textAnalyser(tenant);
  const page = await rethemeFeedbackPage(tenant, analyser, message.afterId, pageSize);
  const last = page.count < pageSize;
  if (!last) await producer.send({ type: 'retheme', tenantId: tenant.tenantId, runId: run.id, afterId: page.lastId });
  const now = tenant.now;
  await runBatch(tenant, [
    ...page.writes,
    tenant.updateWhere(
      themeRuns,
      {
        cursor: page.lastId ?? run.cursor,
        processed: sql`${themeRuns.processed} + ${page.count}`,
        ...(last ? { status: 'done' as const, finishedAt: now } : {}),
      },
      sql`${themeRuns.id} = ${run.id} AND ${themeRuns.status} = 'running' AND coalesce(${themeRuns.cursor}, '') = ${cursor}`,
    ),
  ]);
  return last ? 'finished' : 'processed';
}

/** Backoff for a message that came before its page's predecessor was written. */
const EARLY_RETRY_SECONDS = 5;

/** Retry delay after a failure: 10 s, 20 s, 40 s, ... at most 10 minutes. */
const failureDelay = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

export async function handleThemesBatch(batch: MessageBatch<ThemesMessage>, env: ThemesEnv, now: Date): Promise<void> {
  const db = createDatabase(env.DB);
  for (const message of batch.messages) {
    try {
      const tenant = new TenantScope(db, message.body.tenantId, now);
      const outcome = await handleRethemeMessage(tenant, env.THEMES_QUEUE, message.body);
      if (outcome === 'early') message.retry({ delaySeconds: EARLY_RETRY_SECONDS });
      else message.ack();
    } catch (error) {
      console.error('re-theme page failed', { runId: message.body.runId, attempts: message.attempts, error: String(error) });
      message.retry({ delaySeconds: failureDelay(message.attempts) });
    }
  }
}

/** A running run untouched this long has lost its message (retried out into the dead-letter queue). */
export const STALLED_RUN_MS = 3_600_000;
/** At most this many runs resumed per hourly sweep. */
const STALLED_SWEEP_LIMIT = 100;

/**
 * Cross-tenant on purpose (jobs only, like the summaries' stale sends): runs still `running` whose
 * progress was last written more than STALLED_RUN_MS before `at` get their next page's message
 * again, from their cursor. The hourly cron calls it, so no run stays RUNNING for ever after its
 * message dead-lettered. A duplicate of a message still in flight is harmless: the cursor guard
 * lets one of them write the page's progress, and the other is skipped.
 */
export async function resumeStalledRuns(db: Database, producer: ThemesProducer, at: Date): Promise<ThemesMessage[]> {
  const rows = await db.all<{ tenant_id: string; id: string; cursor: string | null }>(sql`
    SELECT tenant_id, id, cursor FROM theme_runs WHERE status = 'running' AND updated_at < ${at.getTime() - STALLED_RUN_MS}
    ORDER BY updated_at LIMIT ${STALLED_SWEEP_LIMIT}`);
  const messages = rows.map((row): ThemesMessage => ({ type: 'retheme', tenantId: row.tenant_id, runId: row.id, afterId: row.cursor }));
  for (const message of messages) await producer.send(message);
  return messages;
}

/** The hourly cron's share for themes (worker/index.ts): resume stalled runs at the cron's own time. */
export async function runThemesScheduled(env: ThemesEnv, scheduledTime: number): Promise<ThemesMessage[]> {
  return resumeStalledRuns(createDatabase(env.DB), env.THEMES_QUEUE, new Date(scheduledTime));
}

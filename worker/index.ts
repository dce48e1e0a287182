/**
 * The Worker's entry points: fetch (GraphQL at /graphql, /unsubscribe), scheduled (the hourly
 * cron that starts the weekly summaries) and queue (the summaries' compile and send work, and the
 * themes' re-theme runs). The scheduled and queue handlers only forward to features/<x>/jobs.ts.
 */
import { countingD1 } from '../db/counting-d1.ts';
import type { Env } from './env.ts';
import { isLocal } from './env.ts';
import { limitBody } from './body-limit.ts';
import { jsonError } from './http-errors.ts';
import { routeWidgets } from './widgets.ts';
import { yoga } from './yoga.ts';
import { handleSummaryBatch, runScheduled, type SummaryMessage } from '../features/summaries/jobs.ts';
import { handleThemesBatch, runThemesScheduled } from '../features/themes/jobs.ts';
import type { ThemesMessage } from '../features/themes/queue.ts';
import { handleUnsubscribe } from './unsubscribe.ts';
import { requestNow } from './clock.ts';
import type { RequestStats } from './context.ts';
import { loggedJob, RequestLog } from './request-log.ts';

export default {
  /** Every request gets one log line and an X-Request-Id (worker/request-log.ts). */
  async fetch(request: Request, env: Env, executionCtx: ExecutionContext): Promise<Response> {
    const log = new RequestLog(request);
    // Every statement passes the D1 binding, so it is counted there: batches and authentication's
    // reads included, which drizzle's logger would miss.
    const stats = { statements: 0 };
    let response: Response;
    try {
      response = await route(request, env, executionCtx, stats, log);
    } catch (error) {
      // Logged with the status the runtime will answer, then left to the runtime as before.
      await log.finish(new Response(null, { status: 500 }), stats.statements);
      throw error;
    }
    return log.finish(response, stats.statements);
  },

  /** Hourly, at the cron's own scheduledTime (never "now"): enqueues the summaries due, and resumes stalled re-theme runs. */
  async scheduled(controller: ScheduledController, env: Env): Promise<void> {
    const stats = { statements: 0 };
    const counted: Env = { ...env, DB: countingD1(env.DB, () => void stats.statements++) };
    const scheduledTime = new Date(controller.scheduledTime).toISOString();
    await loggedJob({ type: 'scheduled', source: controller.cron, scheduledTime }, stats, async () => {
      await runScheduled(counted, controller.scheduledTime);
      await runThemesScheduled(counted, controller.scheduledTime);
    });
  },

  async queue(batch: MessageBatch<SummaryMessage | ThemesMessage>, env: Env): Promise<void> {
    const stats = { statements: 0 };
    const counted: Env = { ...env, DB: countingD1(env.DB, () => void stats.statements++) };
    const messages: Record<string, number> = {};
    for (const message of batch.messages) messages[message.body.type] = (messages[message.body.type] ?? 0) + 1;
    // One clock per invocation, like a request's: FRONTLINE_NOW pins it in development and tests.
    const now = requestNow(new Headers(), env);
    // One consumer for both queues, told apart by the queue's name (wrangler.toml).
    await loggedJob({ type: 'queue', source: batch.queue, messages }, stats, () =>
      batch.queue === THEMES_QUEUE_NAME
        ? handleThemesBatch(batch as MessageBatch<ThemesMessage>, counted, now)
        : handleSummaryBatch(batch as MessageBatch<SummaryMessage>, counted, now),
    );
  },
} satisfies ExportedHandler<Env, SummaryMessage | ThemesMessage>;

/** The re-theme queue's name in wrangler.toml. */
const THEMES_QUEUE_NAME = 'themes';

async function route(request: Request, env: Env, executionCtx: ExecutionContext, stats: RequestStats, log: RequestLog): Promise<Response> {
  const url = new URL(request.url);
  // Counted on the bytes that arrive, before authentication or parsing does any work.
  const limited = await limitBody(request);
  if (!limited.ok) return limited.response;

  const counted: Env = { ...env, DB: countingD1(env.DB, () => void stats.statements++) };

  // Widgets: the script, the demo, and /graphql?key=fl_pk_... (its own CORS, documents, limits).
  const widget = await routeWidgets(limited.request, counted, executionCtx, stats, log);
  if (widget) return widget;
  if (url.pathname === '/' && request.method === 'GET') {
    return Response.redirect(new URL('/graphql', url).toString(), 302);
  }
  // The edge reads the clock once per request; everything below takes it as `now`.
  if (url.pathname === '/unsubscribe') {
    log.routedTo('unsubscribe');
    return handleUnsubscribe(limited.request, counted, requestNow(request.headers, env), log);
  }
  if (url.pathname !== '/graphql') {
    return jsonError(404, 'NOT_FOUND', 'Not found. The GraphQL endpoint is /graphql.');
  }
  log.routedTo('graphql');
  const response = await yoga.fetch(limited.request, { env: counted, backgroundD1: env.DB, executionCtx, stats, credential: { verified: false }, log });
  if (!isLocal(env)) return response;
  // Local only: how many SQL statements the operation ran (tests and developers watch for N+1).
  const annotated = new Response(response.body, response);
  annotated.headers.set('X-Frontline-Statements', String(stats.statements));
  return annotated;
}

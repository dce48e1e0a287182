/**
 * The Worker's entry points: fetch (GraphQL at /graphql, /unsubscribe), scheduled (the hourly
 * cron that starts the weekly summaries) and queue (the summaries' compile and send work). The
 * scheduled and queue handlers only forward to features/summaries/jobs.ts.
 */
import type { Env } from './env.ts';
import { isLocal } from './env.ts';
import { jsonError } from './http-errors.ts';
import { yoga } from './yoga.ts';
import { handleSummaryBatch, runScheduled, type SummaryMessage } from '../features/summaries/jobs.ts';
import { handleUnsubscribe } from './unsubscribe.ts';

/** Requests larger than this are refused before parsing (413). */
const MAX_BODY_BYTES = 256 * 1024;

export default {
  async fetch(request: Request, env: Env, executionCtx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/' && request.method === 'GET') {
      return Response.redirect(new URL('/graphql', url).toString(), 302);
    }
    // The edge reads the clock once per request; everything below takes it as `now`.
    if (url.pathname === '/unsubscribe') return handleUnsubscribe(request, env, new Date());
    if (url.pathname !== '/graphql') {
      return jsonError(404, 'NOT_FOUND', 'Not found. The GraphQL endpoint is /graphql.');
    }
    const length = Number(request.headers.get('Content-Length') ?? '0');
    if (length > MAX_BODY_BYTES) {
      return jsonError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    }

    const stats = { statements: 0 };
    const response = await yoga.fetch(request, { env, executionCtx, stats });
    if (!isLocal(env)) return response;
    // Local only: how many SQL statements the operation ran (tests and developers watch for N+1).
    const annotated = new Response(response.body, response);
    annotated.headers.set('X-Frontline-Statements', String(stats.statements));
    return annotated;
  },

  /** Hourly: enqueues the summaries due at the cron's own scheduledTime (never "now"). */
  async scheduled(controller: ScheduledController, env: Env): Promise<void> {
    await runScheduled(env, controller.scheduledTime);
  },

  async queue(batch: MessageBatch<SummaryMessage>, env: Env): Promise<void> {
    await handleSummaryBatch(batch, env, new Date());
  },
} satisfies ExportedHandler<Env, SummaryMessage>;

/**
 * The Worker's entry points. Today: fetch (GraphQL at /graphql). The scheduled (weekly summaries)
 * and queue handlers join here in later issues.
 */
import type { Env } from './env.ts';
import { isLocal } from './env.ts';
import { jsonError } from './http-errors.ts';
import { routeWidgets } from './widgets.ts';
import { yoga } from './yoga.ts';

/** Requests larger than this are refused before parsing (413). */
const MAX_BODY_BYTES = 256 * 1024;

export default {
  async fetch(request: Request, env: Env, executionCtx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    // Widgets: the script, the demo, and /graphql?key=fl_pk_... (its own CORS, documents, limits).
    const widget = await routeWidgets(request, env, executionCtx, { statements: 0 });
    if (widget) return widget;
    if (url.pathname === '/' && request.method === 'GET') {
      return Response.redirect(new URL('/graphql', url).toString(), 302);
    }
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
} satisfies ExportedHandler<Env>;

/**
 * The widgets' HTTP edge:
 *
 * - `POST /graphql?key=fl_pk_...` (and its preflight): a widget's request. The publishable key is in
 *   the URL, not a header, because a browser's preflight carries no headers of the request: with
 *   the key in the URL the preflight itself is answered for exactly that key's origins. The body
 *   names a trusted document by hash; it runs as the key (or, for the suggestion box, as the
 *   employee of a scoped employee token of the same tenant).
 * - `GET /widgets/v1/frontline.js` and `/widgets/v1/<version>/frontline.js`: the script.
 * - `GET /widgets/demo` (local only): every widget on the seeded demo tenant.
 */
import { createDatabase } from '../db/client.ts';
import { widgetCorsHeaders, widgetOrigin, widgetPreflight } from '../features/widgets/cors.ts';
import { trustedDocument, type TrustedDocument } from '../features/widgets/documents.ts';
import { FRONTLINE_JS, FRONTLINE_JS_VERSION } from '../features/widgets/client/bundle.generated.ts';
import { demoPage, demoStylesheet } from './widget-demo-page.ts';
import { authenticate } from './auth/authenticate.ts';
import { requestNow } from './clock.ts';
import type { EmployeeTokenScope } from './auth/employee-tokens.ts';
import type { Principal } from './auth/principal.ts';
import { findActivePublishableKey, type ActivePublishableKey } from './auth/publishable-keys.ts';
import { clientKey } from './client-key.ts';
import type { RequestStats } from './context.ts';
import { isLocal, type Env } from './env.ts';
import { jsonError } from './http-errors.ts';
import type { RequestLog } from './request-log.ts';
import { yoga } from './yoga.ts';

/** Widget requests are small: a hash and a few variables. */
const MAX_WIDGET_BODY_BYTES = 16 * 1024;
/** The period of every [[ratelimits]] in wrangler.toml: a refused client may retry after it. */
const RATE_LIMIT_PERIOD_SECONDS = 60;

/** Handles the request when it is a widget's; null when it is not (the caller goes on to /graphql). */
export async function routeWidgets(request: Request, env: Env, executionCtx: ExecutionContext, stats: RequestStats, log?: RequestLog): Promise<Response | null> {
  const url = new URL(request.url);
  if (url.pathname === '/graphql' && url.searchParams.has('key')) {
    log?.routedTo('widget');
    // Only the key's display prefix is logged; the URL (and so the key) never is.
    log?.notePublishableKey(url.searchParams.get('key'));
    return widgetGraphQL(request, url, env, executionCtx, stats, log);
  }
  if (url.pathname === '/widgets/v1/frontline.js' || url.pathname === `/widgets/v1/${FRONTLINE_JS_VERSION}/frontline.js`) {
    log?.routedTo('widget-script');
    return widgetScript(request, url.pathname !== '/widgets/v1/frontline.js');
  }
  if (url.pathname === '/widgets/demo' && isLocal(env)) return new Response(await demoPage(env, url, requestNow(request.headers, env)), { headers: demoHeaders });
  if (url.pathname === '/widgets/demo.css' && isLocal(env)) return new Response(demoStylesheet(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
  return null;
}

// ---- the script ----------------------------------------------------------------------------------

/**
 * The versioned path never changes content, so browsers and CDNs keep it for a year; the plain v1
 * path follows releases and is kept five minutes (then revalidated by ETag). `*` is right here and
 * only here: the script is public code, no data, and SRI (`integrity` + `crossorigin`) needs it.
 */
function widgetScript(request: Request, pinned: boolean): Response {
  // The script is a static file: other methods are a client's mistake, not another way to get it.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return jsonError(405, 'METHOD_NOT_ALLOWED', 'The widget script answers GET and HEAD only.', { Allow: 'GET, HEAD' });
  }
  const etag = `"${FRONTLINE_JS_VERSION}"`;
  const headers = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: etag,
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers });
  return new Response(FRONTLINE_JS, { headers });
}

// ---- GraphQL for widgets -------------------------------------------------------------------------

type Refusal = { status: number; code: string; message: string; headers?: Record<string, string> };

async function widgetGraphQL(request: Request, url: URL, env: Env, executionCtx: ExecutionContext, stats: RequestStats, log: RequestLog | undefined): Promise<Response> {
  const key = await findActivePublishableKey(createDatabase(env.DB), url.searchParams.get('key'));
  const origin = widgetOrigin(request, key);
  if (request.method === 'OPTIONS') return widgetPreflight(origin);
  // Refusals before the origin is confirmed carry no CORS headers: the page's script cannot read
  // them (the widget shows "not enabled for this site"), a developer sees them in the network tab.
  if (!key) return refuse({ status: 401, code: 'WIDGET_KEY_INVALID', message: 'Unknown, malformed or revoked publishable key.' });
  if (!origin) {
    const sent = request.headers.get('Origin') ?? 'no Origin header';
    return refuse({ status: 403, code: 'ORIGIN_NOT_ALLOWED', message: `This publishable key does not allow ${sent}. An admin adds origins to the key.` });
  }
  const cors = widgetCorsHeaders(origin);
  // One clock read for the whole widget request: the token check and the GraphQL execution agree.
  const now = requestNow(request.headers, env);
  const outcome = await prepare(request, env, key, now);
  if ('status' in outcome) return refuse({ ...outcome, headers: { ...cors, ...outcome.headers } });

  const forwarded = new Request(new URL('/graphql', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: request.headers.get('Accept') ?? 'application/graphql-response+json' },
    body: JSON.stringify({ query: outcome.document.document, variables: outcome.variables, operationName: outcome.document.name }),
  });
  const response = await yoga.fetch(forwarded, { env, executionCtx, stats, principal: outcome.principal, now, credential: { verified: false }, log });
  const answered = new Response(response.body, response);
  // Whatever CORS policy /graphql has, a widget's answer carries exactly the key's.
  for (const name of [...answered.headers.keys()]) if (name.startsWith('access-control-')) answered.headers.delete(name);
  for (const [name, value] of Object.entries(cors)) answered.headers.set(name, value);
  if (isLocal(env)) answered.headers.set('X-Frontline-Statements', String(stats.statements));
  return answered;
}

interface Prepared {
  document: TrustedDocument & { name: string };
  variables: Record<string, unknown>;
  principal: Principal;
}

/** Checks method, body, document, the key's widgets, rate limits and the employee token. */
async function prepare(request: Request, env: Env, key: ActivePublishableKey, now: Date): Promise<Prepared | Refusal> {
  if (request.method !== 'POST') return { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Widget requests are POST.', headers: { Allow: 'POST, OPTIONS' } };
  const tooLarge = Number(request.headers.get('Content-Length') ?? '0') > MAX_WIDGET_BODY_BYTES;
  const text = tooLarge ? '' : await request.text();
  if (tooLarge || text.length > MAX_WIDGET_BODY_BYTES) return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `Widget requests are at most ${MAX_WIDGET_BODY_BYTES} bytes.` };
  const body = parseBody(text);
  if (!body) return { status: 400, code: 'BAD_REQUEST', message: 'Send JSON: { "extensions": { "persistedQuery": { "sha256Hash": "…" } }, "variables": { … } }.' };
  if (body.query !== undefined) {
    return { status: 400, code: 'TRUSTED_DOCUMENTS_ONLY', message: 'Publishable keys run only the widgets\' trusted documents: send extensions.persistedQuery.sha256Hash, not a query.' };
  }
  const document = body.hash ? await trustedDocument(body.hash) : undefined;
  if (!document) return { status: 400, code: 'UNKNOWN_DOCUMENT', message: 'No trusted widget document has this hash. Load the current widget script.' };
  if (!key.widgets.includes(document.widget)) {
    return { status: 403, code: 'WIDGET_NOT_ENABLED', message: `This publishable key does not serve the ${document.widget} widget.` };
  }
  // Before the employee token and the document run: a refused request costs no more queries.
  const limited = await rateLimited(request, env, key, document);
  if (limited) return limited;
  const principal = document.employeeScope
    ? await employeeFor(request, env, key, document.employeeScope, now)
    : ({ kind: 'publishable', tenantId: key.tenantId, keyId: key.id, widgets: key.widgets } as const);
  if ('status' in principal) return principal;
  return { document, variables: body.variables, principal };
}

function parseBody(text: string): { query?: unknown; hash: string | null; variables: Record<string, unknown> } | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const record = json as { query?: unknown; documentId?: unknown; variables?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  const hash = record.extensions?.persistedQuery?.sha256Hash ?? record.documentId;
  const variables = record.variables ?? {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return null;
  return { query: record.query, hash: typeof hash === 'string' ? hash.replace(/^sha256:/, '') : null, variables: variables as Record<string, unknown> };
}

/** The suggestion box acts as an employee: a token of the key's tenant carrying the scope. */
async function employeeFor(request: Request, env: Env, key: ActivePublishableKey, scope: EmployeeTokenScope, now: Date): Promise<Principal | Refusal> {
  const result = await authenticate(request.headers.get('Authorization'), { env, db: createDatabase(env.DB), waitUntil: () => undefined, now });
  if (!result.ok) return { status: 401, code: 'UNAUTHENTICATED', message: result.reason };
  const { principal } = result;
  if (principal.kind !== 'employee' || principal.tenantId !== key.tenantId) {
    return { status: 403, code: 'FORBIDDEN', message: "This widget needs an employee token of the key's organisation." };
  }
  if (!principal.scopes?.includes(scope)) {
    return { status: 403, code: 'FORBIDDEN', message: `This widget needs an employee token with the "${scope}" scope.` };
  }
  return principal;
}

/**
 * Every widget document counts against its key: reads (a page view loads one or two) against
 * WIDGET_READ_LIMITER, writes against the lower WIDGET_KEY_LIMITER. Customer feedback (the only
 * anonymous write) also counts per client: a salted SHA-256 of the IP, used only as a counter key,
 * never stored. The binding does not say when its window ends, so Retry-After is the whole period.
 */
async function rateLimited(request: Request, env: Env, key: ActivePublishableKey, document: TrustedDocument): Promise<Refusal | null> {
  const write = document.document.startsWith('mutation');
  const checks = [(write ? env.WIDGET_KEY_LIMITER : env.WIDGET_READ_LIMITER).limit({ key: key.id })];
  if (document.rateLimited) {
    const client = await clientKey(request, env);
    checks.push(env.WIDGET_CLIENT_LIMITER.limit({ key: `${key.id}:${client}` }));
  }
  const outcomes = await Promise.all(checks);
  if (outcomes.every((outcome) => outcome.success)) return null;
  return {
    status: 429,
    code: 'RATE_LIMITED',
    message: `Too many ${document.rateLimited ? 'ratings from here' : 'requests for this widget key'}; try again in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
    headers: { 'Retry-After': String(RATE_LIMIT_PERIOD_SECONDS) },
  };
}

function refuse({ status, code, message, headers = {} }: Refusal): Response {
  return jsonError(status, code, message, { Vary: 'Origin', ...headers });
}

/** The demo page loads only its own script and styles (no inline code), like a strict partner. */
const demoHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; connect-src 'self'",
};

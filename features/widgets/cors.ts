/**
 * CORS for widget requests: decided per publishable key. Only an allowed origin ever gets CORS
 * headers, always its own origin (never `*`), never credentials (widgets set and send no cookies),
 * and every answer varies by Origin so caches keep them apart.
 */
import { originAllowed } from './rules.ts';

/** The request's origin when `key` allows it, else null. */
export function widgetOrigin(request: Request, key: { allowedOrigins: readonly string[] } | null): string | null {
  const origin = request.headers.get('Origin');
  return key && originAllowed(origin, key.allowedOrigins) ? origin : null;
}

/** Headers for an actual (non-preflight) response to an allowed origin. */
export function widgetCorsHeaders(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/** How long a browser may reuse a preflight answer (seconds): short, so a revoked key stops soon. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * The answer to a preflight (OPTIONS) for a widget request: 204 with the allowed method and headers
 * for an allowed origin; 403 without any CORS header otherwise, which the browser reports as a
 * CORS failure and the widget shows as "not enabled for this site".
 */
export function widgetPreflight(origin: string | null): Response {
  if (!origin) return new Response(null, { status: 403, headers: { Vary: 'Origin' } });
  return new Response(null, {
    status: 204,
    headers: {
      ...widgetCorsHeaders(origin),
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization',
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
    },
  });
}

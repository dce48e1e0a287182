/**
 * useCsrfPrevention: a GraphQL POST runs only when a browser would have asked first (a CORS
 * preflight). A page on another site can make a browser send a "simple" request without asking:
 * a form post (application/x-www-form-urlencoded, multipart/form-data) or a fetch with a
 * text/plain body. Those are refused with 415 before anything is parsed or run, unless they carry
 * the X-GraphQL-CSRF header, which no form can set. JSON bodies (application/json, or any other
 * non-simple type such as application/graphql) always pass: every real client sends them.
 *
 * GET never runs a mutation (Yoga answers 405 with `Allow: POST`), so GET queries stay open: they
 * only read, and the credential is a bearer header a cross-site page cannot attach.
 *
 * Why not @graphql-yoga/plugin-csrf-prevention: it requires its header on every request, JSON POSTs
 * and GET queries included, so every ordinary client (curl, graphql-request, the graphql-http
 * audits) would need it. This one refuses only what a browser would send unasked, as Apollo
 * Server's CSRF prevention does.
 */
import type { Plugin } from 'graphql-yoga';
import { jsonError } from '../http-errors.ts';

/** The header a client may send to post a simple content type on purpose. */
export const CSRF_HEADER = 'X-GraphQL-CSRF';

/** Content types a browser sends cross-site without a preflight (the CORS "simple" ones). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Whether a browser could have sent this request from another site without a preflight. */
export function isSimplePost(request: Request): boolean {
  if (request.method !== 'POST') return false;
  const mediaType = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // No Content-Type at all: a fetch with a Blob or ArrayBuffer body is simple too.
  return mediaType === '' || SIMPLE_CONTENT_TYPES.has(mediaType);
}

export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (!isSimplePost(request) || request.headers.has(CSRF_HEADER)) return;
      endResponse(
        jsonError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Send GraphQL POST requests as JSON (Content-Type: application/json). Form and text/plain bodies are refused: another site could make a browser send them (CSRF). A client that must post them sets the ${CSRF_HEADER} header.`,
          { Accept: 'application/json' },
        ),
      );
    },
  };
}

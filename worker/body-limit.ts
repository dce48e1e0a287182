/**
 * The request body limit, enforced on the bytes that actually arrive rather than on what the
 * Content-Length header claims: a chunked body (no Content-Length) or a lying header is counted as
 * it streams and cut off at the limit. It runs before GraphQL and authentication, so an oversized
 * anonymous body costs at most `maxBytes` of reading and no database work. Modelled on Hono's
 * `bodyLimit` middleware; GraphQL bodies are small, so the accepted bytes are buffered and handed on.
 */
import { jsonError } from './http-errors.ts';

/** Requests larger than this are refused with 413 (256 KiB: the largest real operation is a few KiB). */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyLimitResult = { ok: true; request: Request } | { ok: false; response: Response };

/**
 * Reads `request`'s body up to `maxBytes`. Returns a request with the same method, URL and headers
 * and the buffered body, or a 413 response as soon as the declared or the counted size exceeds the
 * limit (the rest of the stream is cancelled, never read).
 */
export async function limitBody(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<BodyLimitResult> {
  if (!request.body) return { ok: true, request };
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body.cancel().catch(() => undefined);
    return { ok: false, response: tooLarge(maxBytes) };
  }

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, response: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }

  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const headers = new Headers(request.headers);
  // The buffered body is the truth now: a lying or missing length must not reach the parser.
  headers.set('Content-Length', String(received));
  headers.delete('Transfer-Encoding');
  return { ok: true, request: new Request(request.url, { method: request.method, headers, body, signal: request.signal }) };
}

function tooLarge(maxBytes: number): Response {
  return jsonError(413, 'PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBytes} bytes.`);
}

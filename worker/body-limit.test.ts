/** The body limit counts streamed bytes, whatever Content-Length says, before authentication. */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { limitBody, MAX_BODY_BYTES } from './body-limit.ts';

/** A body of `total` bytes in 16 KiB chunks, produced lazily; `pulled()` says how many were read. */
function lazyBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      produced += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => produced };
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://frontline.test/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

describe('limitBody', () => {
  it('refuses a chunked body (no Content-Length) once the counted bytes pass the limit, without reading the rest', async () => {
    const { stream, pulled } = lazyBody(10 * 1024 * 1024);
    const request = post(stream);
    expect(request.headers.get('Content-Length')).toBeNull();
    const result = await limitBody(request, 64 * 1024);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(413);
    expect(await result.response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    // Stopped near the limit: at most the limit plus the chunks already queued, not 10 MB.
    expect(pulled()).toBeLessThan(256 * 1024);
  });

  it('refuses at once when Content-Length declares too much', async () => {
    const result = await limitBody(post('x'.repeat(2000), { 'Content-Length': '2000' }), 1000);
    expect(result.ok).toBe(false);
  });

  it('passes a small streamed body on intact, with its true length', async () => {
    const text = JSON.stringify({ query: '{ __typename }' });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    const result = await limitBody(post(stream), 1000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await result.request.text()).toBe(text);
    expect(result.request.headers.get('Content-Length')).toBe(String(text.length));
    expect(result.request.headers.get('Authorization')).toBeNull();
  });
});

describe('the Worker', () => {
  it('answers an anonymous 10 MB chunked body with 413, not 401, and reads only about the limit', async () => {
    const { stream, pulled } = lazyBody(10 * 1024 * 1024);
    const response = await exports.default.fetch(post(stream));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(pulled()).toBeLessThan(2 * MAX_BODY_BYTES);
  });

  it('answers 413 to a large body whose Content-Length understates it', async () => {
    const padding = ' '.repeat(MAX_BODY_BYTES + 10);
    const body = `{"query":"{ __typename }"${padding}}`;
    const response = await exports.default.fetch(post(body, { 'Content-Length': '30' }));
    expect(response.status).toBe(413);
  });

  it('still executes a normal operation sent as a stream', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const response = await exports.default.fetch(post(stream, { Authorization: 'Bearer fl_platform_test_token' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

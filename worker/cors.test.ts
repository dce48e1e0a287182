/** CORS: only local development pages, only in development/test, never with credentials. */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Env } from './env.ts';
import { allowedOrigin } from './cors.ts';

const LOCAL = 'http://localhost:5173';
const FOREIGN = 'https://evil.example';

function preflight(origin: string): Request {
  return new Request('http://frontline.test/graphql', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
  });
}

function actual(origin: string): Request {
  return new Request('http://frontline.test/graphql', {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json', Authorization: 'Bearer fl_platform_test_token' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

describe('allowedOrigin', () => {
  const withEnvironment = (ENVIRONMENT: string): Env => ({ ...(env as Env), ENVIRONMENT });
  const request = (origin: string) => new Request('http://frontline.test/graphql', { headers: { Origin: origin } });

  it('allows localhost and 127.0.0.1 pages only in development and test', () => {
    for (const environment of ['development', 'test']) {
      expect(allowedOrigin(request(LOCAL), withEnvironment(environment))).toBe(LOCAL);
      expect(allowedOrigin(request('http://127.0.0.1:8080'), withEnvironment(environment))).toBe('http://127.0.0.1:8080');
    }
    expect(allowedOrigin(request(LOCAL), withEnvironment('production'))).toBeNull();
  });

  it('refuses look-alikes and other schemes', () => {
    const local = withEnvironment('development');
    for (const origin of [FOREIGN, 'http://localhost.evil.example', 'http://evil.example?localhost', 'null', 'file://localhost', 'http://localhost:3000/x']) {
      expect(allowedOrigin(request(origin), local), origin).toBeNull();
    }
  });
});

describe('CORS on /graphql', () => {
  it('grants a local page a preflight without credentials', async () => {
    const response = await exports.default.fetch(preflight(LOCAL));
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(LOCAL);
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('lets a local page read an actual response, without credentials', async () => {
    const response = await exports.default.fetch(actual(LOCAL));
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(LOCAL);
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('gives a foreign origin no CORS headers, on preflight or actual requests', async () => {
    for (const request of [preflight(FOREIGN), actual(FOREIGN)]) {
      const response = await exports.default.fetch(request);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
      expect(response.headers.get('Access-Control-Allow-Methods')).toBeNull();
    }
  });
});

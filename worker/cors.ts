/**
 * Which browser origins may call the API. Server-to-server callers (secret keys, employee tokens
 * used by a tenant's backend) need no CORS at all. Until publishable widget keys exist, the only
 * browser origins allowed are local development pages (localhost / 127.0.0.1, any port) while
 * ENVIRONMENT is development or test. Credentials (cookies) are never allowed: the API authenticates
 * with a bearer header, so a page only ever sends what it was explicitly given.
 *
 * The publishable-key work extends `allowedOrigin` with the origins registered for a key.
 */
import type { CORSOptions } from 'graphql-yoga';
import { isLocal, type Env } from './env.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The request's Origin when a browser page there may read the response, otherwise null. */
export function allowedOrigin(request: Request, env: Env): string | null {
  const origin = request.headers.get('Origin');
  if (!origin || !isLocal(env)) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Compare the serialised origin too, so "http://localhost:3000/path" style values never pass.
  return LOCAL_HOSTS.has(url.hostname) && url.origin === origin ? origin : null;
}

/** Yoga's `cors` option: allowed origins get a narrow grant, everyone else no CORS headers at all. */
export function corsOptions(request: Request, env: Env): CORSOptions {
  const origin = allowedOrigin(request, env);
  if (!origin) return false;
  return {
    origin: [origin],
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
    maxAge: 600,
  };
}

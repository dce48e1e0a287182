/**
 * A client's counter key for rate limits: a salted SHA-256 of CF-Connecting-IP (the address
 * Cloudflare saw; clients cannot set it). Used only as a limiter key: the IP and its hash are
 * never stored. Without the header (local tools, tests) every caller is the one client "unknown".
 */
import type { Env } from './env.ts';

export async function clientKey(request: Request, env: Pick<Env, 'WIDGET_CLIENT_SALT'>): Promise<string> {
  const ip = request.headers.get('CF-Connecting-IP') ?? 'unknown';
  return sha256Hex(`${env.WIDGET_CLIENT_SALT ?? ''}:${ip}`);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

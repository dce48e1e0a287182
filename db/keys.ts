/**
 * Key formats and hashing, shared plumbing: authentication (worker/auth) looks keys up by this hash,
 * and provisioning, seeds and the widgets service create keys in this format.
 *
 * Secret API keys: `fl_sk_` followed by 40 random base62 characters (about 238 bits).
 * Only the SHA-256 hash is stored; a key is shown once, when it is created.
 */
import { randomString } from './ids.ts';

export const SECRET_KEY_PREFIX = 'fl_sk_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function generateSecretKey(): string {
  return SECRET_KEY_PREFIX + randomString(40, BASE62);
}

/** Hex SHA-256 of the whole key. Keys are long and random, so a fast hash is the right tool. */
export async function hashSecretKey(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The part of a key that may be shown in lists and audit logs: the format prefix and 6 characters. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, SECRET_KEY_PREFIX.length + 6);
}

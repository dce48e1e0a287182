/**
 * Follow codes: how the author of an anonymous suggestion keeps following it without the system
 * knowing who they are. The code is shown once, at submission; only its SHA-256 is stored, so the
 * database cannot hand it (or its holder) to anyone.
 */
import { randomString } from '../../db/ids.ts';

const PREFIX = 'fl_fc_';
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `fl_fc_` + 26 random base36 characters (about 134 bits): unguessable, so lookups need no rate limit. */
export function newFollowCode(): string {
  return `${PREFIX}${randomString(26, ALPHABET)}`;
}

export function looksLikeFollowCode(code: string): boolean {
  return code.length <= 64 && code.startsWith(PREFIX);
}

/** Hex SHA-256 of the trimmed code. */
export async function hashFollowCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code.trim()));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

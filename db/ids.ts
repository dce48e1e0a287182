import { sql } from 'drizzle-orm';
/**
 * Random, prefixed record ids (`emp_3kq9...`). Random rather than sequential so that an id never
 * tells one tenant how many rows another tenant has; the prefix makes logs readable.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Returns `<prefix>_<20 random base36 characters>` (about 103 bits of randomness). */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(20, ALPHABET)}`;
}

/** Uniformly random string over `alphabet` from the platform CSPRNG (rejection sampling, no bias). */
export function randomString(length: number, alphabet: string): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/**
 * The same shape of id made by SQLite, for rows written by INSERT ... SELECT (one per selected row):
 * `<prefix>_` + 20 hex characters from randomblob (80 bits).
 */
export const randomId = (prefix: string) => sql.raw(`'${prefix.replace(/[^a-z]/g, '')}_' || lower(hex(randomblob(10)))`);

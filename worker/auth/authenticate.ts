/**
 * Turns the `Authorization: Bearer <credential>` header into a Principal, or a one-line reason
 * for a 401. The credential's format says what it is: `fl_sk_` secret key, `fl_et_` employee token,
 * or the platform admin token. An employee token is only as alive as the key that minted it.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { employees } from '../../features/people/tables.ts';
import { apiKeys } from '../../features/platform/tables.ts';
import { tenants, type RateLimitTier } from '../../db/tenants.ts';
import type { Env } from '../env.ts';
import { EMPLOYEE_TOKEN_PREFIX, verifyEmployeeToken } from './employee-tokens.ts';
import { hasPermission } from './permissions.ts';
import type { Principal } from './principal.ts';
import { hashSecretKey, SECRET_KEY_PREFIX } from '../../db/keys.ts';

/**
 * A verified principal with its tenant's API rate-limit tier (read in the same statement as the
 * credential, so rate limiting costs no query), or a one-line reason for a 401.
 */
export type AuthResult = { ok: true; principal: Principal; rateLimitTier: RateLimitTier } | { ok: false; reason: string };

/** last_used_at is refreshed at most this often, so reads do not turn into a write each. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthenticateOptions {
  env: Env;
  db: Database;
  /** Background work that must not delay the response (the last_used_at refresh). */
  waitUntil: (promise: Promise<unknown>) => void;
  /**
   * Where that background refresh writes; defaults to `db`. The Worker passes an uncounted client:
   * the refresh is bookkeeping after the answer, at most once a minute per key, and counting it
   * would make X-Frontline-Statements depend on when a key was last used.
   */
  backgroundDb?: Database;
  /** The request clock (worker/clock.ts): key expiry, token expiry and last_used_at. */
  now: Date;
}

export async function authenticate(header: string | null, options: AuthenticateOptions): Promise<AuthResult> {
  if (!header) return fail('Missing credentials: send "Authorization: Bearer <key>".');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return fail('Malformed Authorization header: expected "Bearer <key>".');
  const credential = match[1];
  const { now } = options;

  if (credential.startsWith(SECRET_KEY_PREFIX)) return authenticateSecretKey(credential, options, now);
  if (credential.startsWith(EMPLOYEE_TOKEN_PREFIX)) return authenticateEmployeeToken(credential, options, now);
  if (options.env.PLATFORM_ADMIN_TOKEN && (await sameSecret(credential, options.env.PLATFORM_ADMIN_TOKEN))) {
    // The operator's own secret: provisioning only, never rate limited per credential.
    return { ok: true, principal: { kind: 'platform' }, rateLimitTier: 'unlimited' };
  }
  return fail('Unknown credential: expected a secret key (fl_sk_...) or an employee token (fl_et_...).');
}

async function authenticateSecretKey(secret: string, { db, waitUntil, backgroundDb = db }: AuthenticateOptions, now: Date): Promise<AuthResult> {
  const hash = await hashSecretKey(secret);
  const [key] = await db
    .select({
      id: apiKeys.id,
      tenantId: apiKeys.tenantId,
      role: apiKeys.role,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      rateLimitTier: tenants.rateLimitTier,
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(eq(apiKeys.hash, hash))
    .limit(1);
  if (!key) return fail('Unknown API key.');
  if (key.revokedAt) return fail('This API key has been revoked.');
  if (key.expiresAt && key.expiresAt <= now) return fail(`This API key expired at ${key.expiresAt.toISOString()}.`);

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    waitUntil(
      backgroundDb
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))))
        .run()
        .catch(() => undefined), // a missed audit timestamp must never fail the request
    );
  }
  return { ok: true, principal: { kind: 'secretKey', tenantId: key.tenantId, keyId: key.id, role: key.role }, rateLimitTier: key.rateLimitTier };
}

const TOKEN_REFUSALS = {
  expired: 'This employee token has expired.',
  invalid: 'Invalid employee token.',
  tooLong: 'Invalid employee token: its lifetime is longer than the one-hour maximum.',
} as const;

/**
 * An employee token acts while its employee is active AND the key that minted it is live (not
 * revoked, not expired, still allowed to mint). Both are read in one statement: the employee row
 * LEFT JOINed to the minting key within the same tenant, so a key of another tenant never matches.
 */
async function authenticateEmployeeToken(token: string, { env, db }: AuthenticateOptions, now: Date): Promise<AuthResult> {
  const check = await verifyEmployeeToken(token, env.EMPLOYEE_TOKEN_SECRET, now);
  if (!check.ok) return fail(TOKEN_REFUSALS[check.reason]);
  const { tenantId, employeeId, mintedByKeyId, scopes } = check.claims;
  const [row] = await db
    .select({
      status: employees.status,
      role: employees.role,
      keyId: apiKeys.id,
      keyRole: apiKeys.role,
      keyRevokedAt: apiKeys.revokedAt,
      keyExpiresAt: apiKeys.expiresAt,
      rateLimitTier: tenants.rateLimitTier,
    })
    .from(employees)
    .innerJoin(tenants, eq(tenants.id, employees.tenantId))
    .leftJoin(apiKeys, and(eq(apiKeys.tenantId, employees.tenantId), eq(apiKeys.id, mintedByKeyId)))
    .where(and(eq(employees.tenantId, tenantId), eq(employees.id, employeeId)))
    .limit(1);
  if (!row || row.status !== 'active') {
    return fail('This employee token is no longer valid: the employee is inactive or gone.');
  }
  const key = row.keyId && row.keyRole ? { tenantId, keyId: row.keyId, role: row.keyRole } : null;
  if (!key || !hasPermission({ kind: 'secretKey', ...key }, 'employeeTokens:create')) return fail(TOKEN_REFUSALS.invalid);
  if (row.keyRevokedAt) return fail('This employee token is no longer valid: the API key that minted it has been revoked.');
  if (row.keyExpiresAt && row.keyExpiresAt <= now) {
    return fail(`This employee token is no longer valid: the API key that minted it expired at ${row.keyExpiresAt.toISOString()}.`);
  }
  return {
    ok: true,
    principal: { kind: 'employee', tenantId, employeeId, employeeRole: row.role, ...(scopes ? { scopes } : {}) },
    rateLimitTier: row.rateLimitTier,
  };
}

/** Compares two secrets in time that does not depend on where they differ. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [hashA, hashB] = await Promise.all([hashSecretKey(a), hashSecretKey(b)]);
  let diff = 0;
  for (let i = 0; i < hashA.length; i++) diff |= hashA.charCodeAt(i) ^ hashB.charCodeAt(i);
  return diff === 0;
}

function fail(reason: string): AuthResult {
  return { ok: false, reason };
}

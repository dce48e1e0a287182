/**
 * Employee tokens: `fl_et_` + a compact HS256 JWT (jose) naming one employee of one tenant and the
 * API key that minted it (claim `iby`). Short-lived (at most an hour, checked when minting and again
 * when verifying), and checked on every use against the employee's status and the minting key's:
 * revoking or expiring a key ends the tokens it minted (worker/auth/authenticate.ts).
 */
import { errors, jwtVerify, SignJWT } from 'jose';

export const EMPLOYEE_TOKEN_PREFIX = 'fl_et_';
export const MAX_EMPLOYEE_TOKEN_TTL_SECONDS = 3600;
const AUDIENCE = 'frontline';
const ISSUER = 'frontline';

export interface EmployeeTokenClaims {
  tenantId: string;
  employeeId: string;
  /** The id of the secret key that minted the token; the token lives no longer than that key. */
  mintedByKeyId: string;
  /** Set for a narrowed token (e.g. a widget's): it may do only what these scopes allow. */
  scopes?: readonly EmployeeTokenScope[];
}

/** Scopes a token can be narrowed to (see TOKEN_SCOPES in permissions.ts). Claim `scp`. */
export const EMPLOYEE_TOKEN_SCOPES = ['suggestions', 'kudos'] as const;
export type EmployeeTokenScope = (typeof EMPLOYEE_TOKEN_SCOPES)[number];

function keyFrom(secret: string | undefined): Uint8Array {
  if (!secret || secret.length < 32) {
    throw new Error('EMPLOYEE_TOKEN_SECRET is missing or shorter than 32 characters');
  }
  return new TextEncoder().encode(secret);
}

export async function mintEmployeeToken(
  claims: EmployeeTokenClaims & { ttlSeconds: number },
  secret: string | undefined,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  if (claims.ttlSeconds > MAX_EMPLOYEE_TOKEN_TTL_SECONDS) throw new Error('employee token ttl above the maximum');
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + claims.ttlSeconds;
  const jwt = await new SignJWT({ tid: claims.tenantId, iby: claims.mintedByKeyId, ...(claims.scopes ? { scp: [...claims.scopes] } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.employeeId)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(keyFrom(secret));
  return { token: EMPLOYEE_TOKEN_PREFIX + jwt, expiresAt: new Date(expiresAt * 1000) };
}

export type EmployeeTokenCheck =
  | { ok: true; claims: EmployeeTokenClaims }
  | { ok: false; reason: 'expired' | 'invalid' | 'tooLong' };

/** Clock skew tolerated between the minting and the verifying Worker for `iat`. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Checks signature, audience, issuer, expiry and lifetime. The lifetime (exp - iat) is bounded here
 * too, not only when minting: a token that claims to live longer than the maximum was not minted by
 * us (or by an older, looser build) and is refused even though its signature is valid.
 */
export async function verifyEmployeeToken(token: string, secret: string | undefined, now: Date): Promise<EmployeeTokenCheck> {
  try {
    const { payload } = await jwtVerify(token.slice(EMPLOYEE_TOKEN_PREFIX.length), keyFrom(secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const { tid, iby, sub, iat, exp } = payload;
    if (typeof tid !== 'string' || typeof iby !== 'string' || typeof sub !== 'string') return { ok: false, reason: 'invalid' };
    if (iat === undefined || exp === undefined) return { ok: false, reason: 'invalid' };
    if (iat > now.getTime() / 1000 + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'invalid' };
    if (exp - iat > MAX_EMPLOYEE_TOKEN_TTL_SECONDS) return { ok: false, reason: 'tooLong' };
    const scopes = payload.scp;
    if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((scope) => (EMPLOYEE_TOKEN_SCOPES as readonly unknown[]).includes(scope)))) {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, claims: { tenantId: tid, employeeId: sub, mintedByKeyId: iby, ...(scopes ? { scopes: scopes as EmployeeTokenScope[] } : {}) } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * Employee tokens: `fl_et_` + a compact HS256 JWT (jose) naming one employee of one tenant.
 * Short-lived (at most an hour) and checked against the employee's current status on every use.
 */
import { errors, jwtVerify, SignJWT } from 'jose';

export const EMPLOYEE_TOKEN_PREFIX = 'fl_et_';
export const MAX_EMPLOYEE_TOKEN_TTL_SECONDS = 3600;
const AUDIENCE = 'frontline';
const ISSUER = 'frontline';

export interface EmployeeTokenClaims {
  tenantId: string;
  employeeId: string;
}

function keyFrom(secret: string | undefined): Uint8Array {
  if (!secret || secret.length < 32) {
    throw new Error('EMPLOYEE_TOKEN_SECRET is missing or shorter than 32 characters');
  }
  return new TextEncoder().encode(secret);
}

export async function mintEmployeeToken(
  claims: EmployeeTokenClaims & { issuedBy: string; ttlSeconds: number },
  secret: string | undefined,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + claims.ttlSeconds;
  const jwt = await new SignJWT({ tid: claims.tenantId, iby: claims.issuedBy })
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
  | { ok: false; reason: 'expired' | 'invalid' };

/** Checks signature and claims; expiry is judged at `now`, the request clock. */
export async function verifyEmployeeToken(token: string, secret: string | undefined, now: Date): Promise<EmployeeTokenCheck> {
  try {
    const { payload } = await jwtVerify(token.slice(EMPLOYEE_TOKEN_PREFIX.length), keyFrom(secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
    });
    if (typeof payload.tid !== 'string' || typeof payload.sub !== 'string') return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { tenantId: payload.tid, employeeId: payload.sub } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}

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
  claims: EmployeeTokenClaims & { issuedBy: string; ttlSeconds: number },
  secret: string | undefined,
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + claims.ttlSeconds;
  const jwt = await new SignJWT({ tid: claims.tenantId, iby: claims.issuedBy, ...(claims.scopes ? { scp: [...claims.scopes] } : {}) })
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

export async function verifyEmployeeToken(token: string, secret: string | undefined): Promise<EmployeeTokenCheck> {
  try {
    const { payload } = await jwtVerify(token.slice(EMPLOYEE_TOKEN_PREFIX.length), keyFrom(secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.tid !== 'string' || typeof payload.sub !== 'string') return { ok: false, reason: 'invalid' };
    const scopes = payload.scp;
    if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((scope) => (EMPLOYEE_TOKEN_SCOPES as readonly unknown[]).includes(scope)))) {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, claims: { tenantId: payload.tid, employeeId: payload.sub, ...(scopes ? { scopes: scopes as EmployeeTokenScope[] } : {}) } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * Throttles failed authentication per client (a salted hash of the IP, worker/client-key.ts), so
 * a client cycling through unknown, revoked or forged credentials is first slowed, then refused:
 *
 * - failures within a minute up to AUTH_FAILURE_SLOW_LIMITER's limit: the usual instant 401;
 * - beyond it: the 401 comes after SLOWED_FAILURE_DELAY_MS (wall time, no CPU);
 * - beyond AUTH_FAILURE_LIMITER's limit: 429 RATE_LIMITED with Retry-After, at once.
 *
 * Only failures are counted: a request whose credential verifies never reaches this module, so
 * a client with a valid key is never slowed by it (even one that shares an IP with a guesser).
 */
import { GraphQLError } from 'graphql';
import { clientKey } from '../client-key.ts';
import type { Env } from '../env.ts';

/** The period of both failure limiters in wrangler.toml. */
export const AUTH_FAILURE_PERIOD_SECONDS = 60;
/** How long a slowed failure waits before its 401. */
export const SLOWED_FAILURE_DELAY_MS = 500;

/** The 401 for a failed credential, or the 429 once the client has failed too often. */
export async function failedAuthenticationError(request: Request, env: Env, reason: string): Promise<GraphQLError> {
  const verdict = await countFailure(request, env);
  if (verdict === 'refuse') {
    return new GraphQLError(`Too many failed authentication attempts from this client; try again in ${AUTH_FAILURE_PERIOD_SECONDS} seconds.`, {
      extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'Retry-After': String(AUTH_FAILURE_PERIOD_SECONDS) } } },
    });
  }
  if (verdict === 'slow') await scheduler.wait(SLOWED_FAILURE_DELAY_MS);
  return new GraphQLError(reason, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="frontline"' } } },
  });
}

async function countFailure(request: Request, env: Env): Promise<'answer' | 'slow' | 'refuse'> {
  // A request without credentials guesses nothing (a browser opening /graphql): not counted.
  if (!request.headers.get('Authorization')) return 'answer';
  const key = await clientKey(request, env);
  const [slow, refuse] = await Promise.all([env.AUTH_FAILURE_SLOW_LIMITER.limit({ key }), env.AUTH_FAILURE_LIMITER.limit({ key })]);
  if (!refuse.success) return 'refuse';
  return slow.success ? 'answer' : 'slow';
}

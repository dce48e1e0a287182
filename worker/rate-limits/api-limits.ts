/**
 * Per-credential API rate limits: one Rate Limiting binding per (tier, class), wrangler.toml
 * `[[ratelimits]]`. The counter key is the credential: a secret key's id, or for an employee token
 * the employee (so minting a fresh token does not start a fresh count). The numbers live in
 * wrangler.toml and the README ("Security > Rate limits").
 */
import { GraphQLError } from 'graphql';
import type { RateLimitTier } from '../../db/tenants.ts';
import type { Principal } from '../auth/principal.ts';
import type { Env } from '../env.ts';
import type { OperationClass } from './operation-class.ts';

/** The period of every API [[ratelimits]] binding: a refused client may retry after it. */
export const API_RATE_LIMIT_PERIOD_SECONDS = 60;

type LimitedTier = Exclude<RateLimitTier, 'unlimited'>;
type ApiLimiterName =
  | 'API_QUERY_LIMITER'
  | 'API_MUTATION_LIMITER'
  | 'API_EXPENSIVE_LIMITER'
  | 'API_QUERY_LIMITER_HIGH'
  | 'API_MUTATION_LIMITER_HIGH'
  | 'API_EXPENSIVE_LIMITER_HIGH';

const LIMITERS: Record<LimitedTier, Record<OperationClass, ApiLimiterName>> = {
  standard: { query: 'API_QUERY_LIMITER', mutation: 'API_MUTATION_LIMITER', expensive: 'API_EXPENSIVE_LIMITER' },
  high: { query: 'API_QUERY_LIMITER_HIGH', mutation: 'API_MUTATION_LIMITER_HIGH', expensive: 'API_EXPENSIVE_LIMITER_HIGH' },
};

const CLASS_WORDS: Record<OperationClass, string> = {
  query: 'queries',
  mutation: 'mutations',
  expensive: 'expensive operations (imports, trends, summaries, AI theme proposals, large reads)',
};

/**
 * The counter a principal's requests count against, or null when this limiter does not apply:
 * the platform token (the operator's own secret; provisioning only) and publishable keys (widget
 * requests are limited per key before GraphQL, in worker/widgets.ts).
 */
export function rateLimitKey(principal: Principal): string | null {
  switch (principal.kind) {
    case 'secretKey':
      return `key:${principal.keyId}`;
    case 'employee':
      return `employee:${principal.tenantId}:${principal.employeeId}`;
    case 'platform':
    case 'publishable':
      return null;
  }
}

/**
 * Counts the request as `units` of its class (operation-class.ts `chargeOperation`: one per expensive
 * root field) and answers null when it may run, or the RATE_LIMITED error to answer. The binding
 * counts one per call, so a request of n units calls it n times (n is at most 34: 30 aliases plus
 * the unaliased expensive root fields). The binding cannot give units back, so a request refused
 * part-way has used the units it took: with 41 of 60 used, a 20-unit request is refused and leaves
 * none for the rest of the minute.
 */
export async function checkApiRateLimit(env: Env, principal: Principal, tier: RateLimitTier, operationClass: OperationClass, units = 1): Promise<GraphQLError | null> {
  const key = rateLimitKey(principal);
  if (key === null || tier === 'unlimited') return null;
  const limiter = env[LIMITERS[tier][operationClass]];
  for (let unit = 0; unit < units; unit++) {
    const { success } = await limiter.limit({ key });
    if (!success) return rateLimitedError(`Too many ${CLASS_WORDS[operationClass]} with this credential in the last minute`);
  }
  return null;
}

/** HTTP 429 with Retry-After: the binding does not say when its window ends, so the whole period. */
export function rateLimitedError(reason: string): GraphQLError {
  return new GraphQLError(`${reason}; try again in ${API_RATE_LIMIT_PERIOD_SECONDS} seconds.`, {
    extensions: {
      code: 'RATE_LIMITED',
      http: { status: 429, headers: { 'Retry-After': String(API_RATE_LIMIT_PERIOD_SECONDS) } },
    },
  });
}

/**
 * useApiRateLimits: counts every operation against its credential's limiter for the operation's
 * class (worker/rate-limits/; an expensive one once per expensive root field it selects) once the
 * credential is known and the document is valid, and refuses it with HTTP 429, `RATE_LIMITED` and
 * Retry-After before any resolver runs: a refused request has cost one authentication read and
 * nothing else.
 */
import type { Plugin } from 'graphql-yoga';
import type { RateLimitTier } from '../../db/tenants.ts';
import type { Principal } from '../auth/principal.ts';
import type { Env } from '../env.ts';
import { checkApiRateLimit } from '../rate-limits/api-limits.ts';
import { chargeOperation } from '../rate-limits/operation-class.ts';
import type { PageSizes } from './operation-cost.ts';

/** What the plugin reads from the GraphQL context: the caller and its tenant's tier. */
export interface RateLimitedContext {
  env: Env;
  principal: Principal;
  /** Undefined when the request was limited before GraphQL (widget requests). */
  rateLimitTier?: RateLimitTier;
}

export function useApiRateLimits<TContext extends RateLimitedContext>(options: { pageSizes: PageSizes }): Plugin<TContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const { env, principal, rateLimitTier } = args.contextValue;
      if (!rateLimitTier) return;
      const { operationClass, units } = chargeOperation(args.schema, args.document, args.operationName, args.variableValues ?? undefined, options.pageSizes);
      const refusal = await checkApiRateLimit(env, principal, rateLimitTier, operationClass, units);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

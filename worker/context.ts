/** The per-request GraphQL context: who is calling and the database as they may see it. */
import { createDatabase, type Database } from '../db/client.ts';
import { platformDatabase, scopedDatabase, TenantScope } from '../db/tenant-scope.ts';
import type { RateLimitTier } from '../db/tenants.ts';
import type { Principal } from './auth/principal.ts';
import type { Env } from './env.ts';

export interface RequestStats {
  /** SQL statements the request sent to D1: authentication, queries and every statement of a batch. */
  statements: number;
}

export interface GraphQLContext {
  env: Env;
  principal: Principal;
  /**
   * The client Pothos and resolvers read through. For a tenant credential it is scoped to that
   * tenant; the platform token sees tenants and keys but no tenant's business data.
   */
  db: Database;
  /** Writes and aggregates for the caller's tenant; null for the platform token. */
  tenant: TenantScope | null;
  /** The employee an employee token acts as; null for keys and the platform token. */
  employeeId: string | null;
  /** The unscoped client, only handed to platform operations (see schema/platform.ts). */
  platformDb: Database | null;
  waitUntil: (promise: Promise<unknown>) => void;
  /**
   * The request clock (worker/clock.ts), read once when the request starts: one "now" for the whole
   * response (default periods, allowances, expiries, every timestamp written). Never call new Date().
   */
  now: Date;
  /**
   * The tenant's API rate-limit tier, read with the credential (worker/plugins/rate-limits.ts).
   * Undefined for requests limited before GraphQL (widget requests, worker/widgets.ts).
   */
  rateLimitTier?: RateLimitTier;
}

export function createGraphQLContext(options: {
  env: Env;
  principal: Principal;
  waitUntil: (promise: Promise<unknown>) => void;
  /** The request clock, read once (worker/clock.ts). */
  now: Date;
  rateLimitTier?: RateLimitTier;
}): GraphQLContext {
  const { env, principal, waitUntil, now, rateLimitTier } = options;
  // env.DB counts its statements (worker/index.ts wraps it with db/counting-d1.ts).
  const raw = createDatabase(env.DB);
  if (principal.kind === 'platform') {
    return { env, principal, db: platformDatabase(raw), tenant: null, employeeId: null, platformDb: raw, waitUntil, now, rateLimitTier };
  }
  const tenant = new TenantScope(raw, principal.tenantId, now);
  if (principal.kind === 'publishable') {
    // Widget keys: the widget fields read through `tenant` after their permission check; the
    // general client (node lookups, relations) sees no tenant's rows at all.
    return { env, principal, db: scopedDatabase(raw, ''), tenant, employeeId: null, platformDb: null, waitUntil, now, rateLimitTier };
  }
  // Pothos needs the client's select/$count as well (relation filters, totalCount); its relational
  // queries carry the tenant filter. Services write through `tenant`, whose `db` is reads only.
  return { env, principal, db: scopedDatabase(raw, principal.tenantId), tenant, employeeId: principal.kind === 'employee' ? principal.employeeId : null, platformDb: null, waitUntil, now, rateLimitTier };
}

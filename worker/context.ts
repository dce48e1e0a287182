/** The per-request GraphQL context: who is calling and the database as they may see it. */
import { createDatabase, type Database } from '../db/client.ts';
import { platformDatabase, scopedDatabase, TenantScope } from '../db/tenant-scope.ts';
import type { Principal } from './auth/principal.ts';
import type { Env } from './env.ts';

export interface RequestStats {
  /** SQL statements sent by GraphQL execution (not counting authentication). */
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
  /** The unscoped client, only handed to platform operations (see schema/platform.ts). */
  platformDb: Database | null;
  waitUntil: (promise: Promise<unknown>) => void;
  /** When the request started: one "now" for the whole response (default periods, expiries). */
  now: Date;
}

export function createGraphQLContext(options: {
  env: Env;
  principal: Principal;
  stats: RequestStats;
  waitUntil: (promise: Promise<unknown>) => void;
}): GraphQLContext {
  const { env, principal, stats, waitUntil } = options;
  const raw = createDatabase(env.DB, { onStatement: () => void stats.statements++ });
  if (principal.kind === 'platform') {
    return { env, principal, db: platformDatabase(raw), tenant: null, platformDb: raw, waitUntil, now: new Date() };
  }
  const tenant = new TenantScope(raw, principal.tenantId);
  if (principal.kind === 'publishable') {
    // Widget keys: the widget fields read through `tenant` after their permission check; the
    // general client (node lookups, relations) sees no tenant's rows at all.
    return { env, principal, db: scopedDatabase(raw, ''), tenant, platformDb: null, waitUntil, now: new Date() };
  }
  return { env, principal, db: tenant.db, tenant, platformDb: null, waitUntil, now: new Date() };
}

/**
 * The tenants table: the root of tenancy. Every tenant-owned row in every feature references it, so it
 * lives in db/ (shared plumbing) rather than in features/platform/, which owns the API keys and
 * provisioning (features/platform/tables.ts, service.ts).
 */
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn } from './columns.ts';

export const RATE_LIMIT_TIERS = ['standard', 'high', 'unlimited'] as const;
export type RateLimitTier = (typeof RATE_LIMIT_TIERS)[number];

/** Trades a tenant can be in; each but "general" has a trade pack of themes (features/themes/rules/taxonomy.ts). */
export const TENANT_TRADES = ['general', 'cafe', 'retail', 'appliances'] as const;
export type TenantTrade = (typeof TENANT_TRADES)[number];

export const tenants = sqliteTable(
  'tenants',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** URL-safe handle, unique on the platform; used in the dev keys and the CLI. */
    slug: text('slug').notNull(),
    /**
     * Which D1 database holds this tenant's rows. Everything lives in "primary" today; a heavy
     * tenant can later move to its own database without changing any query.
     */
    shard: text('shard').notNull().default('primary'),
    /**
     * Which per-credential API rate limits apply (worker/rate-limits/): "standard" for everyone,
     * "high" (ten times standard) or "unlimited" (exempt), set by the platform operator only.
     */
    rateLimitTier: text('rate_limit_tier', { enum: RATE_LIMIT_TIERS }).notNull().default('standard'),
    /**
     * The tenant's trade: which trade pack its theme taxonomy starts from (features/themes).
     * "general" is the default taxonomy alone.
     */
    trade: text('trade', { enum: TENANT_TRADES }).notNull().default('general'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('tenants_slug_unique').on(t.slug)],
);

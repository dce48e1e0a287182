/** Platform tables: tenants and their credentials. Read by the auth layer and platform mutations. */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn } from './columns.ts';

export const RATE_LIMIT_TIERS = ['standard', 'high', 'unlimited'] as const;
export type RateLimitTier = (typeof RATE_LIMIT_TIERS)[number];

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
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('tenants_slug_unique').on(t.slug)],
);

export const API_KEY_ROLES = ['admin', 'manager', 'reader'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * Secret keys (`fl_sk_...`). Only a SHA-256 hash is stored; `prefix` is the first characters, shown in
 * audits. `kind` leaves room for publishable widget keys (`fl_pk_...`) in the same table.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    kind: text('kind', { enum: ['secret'] }).notNull().default('secret'),
    name: text('name').notNull(),
    role: text('role', { enum: API_KEY_ROLES }).notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    /** Who made it: "platform", "cli", "seed" or the id of the admin key that created it. */
    createdBy: text('created_by').notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestampColumn('expires_at'),
    revokedAt: timestampColumn('revoked_at'),
    lastUsedAt: timestampColumn('last_used_at'),
  },
  (t) => [
    uniqueIndex('api_keys_hash_unique').on(t.hash),
    uniqueIndex('api_keys_tenant_id_unique').on(t.tenantId, t.id),
    index('api_keys_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/**
 * The tenants table: the root of tenancy. Every tenant-owned row in every feature references it, so it
 * lives in db/ (shared plumbing) rather than in features/platform/, which owns the API keys and
 * provisioning (features/platform/tables.ts, service.ts).
 */
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn } from './columns.ts';

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
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('tenants_slug_unique').on(t.slug)],
);

/**
 * Platform storage: the secret API keys of each tenant. Read by authentication (worker/auth) and
 * written by provisioning (./service.ts). The tenants table itself stays in db/tenants.ts: it is the
 * root of tenancy, which every feature's rows reference.
 */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn } from '../../db/columns.ts';
import { tenants } from '../../db/tenants.ts';

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

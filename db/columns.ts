/**
 * Column helpers shared by every table, so that ids, tenant keys and timestamps look the same
 * everywhere and the tenancy guard can rely on them.
 */
import { integer, text } from 'drizzle-orm/sqlite-core';

/** Text primary key; ids are random (see db/ids.ts) so they reveal nothing about other tenants. */
export const idColumn = () => text('id').primaryKey();

/** The owning tenant. Every tenant-owned table has it, and every index on such a table leads with it. */
export const tenantIdColumn = () => text('tenant_id').notNull();

/** Milliseconds since the epoch, read as a Date. */
export const timestampColumn = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const createdAtColumn = () =>
  timestampColumn('created_at')
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAtColumn = () =>
  timestampColumn('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

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

/*
 * No `$defaultFn(() => new Date())` here: the time a row is written is the request clock
 * (ctx.now, worker/clock.ts), so tests can pin it and one request writes one instant. TenantScope
 * fills created_at/updated_at from its `now` on insert and update; other writers pass them.
 */
export const createdAtColumn = () => timestampColumn('created_at').notNull();

export const updatedAtColumn = () => timestampColumn('updated_at').notNull();

/** created_at and updated_at for rows written outside TenantScope (platform, seeds); columns a table lacks are ignored. */
export const writtenAt = (at: Date) => ({ createdAt: at, updatedAt: at });

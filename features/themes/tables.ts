/**
 * The tenant's theme taxonomy (issue 12): the themes complaints and praise are filed under, seeded
 * from the default taxonomy and the tenant's trade pack (rules/taxonomy.ts) and then edited by the
 * tenant, and the re-theme runs that re-classify existing feedback after an edit.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { tenants } from '../../db/tenants.ts';

export const THEME_STATUSES = ['active', 'retired'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];
/** Where a theme came from: the default taxonomy, a trade pack, a manager, or a promoted emerging phrase. */
export const THEME_ORIGINS = ['default', 'cafe', 'retail', 'appliances', 'custom', 'emerging'] as const;
export type ThemeOrigin = (typeof THEME_ORIGINS)[number];

export const themes = sqliteTable(
  'themes',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    /** Stable slug (`waiting-time`): what feedback_themes and trends group by. A rename never changes it. */
    key: text('key').notNull(),
    label: text('label').notNull(),
    /** The matcher's rules (rules/definition.ts), JSON arrays of strings. */
    terms: text('terms', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    phrases: text('phrases', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    excludes: text('excludes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text('status', { enum: THEME_STATUSES }).notNull().default('active'),
    /** Set when the theme was merged into another: it is retired and its feedback re-themed. */
    mergedIntoId: text('merged_into_id'),
    origin: text('origin', { enum: THEME_ORIGINS }).notNull(),
    /** Taxonomy order: ties between equally strong themes go to the earlier one. */
    position: integer('position').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('themes_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('themes_tenant_key_unique').on(t.tenantId, t.key),
    index('themes_tenant_status_idx').on(t.tenantId, t.status, t.position),
    foreignKey({ columns: [t.tenantId, t.mergedIntoId], foreignColumns: [t.tenantId, t.id] }),
  ],
);

export const THEME_RUN_STATUSES = ['running', 'done', 'superseded'] as const;
export type ThemeRunStatus = (typeof THEME_RUN_STATUSES)[number];

/**
 * One re-classification of the tenant's feedback after a taxonomy change. The queue works through
 * it a page at a time (keyset by feedback id); `cursor` is the last id done, so a redelivered
 * message finds its page already done and does nothing.
 */
export const themeRuns = sqliteTable(
  'theme_runs',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    /** What started it, e.g. "merge waiting-time into delivery". */
    reason: text('reason').notNull(),
    status: text('status', { enum: THEME_RUN_STATUSES }).notNull().default('running'),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    cursor: text('cursor'),
    finishedAt: timestampColumn('finished_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('theme_runs_tenant_id_unique').on(t.tenantId, t.id),
    index('theme_runs_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

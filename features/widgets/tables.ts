/**
 * Partner widgets: publishable keys (`fl_pk_...`) and the taps that let a customer's second tap
 * replace their first.
 *
 * A publishable key is public by design (it sits in a partner's HTML), so what protects a tenant is
 * what the key can do: only its allowed origins, only the widgets' trusted documents, only the
 * fields widgets show. Still, only its SHA-256 hash is stored, like secret keys, so a database
 * leak cannot be replayed and a key is shown once.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn } from '../../db/columns.ts';
import { employees } from '../people/tables.ts';
import { tenants } from '../../db/tenants.ts';
import { feedback } from '../voice/tables.ts';

export const WIDGET_KINDS = ['feedback', 'kudos_wall', 'goal_progress', 'suggestion_box'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export const publishableKeys = sqliteTable(
  'publishable_keys',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    name: text('name').notNull(),
    /** `fl_pk_` and the next 6 characters: enough to recognise a key in lists and logs. */
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    /** Normalised origins (`https://shop.example`), JSON array; the only pages that may use the key. */
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
    /** Which widgets the key serves, JSON array of WidgetKind. */
    widgets: text('widgets', { mode: 'json' }).$type<WidgetKind[]>().notNull(),
    /** The id of the secret key that created it, or "seed". */
    createdBy: text('created_by').notNull(),
    createdAt: createdAtColumn(),
    revokedAt: timestampColumn('revoked_at'),
  },
  (t) => [
    uniqueIndex('publishable_keys_hash_unique').on(t.hash),
    uniqueIndex('publishable_keys_tenant_id_unique').on(t.tenantId, t.id),
    index('publishable_keys_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/**
 * One row per (key, tap id): the feedback a feedback widget's tap id last recorded. The tap id is a
 * random id the widget keeps in memory for one page view and one chosen employee; no cookie, no
 * storage, no IP. A tap with the same id within the replacement window updates that feedback.
 */
export const widgetTaps = sqliteTable(
  'widget_taps',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    keyId: text('key_id').notNull(),
    tapId: text('tap_id').notNull(),
    employeeId: text('employee_id').notNull(),
    feedbackId: text('feedback_id').notNull(),
    /** When the feedback it points at was first recorded: the replacement window starts here. */
    recordedAt: timestampColumn('recorded_at').notNull(),
    /** Number of taps folded into that feedback (1 = never replaced). */
    taps: integer('taps').notNull().default(1),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.keyId], foreignColumns: [publishableKeys.tenantId, publishableKeys.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.feedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    uniqueIndex('widget_taps_key_tap_unique').on(t.tenantId, t.keyId, t.tapId),
  ],
);

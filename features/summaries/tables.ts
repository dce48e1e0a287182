/**
 * Weekly summaries: each tenant's settings (when and to whom), the compiled summaries (structured
 * items, each naming the records it rests on) and the email outbox (one row per email, sent at
 * most once, failures kept visible).
 */
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees, teams } from '../people/tables.ts';
import { tenants } from '../../db/tenants.ts';
import type { SummaryItem } from './rules.ts';

export const SUMMARY_LEVELS = ['employee', 'team', 'tenant'] as const;
export type SummaryLevel = (typeof SUMMARY_LEVELS)[number];

/** One row per tenant: when its weekly summaries go out, from whom, and which levels are on. */
export const summarySettings = sqliteTable(
  'summary_settings',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** IANA time zone, e.g. "Europe/Lisbon": the weekday and hour below are local to it. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** ISO weekday the summary of the week before goes out: 1 = Monday ... 7 = Sunday. */
    weekday: integer('weekday').notNull().default(1),
    /** Local hour (0-23) it goes out. */
    hour: integer('hour').notNull().default(8),
    senderName: text('sender_name').notNull(),
    senderAddress: text('sender_address').notNull(),
    /** Which levels are compiled and emailed, JSON array of SummaryLevel. */
    levels: text('levels', { mode: 'json' }).$type<SummaryLevel[]>().notNull().default(sql`'["employee","team","tenant"]'`),
    /** When nobody said anything about a person this week: true skips their email, false sends a short note. */
    skipEmpty: integer('skip_empty', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('summary_settings_tenant_unique').on(t.tenantId), uniqueIndex('summary_settings_tenant_id_unique').on(t.tenantId, t.id)],
);

/**
 * A compiled summary: one per (tenant, level, subject, period), however often the job runs.
 * `subjectKey` is the employee id, the team id, or "tenant"; the employee/team columns carry the
 * foreign keys.
 */
export const summaries = sqliteTable(
  'summaries',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    level: text('level', { enum: SUMMARY_LEVELS }).notNull(),
    subjectKey: text('subject_key').notNull(),
    employeeId: text('employee_id'),
    teamId: text('team_id'),
    /** ISO week key, e.g. "2026-W47" (the tenant's local week). */
    periodKey: text('period_key').notNull(),
    periodStart: timestampColumn('period_start').notNull(),
    periodEnd: timestampColumn('period_end').notNull(),
    /** The structured items (rules.ts), each with the ids of its sources; emails render from these. */
    items: text('items', { mode: 'json' }).$type<SummaryItem[]>().notNull(),
    /** Nothing was said about the subject in the period. */
    empty: integer('empty', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    uniqueIndex('summaries_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('summaries_subject_period_unique').on(t.tenantId, t.level, t.subjectKey, t.periodKey),
    index('summaries_tenant_period_idx').on(t.tenantId, t.periodKey, t.level),
  ],
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'abandoned'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One row per email: at most one per (recipient, period, kind). `sending` is a claim with a lease
 * (`claimedAt`), so a redelivered queue message cannot send the same email twice.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    summaryId: text('summary_id').notNull(),
    recipientId: text('recipient_id').notNull(),
    /** The kind of mail (the summary level); each has its own List-Id. */
    kind: text('kind', { enum: SUMMARY_LEVELS }).notNull(),
    periodKey: text('period_key').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    claimedAt: timestampColumn('claimed_at'),
    sentAt: timestampColumn('sent_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.summaryId], foreignColumns: [summaries.tenantId, summaries.id] }),
    foreignKey({ columns: [t.tenantId, t.recipientId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('email_outbox_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('email_outbox_recipient_period_kind_unique').on(t.tenantId, t.recipientId, t.periodKey, t.kind),
    index('email_outbox_tenant_status_idx').on(t.tenantId, t.status, t.periodKey),
    // The hourly sweep for claims past their lease reads across tenants by status and claim time.
    index('email_outbox_status_claimed_idx').on(t.status, t.claimedAt),
  ],
);

/**
 * Complaint ownership: what happened to a complaint after it was heard (who took it, who assigned
 * it, what its owner did, with which budget spend, and its resolution), and the audit of every time
 * someone saw the customer's name and contact. The complaint itself is a `feedback` row of kind
 * complaint (features/voice), which carries its owner, customer and first-action time.
 */
import { foreignKey, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn } from '../../db/columns.ts';
import { budgetSpends } from '../budgets/tables.ts';
import { employees } from '../people/tables.ts';
import { feedback } from '../voice/tables.ts';

export const COMPLAINT_EVENT_KINDS = ['taken', 'assigned', 'action', 'resolved'] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

/** A complaint's history, append-only: one row per take, assignment, action and resolution. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    feedbackId: text('feedback_id').notNull(),
    kind: text('kind', { enum: COMPLAINT_EVENT_KINDS }).notNull(),
    /** Who did it: an employee id, or the id of the API key (no foreign key for that reason). */
    actorId: text('actor_id').notNull(),
    /** For taken/assigned: the new owner and the one before (null when there was none). */
    ownerId: text('owner_id'),
    previousOwnerId: text('previous_owner_id'),
    /** What was done (an action), how it was made right (a resolution). */
    note: text('note'),
    /** For an action: the owner's budget spend that answered this complaint. */
    spendId: text('spend_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.feedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.previousOwnerId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.spendId], foreignColumns: [budgetSpends.tenantId, budgetSpends.id] }),
    uniqueIndex('complaint_events_tenant_id_unique').on(t.tenantId, t.id),
    index('complaint_events_tenant_feedback_idx').on(t.tenantId, t.feedbackId, t.createdAt),
  ],
);

export const REVEAL_BASES = ['owner', 'contact_permission'] as const;
export type RevealBasis = (typeof REVEAL_BASES)[number];

/**
 * Every time a complaint's customer (name and contact) was shown to someone: who, when, which
 * complaint, and on what basis (they own it, or they hold the contact permission). Append-only.
 */
export const complaintCustomerReveals = sqliteTable(
  'complaint_customer_reveals',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    feedbackId: text('feedback_id').notNull(),
    /** An employee id or an API key id. */
    revealedBy: text('revealed_by').notNull(),
    basis: text('basis', { enum: REVEAL_BASES }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.feedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    uniqueIndex('complaint_customer_reveals_tenant_id_unique').on(t.tenantId, t.id),
    index('complaint_customer_reveals_tenant_feedback_idx').on(t.tenantId, t.feedbackId, t.createdAt),
  ],
);

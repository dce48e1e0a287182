/** Team meetings and the agenda items employees propose and vote on before them. */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees, teams } from '../people/tables.ts';
import { suggestions } from '../suggestions/tables.ts';
import { tenants } from '../../db/tenants.ts';

export const meetings = sqliteTable(
  'meetings',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    teamId: text('team_id').notNull(),
    title: text('title').notNull(),
    scheduledAt: timestampColumn('scheduled_at').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    uniqueIndex('meetings_tenant_id_unique').on(t.tenantId, t.id),
    index('meetings_tenant_scheduled_idx').on(t.tenantId, t.scheduledAt, t.id),
    index('meetings_tenant_team_idx').on(t.tenantId, t.teamId, t.scheduledAt),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    meetingId: text('meeting_id').notNull(),
    proposerId: text('proposer_id').notNull(),
    title: text('title').notNull(),
    details: text('details'),
    /** A suggestion the item is about, if any. */
    suggestionId: text('suggestion_id'),
    /** Denormalised from agenda_votes in the same batch as every vote, so the agenda sorts by it. */
    voteCount: integer('vote_count').notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({ columns: [t.tenantId, t.proposerId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    uniqueIndex('agenda_items_tenant_id_unique').on(t.tenantId, t.id),
    index('agenda_items_meeting_votes_idx').on(t.tenantId, t.meetingId, t.voteCount, t.id),
  ],
);

export const agendaVotes = sqliteTable(
  'agenda_votes',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    itemId: text('item_id').notNull(),
    employeeId: text('employee_id').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [agendaItems.tenantId, agendaItems.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('agenda_votes_unique').on(t.tenantId, t.itemId, t.employeeId),
  ],
);

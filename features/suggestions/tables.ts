/**
 * The suggestion box: what eats frontline time and how service could be better, with votes,
 * comments and manager replies, a status history, themes for friction trends, and experiments.
 *
 * Anonymity is a storage rule, not a display rule: an anonymous suggestion has `author_id` NULL
 * and nothing else in the database links it to a person. Its author follows it with a follow code
 * that is only stored as a SHA-256 hash.
 */
import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees, teams } from '../people/tables.ts';
import { tenants } from '../../db/tenants.ts';

export const SUGGESTION_CATEGORIES = [
  'repeated_question',
  'avoidable_task',
  'long_process',
  'service_idea',
  'cost_saving',
  'other',
] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const SUGGESTION_STATUSES = ['submitted', 'under_review', 'accepted', 'experimenting', 'adopted', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const suggestions = sqliteTable(
  'suggestions',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    /** The team it concerns. For anonymous suggestions only when the author chose to name one. */
    teamId: text('team_id'),
    /** NULL for anonymous suggestions: the author is stored nowhere. */
    authorId: text('author_id'),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    /** SHA-256 (hex) of the follow code handed to the author of an anonymous suggestion once. */
    followCodeHash: text('follow_code_hash'),
    category: text('category', { enum: SUGGESTION_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('submitted'),
    /** Required when declined; shown to everyone who can read the suggestion, the author included. */
    declineReason: text('decline_reason'),
    /** Denormalised from suggestion_votes in the same batch as every vote, so lists sort by it. */
    voteCount: integer('vote_count').notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('suggestions_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('suggestions_tenant_follow_code_unique').on(t.tenantId, t.followCodeHash),
    index('suggestions_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('suggestions_tenant_votes_idx').on(t.tenantId, t.voteCount, t.id),
    index('suggestions_tenant_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('suggestions_tenant_team_idx').on(t.tenantId, t.teamId, t.status),
  ],
);

/** One vote per employee and suggestion; retracting deletes the row. Voters are never listed. */
export const suggestionVotes = sqliteTable(
  'suggestion_votes',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    suggestionId: text('suggestion_id').notNull(),
    employeeId: text('employee_id').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('suggestion_votes_unique').on(t.tenantId, t.suggestionId, t.employeeId),
  ],
);

/** Who follows a suggestion (named ones; anonymous authors follow with their code instead). */
export const suggestionFollows = sqliteTable(
  'suggestion_follows',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    suggestionId: text('suggestion_id').notNull(),
    employeeId: text('employee_id').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('suggestion_follows_unique').on(t.tenantId, t.suggestionId, t.employeeId),
    index('suggestion_follows_employee_idx').on(t.tenantId, t.employeeId),
  ],
);

/**
 * `comment`: an employee, by name. `reply`: a manager (by name, or a key with no author).
 * `author`: the anonymous author of the suggestion, through its follow code: author_id stays NULL,
 * nothing else is written, so the row says only "the author wrote this, then".
 */
export const COMMENT_KINDS = ['comment', 'reply', 'author'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** Employees' comments, managers' replies and the anonymous author's replies (see COMMENT_KINDS). */
export const suggestionComments = sqliteTable(
  'suggestion_comments',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    suggestionId: text('suggestion_id').notNull(),
    kind: text('kind', { enum: COMMENT_KINDS }).notNull(),
    authorId: text('author_id'),
    body: text('body').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('suggestion_comments_tenant_id_unique').on(t.tenantId, t.id),
    index('suggestion_comments_suggestion_idx').on(t.tenantId, t.suggestionId, t.createdAt),
  ],
);

/**
 * Every status change: who (an employee, or an API key by id), when, from, to, note. The submission
 * is the first row (from NULL); for an anonymous suggestion it has no actor at all.
 */
export const suggestionHistory = sqliteTable(
  'suggestion_history',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    suggestionId: text('suggestion_id').notNull(),
    fromStatus: text('from_status', { enum: SUGGESTION_STATUSES }),
    toStatus: text('to_status', { enum: SUGGESTION_STATUSES }).notNull(),
    actorEmployeeId: text('actor_employee_id'),
    actorKeyId: text('actor_key_id'),
    note: text('note'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    foreignKey({ columns: [t.tenantId, t.actorEmployeeId], foreignColumns: [employees.tenantId, employees.id] }),
    index('suggestion_history_suggestion_idx').on(t.tenantId, t.suggestionId, t.createdAt),
  ],
);

/** One row per (suggestion, theme) so friction trends GROUP BY theme and period in SQL. */
export const suggestionThemes = sqliteTable(
  'suggestion_themes',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    suggestionId: text('suggestion_id').notNull(),
    theme: text('theme').notNull(),
    label: text('label').notNull(),
    category: text('category', { enum: SUGGESTION_CATEGORIES }).notNull(),
    teamId: text('team_id'),
    createdAt: timestampColumn('created_at').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    uniqueIndex('suggestion_themes_unique').on(t.tenantId, t.suggestionId, t.theme),
    index('suggestion_themes_trend_idx').on(t.tenantId, t.createdAt, t.theme),
  ],
);

export const EXPERIMENT_OUTCOMES = ['succeeded', 'failed', 'inconclusive'] as const;
export type ExperimentOutcome = (typeof EXPERIMENT_OUTCOMES)[number];

/** A time-boxed trial of an accepted suggestion; at most one per suggestion. */
export const experiments = sqliteTable(
  'experiments',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    suggestionId: text('suggestion_id').notNull(),
    hypothesis: text('hypothesis').notNull(),
    successMeasure: text('success_measure').notNull(),
    ownerId: text('owner_id').notNull(),
    /** Calendar days, YYYY-MM-DD. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    /** NULL while running; set once, never changed. */
    outcome: text('outcome', { enum: EXPERIMENT_OUTCOMES }),
    lessons: text('lessons'),
    concludedAt: timestampColumn('concluded_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.suggestionId], foreignColumns: [suggestions.tenantId, suggestions.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [employees.tenantId, employees.id] }),
    uniqueIndex('experiments_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('experiments_tenant_suggestion_unique').on(t.tenantId, t.suggestionId),
    index('experiments_tenant_starts_idx').on(t.tenantId, t.startsOn, t.id),
    index('experiments_tenant_outcome_idx').on(t.tenantId, t.outcome),
  ],
);

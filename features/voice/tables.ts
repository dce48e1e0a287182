/**
 * The customer's voice: survey templates, survey calls with their answers, and feedback records
 * (praise, complaints, ideas) attributed to employees and teams.
 *
 * Every mention of an employee in a survey call is stored as a feedback row (source survey_call,
 * linked to the call), so "what customers said about X" is one table whatever the channel.
 */
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAtColumn, idColumn, tenantIdColumn, timestampColumn, updatedAtColumn } from '../../db/columns.ts';
import { employees, teams } from '../people/tables.ts';
import { tenants } from '../../db/tenants.ts';

export const TEMPLATE_STATUSES = ['active', 'archived'] as const;

export const surveyTemplates = sqliteTable(
  'survey_templates',
  {
    id: idColumn(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status', { enum: TEMPLATE_STATUSES }).notNull().default('active'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('survey_templates_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('survey_templates_tenant_name_unique').on(t.tenantId, sql`lower(${t.name})`),
  ],
);

/** The ordered open-ended questions of a template. */
export const surveyQuestions = sqliteTable(
  'survey_questions',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    templateId: text('template_id').notNull(),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.templateId], foreignColumns: [surveyTemplates.tenantId, surveyTemplates.id] }),
    uniqueIndex('survey_questions_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('survey_questions_template_position_unique').on(t.tenantId, t.templateId, t.position),
  ],
);

export const CALL_CHANNELS = ['phone', 'video', 'in_person'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

/** A manager's or lead's call to a customer. Customer name and contact are personal data. */
export const surveyCalls = sqliteTable(
  'survey_calls',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    templateId: text('template_id').notNull(),
    callerId: text('caller_id').notNull(),
    /** The caller's team when the call was logged. */
    teamId: text('team_id'),
    customerName: text('customer_name'),
    customerContact: text('customer_contact'),
    calledAt: timestampColumn('called_at').notNull(),
    channel: text('channel', { enum: CALL_CHANNELS }).notNull(),
    /** Overall satisfaction, 1 to 5. */
    satisfaction: integer('satisfaction').notNull(),
    /** Net promoter answer, 0 to 10. */
    nps: integer('nps'),
    notes: text('notes'),
    /** Sentiment of the answers with the satisfaction and NPS, -1 to 1 (features/themes/rules/sentiment.ts). */
    sentiment: real('sentiment').notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.templateId], foreignColumns: [surveyTemplates.tenantId, surveyTemplates.id] }),
    foreignKey({ columns: [t.tenantId, t.callerId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    uniqueIndex('survey_calls_tenant_id_unique').on(t.tenantId, t.id),
    index('survey_calls_tenant_called_idx').on(t.tenantId, t.calledAt),
    index('survey_calls_tenant_caller_idx').on(t.tenantId, t.callerId, t.calledAt),
  ],
);

/** One answer of a call: the question as it was asked, and the customer's words. */
export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    callId: text('call_id').notNull(),
    questionId: text('question_id').notNull(),
    position: integer('position').notNull(),
    /** The prompt copied at the time of the call, so later template edits do not rewrite history. */
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    sentiment: real('sentiment').notNull().default(0),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.callId], foreignColumns: [surveyCalls.tenantId, surveyCalls.id] }),
    foreignKey({ columns: [t.tenantId, t.questionId], foreignColumns: [surveyQuestions.tenantId, surveyQuestions.id] }),
    index('survey_answers_tenant_call_idx').on(t.tenantId, t.callId, t.position),
  ],
);

export const FEEDBACK_KINDS = ['praise', 'complaint', 'idea'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_SOURCES = ['survey_call', 'complaint_record', 'widget', 'peer', 'manager', 'import'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const FEEDBACK_STATUSES = ['open', 'resolved'] as const;

/** Praise, a complaint or an idea from a customer, about an employee and/or a team. */
export const feedback = sqliteTable(
  'feedback',
  {
    id: idColumn(),
    tenantId: tenantIdColumn(),
    kind: text('kind', { enum: FEEDBACK_KINDS }).notNull(),
    source: text('source', { enum: FEEDBACK_SOURCES }).notNull(),
    employeeId: text('employee_id'),
    teamId: text('team_id'),
    /** The survey call this came from (source survey_call). */
    callId: text('call_id'),
    body: text('body').notNull(),
    /** Optional 1 to 5. */
    rating: integer('rating'),
    sentiment: real('sentiment').notNull().default(0),
    /** Labels of its themes, primary first (at most two), JSON array (also rows in feedback_themes, for GROUP BY). */
    themes: text('themes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /**
     * The theme of the tenant's taxonomy it is mainly about (null: none matched). Written only from
     * the tenant's own taxonomy (features/themes). No foreign key: adding one to this existing table
     * makes drizzle-kit rebuild it, and D1 cannot drop a table other tables reference.
     */
    primaryThemeId: text('primary_theme_id'),
    status: text('status', { enum: FEEDBACK_STATUSES }).notNull().default('open'),
    resolutionNote: text('resolution_note'),
    /**
     * Who resolved it: an employee id, or the id of the API key. No foreign key (it may be a key),
     * so it must only ever be written from the caller's own credential (same tenant): the
     * `resolvedByEmployee` relation follows it without a tenant check.
     */
    resolvedBy: text('resolved_by'),
    resolvedAt: timestampColumn('resolved_at'),
    /**
     * Who owns a complaint (makes it right): by default the employee it is about, or whoever took
     * it or was assigned it (features/complaints). Null for praise, ideas and complaints about a
     * team only, until someone takes them. No foreign key: adding one would make drizzle-kit rebuild
     * this table, which D1 cannot do while other tables reference it. Every write of it is checked
     * anyway: the default is employee_id (which has one), and each take or assignment writes a
     * complaint_events row whose owner_id has a composite foreign key, in the same batch.
     */
    ownerId: text('owner_id'),
    /** The customer who complained, when the record or import says (personal data: need to know). */
    customerName: text('customer_name'),
    customerContact: text('customer_contact'),
    /** When the owner first did something about a complaint (an action, or resolving it). */
    firstActionAt: timestampColumn('first_action_at'),
    /** The id in the system it was imported from; unique per tenant, so re-imports do not duplicate. */
    externalRef: text('external_ref'),
    /** When the customer said it. */
    receivedAt: timestampColumn('received_at').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    foreignKey({ columns: [t.tenantId, t.callId], foreignColumns: [surveyCalls.tenantId, surveyCalls.id] }),
    uniqueIndex('feedback_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('feedback_tenant_external_ref_unique').on(t.tenantId, t.externalRef),
    index('feedback_tenant_received_idx').on(t.tenantId, t.receivedAt),
    index('feedback_tenant_employee_idx').on(t.tenantId, t.employeeId, t.kind, t.receivedAt),
    index('feedback_tenant_team_idx').on(t.tenantId, t.teamId, t.kind, t.receivedAt),
    index('feedback_tenant_call_idx').on(t.tenantId, t.callId),
    index('feedback_tenant_owner_idx').on(t.tenantId, t.ownerId, t.status),
  ],
);

/**
 * One row per (feedback, theme): complaint trends GROUP BY theme and period in SQL.
 * `theme` is the key of a theme of the tenant's taxonomy (`waiting-time`), `label` its label when
 * the record was classified (trends show the theme's current label); `rank` 1 is the primary theme,
 * 2 the secondary.
 */
export const feedbackThemes = sqliteTable(
  'feedback_themes',
  {
    tenantId: tenantIdColumn(),
    feedbackId: text('feedback_id').notNull(),
    theme: text('theme').notNull(),
    label: text('label').notNull(),
    rank: integer('rank').notNull().default(1),
    kind: text('kind', { enum: FEEDBACK_KINDS }).notNull(),
    receivedAt: timestampColumn('received_at').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.feedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    uniqueIndex('feedback_themes_unique').on(t.tenantId, t.feedbackId, t.theme),
    index('feedback_themes_trend_idx').on(t.tenantId, t.kind, t.receivedAt, t.theme),
  ],
);

/**
 * Candidate phrases of feedback that matched no theme (themes/rules/matcher.ts `unmatchedPhrases`),
 * one row per (feedback, phrase): emerging themes are one GROUP BY phrase over a period.
 */
export const feedbackPhrases = sqliteTable(
  'feedback_phrases',
  {
    tenantId: tenantIdColumn(),
    feedbackId: text('feedback_id').notNull(),
    /** Lemmas, the grouping key ("oat milk"). */
    phrase: text('phrase').notNull(),
    /** As the customer wrote it ("oat milks"). */
    words: text('words').notNull(),
    receivedAt: timestampColumn('received_at').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.feedbackId], foreignColumns: [feedback.tenantId, feedback.id] }),
    uniqueIndex('feedback_phrases_unique').on(t.tenantId, t.feedbackId, t.phrase),
    index('feedback_phrases_period_idx').on(t.tenantId, t.receivedAt, t.phrase),
  ],
);

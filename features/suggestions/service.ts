/**
 * The suggestion box's reads and writes through TenantScope, GraphQL-free: submitting, votes,
 * follows, comments, the status workflow and experiments. The schema modules (schema/suggestions.ts,
 * suggestion-mutations.ts, experiments.ts, friction-trends.ts) parse, authorise and call these;
 * other features (meetings) reach the suggestion box only through this file.
 *
 * Anonymity: no function here takes or compares an author to decide anything; an anonymous
 * suggestion is stored with author_id NULL and followed by the hash of its follow code.
 */
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch } from '../../db/batching.ts';
import { newId } from '../../db/ids.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { toggleVote } from '../../db/vote-toggle.ts';
import { conflictError, invalidTransitionError, missingMessage, notFoundError, UserErrors, validationError } from '../../domain/errors.ts';
import { likePattern } from '../../domain/text.ts';
import { themeKey, themesOf } from '../voice/service.ts';
import { hashFollowCode, looksLikeFollowCode, newFollowCode } from './follow-codes.ts';
import { FOLLOW_CODE_REPLIES, followCodeRepliesClosedAt, statusLabel, type ExperimentValues, type SubmitSuggestionValues } from './rules.ts';
import {
  experiments,
  suggestionComments,
  suggestionFollows,
  suggestionHistory,
  suggestions,
  suggestionThemes,
  suggestionVotes,
  type ExperimentOutcome,
  type SuggestionCategory,
  type SuggestionStatus,
} from './tables.ts';

export { finishTrends, suggestionCategoryTrends, suggestionThemeTrends, type TrendRow } from './trends.ts';
export { OPEN_STATUSES } from './rules.ts';

/** What the suggestion list may be narrowed to (never an author). Ids are local; `team.id` null matches nothing. */
export interface SuggestionFilter {
  status?: readonly SuggestionStatus[] | null;
  category?: readonly SuggestionCategory[] | null;
  team?: { id: string | null };
  search?: string | null;
  theme?: string | null;
  followedBy?: { employeeId: string; follows: boolean };
}

/** The filter as one SQL condition over `table` (drizzle's alias inside relational queries). */
export function suggestionWhere(table: typeof suggestions, filter: SuggestionFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.status?.length) conditions.push(sql`${table.status} IN (${sql.join(filter.status.map((s) => sql`${s}`), sql`, `)})`);
  if (filter.category?.length) conditions.push(sql`${table.category} IN (${sql.join(filter.category.map((c) => sql`${c}`), sql`, `)})`);
  if (filter.team) conditions.push(filter.team.id === null ? sql`0 = 1` : eq(table.teamId, filter.team.id));
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push(or(sql`${table.title} LIKE ${pattern} ESCAPE '\\'`, sql`${table.body} LIKE ${pattern} ESCAPE '\\'`));
  }
  if (filter.theme?.trim()) {
    const key = themeKey(filter.theme);
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${suggestionThemes} WHERE ${suggestionThemes.tenantId} = ${table.tenantId} AND ${suggestionThemes.suggestionId} = ${table.id} AND ${suggestionThemes.theme} = ${key})`,
    );
  }
  if (filter.followedBy) {
    const follows = sql`EXISTS (SELECT 1 FROM ${suggestionFollows} WHERE ${suggestionFollows.tenantId} = ${table.tenantId} AND ${suggestionFollows.suggestionId} = ${table.id} AND ${suggestionFollows.employeeId} = ${filter.followedBy.employeeId})`;
    conditions.push(filter.followedBy.follows ? follows : sql`NOT ${follows}`);
  }
  return and(...conditions);
}

/** What the experiment list may be narrowed to. */
export interface ExperimentFilter {
  outcome?: readonly ExperimentOutcome[] | null;
  running?: boolean | null;
  search?: string | null;
}

/** The experiment filter as one SQL condition over `table`. */
export function experimentWhere(table: typeof experiments, filter: ExperimentFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.outcome?.length) conditions.push(sql`${table.outcome} IN (${sql.join(filter.outcome.map((o) => sql`${o}`), sql`, `)})`);
  if (filter.running === true) conditions.push(isNull(table.outcome));
  if (filter.running === false) conditions.push(sql`${table.outcome} IS NOT NULL`);
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push(
      or(
        sql`${table.hypothesis} LIKE ${pattern} ESCAPE '\\'`,
        sql`${table.successMeasure} LIKE ${pattern} ESCAPE '\\'`,
        sql`${table.lessons} LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  return and(...conditions);
}

export type SuggestionRow = typeof suggestions.$inferSelect;
export type ExperimentRow = typeof experiments.$inferSelect;
export type SuggestionCommentRow = typeof suggestionComments.$inferSelect;

/** Who made a change, for the history: an employee, an API key, or nobody (anonymous submission). */
export interface SuggestionActor {
  actorEmployeeId: string | null;
  actorKeyId: string | null;
}

/** Key phrases kept per suggestion: title and body together are longer than most feedback. */
export const SUGGESTION_THEMES = 5;

/** The not-found message every Relay id of the API uses (schema/global-ids.ts says the same). */
/** Loads one suggestion of the tenant (any status), or undefined. */
export async function loadSuggestion(tenant: TenantScope, id: string): Promise<SuggestionRow | undefined> {
  return tenant.db.query.suggestions.findFirst({ where: { id } });
}

/** One suggestion of the tenant, or NOT_FOUND at `path` (the same for every caller). */
export async function findSuggestionById(tenant: TenantScope, id: string, path: string[]): Promise<SuggestionRow> {
  const suggestion = await loadSuggestion(tenant, id);
  if (!suggestion) throw notFoundError(path, missingMessage('Suggestion'));
  return suggestion;
}

/**
 * The history row for a change from `from` to `to`, inserted only while the suggestion still has
 * status `from`. It goes into the same batch as the guarded UPDATE, before it: both see the same
 * row, so either both apply or neither does. `onlyIf` adds a condition both must share.
 */
function guardedHistoryInsert(
  tenant: TenantScope,
  suggestionId: string,
  from: SuggestionStatus,
  to: SuggestionStatus,
  actor: SuggestionActor,
  note: string | null,
  at: Date,
  onlyIf: SQL = sql`1 = 1`,
) {
  return tenant.insertSelect(
    suggestionHistory,
    {
      id: newId('sgh'),
      suggestionId: sql`${suggestions.id}`,
      fromStatus: sql`${suggestions.status}`,
      toStatus: to,
      actorEmployeeId: actor.actorEmployeeId,
      actorKeyId: actor.actorKeyId,
      note,
      createdAt: at.getTime(),
    },
    sql`FROM ${suggestions} WHERE ${suggestions.tenantId} = ${tenant.tenantId} AND ${suggestions.id} = ${suggestionId} AND ${suggestions.status} = ${from} AND ${onlyIf}`,
  );
}

/** UPDATE ... WHERE status = <from>: of two concurrent transitions only one can match. */
function guardedStatusUpdate(
  tenant: TenantScope,
  suggestionId: string,
  from: SuggestionStatus,
  set: Partial<Pick<SuggestionRow, 'status' | 'declineReason'>>,
  at: Date,
  onlyIf?: SQL,
) {
  return tenant.updateWhere(suggestions, { ...set, updatedAt: at }, and(eq(suggestions.id, suggestionId), eq(suggestions.status, from), onlyIf) as SQL).returning();
}

const raceLost = (from: SuggestionStatus) =>
  conflictError(['input', 'suggestionId'], `The suggestion changed while you were working on it (it is no longer ${statusLabel(from)}). Reload it and try again.`);

/**
 * Stores a suggestion with its submission history row, themes and (named authors only) the
 * author's follow, in one batch. An anonymous one stores no author: its author gets a follow code,
 * returned here once and stored only as a hash.
 */
export async function submitSuggestion(
  tenant: TenantScope,
  values: SubmitSuggestionValues,
  by: { employeeId: string; teamId: string | null },
  now: Date,
): Promise<{ suggestion: SuggestionRow | null; followCode: string | null }> {
  const { teamId } = by;
  const id = newId('sug');
  const followCode = values.anonymous ? newFollowCode() : null;
  const authorId = values.anonymous ? null : by.employeeId;
  const statements: BatchItem<'sqlite'>[] = [
    tenant.insert(suggestions, {
      id,
      teamId,
      authorId,
      anonymous: values.anonymous,
      followCodeHash: followCode ? await hashFollowCode(followCode) : null,
      category: values.category,
      title: values.title,
      body: values.body,
      status: 'submitted',
      createdAt: now,
      updatedAt: now,
    }),
    tenant.insert(suggestionHistory, { id: newId('sgh'), suggestionId: id, fromStatus: null, toStatus: 'submitted', actorEmployeeId: authorId, actorKeyId: null, note: null, createdAt: now }),
  ];
  for (const theme of themesOf(`${values.title}. ${values.body}`, SUGGESTION_THEMES)) {
    statements.push(
      tenant.insert(suggestionThemes, { id: newId('sth'), suggestionId: id, theme: theme.key, label: theme.label, category: values.category, teamId, createdAt: now }),
    );
  }
  // A named author follows their suggestion; an anonymous one follows with the code, so
  // no follow row links them to it.
  if (authorId) statements.push(tenant.insert(suggestionFollows, { id: newId('sfol'), suggestionId: id, employeeId: authorId }));
  await runBatch(tenant, statements);
  const suggestion = (await loadSuggestion(tenant, id)) ?? null;
  return { suggestion, followCode };
}

/** Adds (vote = true) or takes back an employee's vote, and recounts. */
export async function changeSuggestionVote(tenant: TenantScope, suggestionId: string, employeeId: string, vote: boolean): Promise<SuggestionRow | null> {
  const updated = await toggleVote(tenant, {
    votes: suggestionVotes,
    votesFor: suggestionVotes.suggestionId,
    things: suggestions,
    thingId: suggestionId,
    employeeId,
    add: vote,
    vote: { id: newId('svote'), suggestionId, employeeId },
    // Anonymity: a vote must not move updated_at (it would tell when someone voted).
    touchesThing: false,
  });
  return updated ?? null;
}

/** Follows (idempotently) or unfollows a suggestion for an employee. */
export async function changeSuggestionFollow(tenant: TenantScope, suggestionId: string, employeeId: string, follow: boolean): Promise<void> {
  if (follow) {
    await tenant.insert(suggestionFollows, { id: newId('sfol'), suggestionId, employeeId }).onConflictDoNothing();
  } else {
    await tenant.deleteWhere(suggestionFollows, and(eq(suggestionFollows.suggestionId, suggestionId), eq(suggestionFollows.employeeId, employeeId)) as SQL);
  }
}

/** An employee's comment or a manager's reply (authorId null for a reply made with a key). */
export async function addSuggestionComment(
  tenant: TenantScope,
  suggestionId: string,
  comment: { kind: 'comment' | 'reply'; authorId: string | null; body: string },
): Promise<SuggestionCommentRow | null> {
  const [row] = await tenant.insert(suggestionComments, { id: newId('scom'), suggestionId, ...comment }).returning();
  return row ?? null;
}

/**
 * The anonymous author's reply in the thread, authorised by the follow code alone (the caller's
 * credential only names the organisation). The row is a comment of kind `author` with no author_id:
 * nothing is written that names the caller, and the same steps run whoever sends the code.
 * At most FOLLOW_CODE_REPLIES.perDay replies per suggestion in any 24 hours, counted inside the
 * INSERT ... SELECT itself, so concurrent replies cannot overshoot.
 */
export async function replyByFollowCode(
  tenant: TenantScope,
  values: { followCode: string; body: string },
  now: Date,
): Promise<SuggestionCommentRow> {
  const codePath = ['input', 'followCode'];
  if (!looksLikeFollowCode(values.followCode)) {
    throw validationError(codePath, 'This is not a follow code: follow codes start with "fl_fc_". Copy the whole code you were given when you submitted the suggestion.');
  }
  const hash = await hashFollowCode(values.followCode);
  const suggestion = await tenant.db.query.suggestions.findFirst({ where: { followCodeHash: hash } });
  if (!suggestion) {
    throw notFoundError(codePath, 'No suggestion of your organisation has this follow code. Check that it was copied whole.');
  }
  const closedAt = followCodeRepliesClosedAt(suggestion.status, suggestion.updatedAt, now);
  if (closedAt) {
    throw validationError(
      codePath,
      `This suggestion is ${statusLabel(suggestion.status)} and its thread stopped taking replies on ${closedAt.toISOString().slice(0, 10)}, ${FOLLOW_CODE_REPLIES.daysAfterClosing} days after it closed. You can still read it with suggestionByFollowCode.`,
    );
  }
  const since = now.getTime() - 86_400_000;
  const [row] = await tenant
    .insertSelect(
      suggestionComments,
      { id: newId('scom'), suggestionId: sql`${suggestions.id}`, kind: 'author', authorId: null, body: values.body, createdAt: now.getTime() },
      sql`FROM ${suggestions} WHERE ${suggestions.tenantId} = ${tenant.tenantId} AND ${suggestions.id} = ${suggestion.id}
        AND (SELECT count(*) FROM ${suggestionComments} WHERE ${suggestionComments.tenantId} = ${tenant.tenantId}
             AND ${suggestionComments.suggestionId} = ${suggestion.id} AND ${suggestionComments.kind} = 'author'
             AND ${suggestionComments.createdAt} > ${since}) < ${FOLLOW_CODE_REPLIES.perDay}`,
    )
    .returning();
  if (!row) {
    throw new UserErrors([
      {
        code: 'LIMIT_REACHED',
        path: codePath,
        message: `A follow code can post at most ${FOLLOW_CODE_REPLIES.perDay} replies to its suggestion in 24 hours. Try again later.`,
      },
    ]);
  }
  return row;
}

/**
 * Moves a suggestion from its current status to `to` (the caller checked the workflow allows it),
 * with its history row, guarded against a concurrent change. ADOPTED needs a concluded experiment
 * that did not fail.
 */
export async function changeSuggestionStatus(
  tenant: TenantScope,
  suggestion: SuggestionRow,
  change: { to: SuggestionStatus; note: string | null; reason: string | null },
  actor: SuggestionActor,
  now: Date,
): Promise<SuggestionRow> {
  const from = suggestion.status;
  const { to } = change;
  if (to === 'adopted') {
    const experiment = await tenant.db.query.experiments.findFirst({ where: { suggestionId: suggestion.id } });
    // Outcomes are set once and never change, so this check cannot go stale before the write.
    if (!experiment?.outcome || experiment.outcome === 'failed') {
      throw invalidTransitionError(
        ['input', 'status'],
        `A suggestion cannot go from ${statusLabel(from)} to ADOPTED before its experiment is concluded as SUCCEEDED or INCONCLUSIVE.`,
      );
    }
  }
  const [, updated] = await tenant.batch([
    guardedHistoryInsert(tenant, suggestion.id, from, to, actor, change.note, now),
    guardedStatusUpdate(tenant, suggestion.id, from, { status: to, declineReason: to === 'declined' ? change.reason : null }, now),
  ]);
  if (!updated[0]) throw raceLost(from);
  return updated[0];
}

/**
 * Starts the experiment of an ACCEPTED suggestion (the caller checked the status and the owner),
 * which becomes EXPERIMENTING.
 */
export async function startExperiment(
  tenant: TenantScope,
  suggestion: SuggestionRow,
  values: ExperimentValues & { ownerId: string },
  actor: SuggestionActor,
  now: Date,
): Promise<ExperimentRow | null> {
  const id = newId('exp');
  // The experiment row is inserted only while the suggestion is still ACCEPTED, in the
  // same batch as the guarded transition, so a lost race leaves no orphan experiment.
  const insertExperiment = tenant.insertSelect(
    experiments,
    {
      id,
      suggestionId: sql`${suggestions.id}`,
      hypothesis: values.hypothesis,
      successMeasure: values.successMeasure,
      ownerId: values.ownerId,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      outcome: null,
      lessons: null,
      concludedAt: null,
      createdAt: now.getTime(),
      updatedAt: now.getTime(),
    },
    sql`FROM ${suggestions} WHERE ${suggestions.tenantId} = ${tenant.tenantId} AND ${suggestions.id} = ${suggestion.id} AND ${suggestions.status} = 'accepted'`,
  );
  const [, , updated] = await tenant.batch([
    insertExperiment,
    guardedHistoryInsert(tenant, suggestion.id, 'accepted', 'experimenting', actor, values.note, now),
    guardedStatusUpdate(tenant, suggestion.id, 'accepted', { status: 'experimenting' }, now),
  ]);
  if (!updated[0]) throw raceLost('accepted');
  const experiment = await tenant.db.query.experiments.findFirst({ where: { id } });
  return experiment ?? null;
}

/**
 * Records the outcome and lessons of a running experiment, once. FAILED also declines the
 * suggestion, with the lessons as its reason.
 */
export async function concludeExperiment(
  tenant: TenantScope,
  id: string,
  values: { outcome: ExperimentOutcome; lessons: string },
  actor: SuggestionActor,
  now: Date,
  path: string[],
): Promise<ExperimentRow> {
  const existing = await tenant.db.query.experiments.findFirst({ where: { id } });
  if (!existing) throw notFoundError(path, missingMessage('Experiment'));
  const concluded = (outcome: string | null) =>
    invalidTransitionError(
      ['input', 'outcome'],
      `This experiment was already concluded${outcome ? ` as ${outcome.toUpperCase()}` : ''}; outcomes do not change.`,
    );
  if (existing.outcome) throw concluded(existing.outcome);
  // WHERE outcome IS NULL: of two concurrent conclusions only one applies.
  const conclude = tenant
    .updateWhere(experiments, { outcome: values.outcome, lessons: values.lessons, concludedAt: now, updatedAt: now }, and(eq(experiments.id, id), isNull(experiments.outcome)) as SQL)
    .returning();
  if (values.outcome !== 'failed') {
    const [experiment] = await conclude;
    if (!experiment) throw concluded(null);
    return experiment;
  }
  // A failed experiment declines its suggestion, with the lessons as the reason the author
  // reads: after a failure the only way on is DECLINED (one experiment per suggestion), and
  // leaving it EXPERIMENTING would keep a finished trial looking alive. Same batch: the
  // guarded history row and status change apply only while the suggestion is still
  // EXPERIMENTING (a suggestion declined by hand meanwhile keeps its own reason) and the
  // experiment really ended FAILED (a concurrent SUCCEEDED that won must not decline it).
  const endedFailed = sql`EXISTS (SELECT 1 FROM ${experiments} WHERE tenant_id = ${tenant.tenantId} AND id = ${id} AND outcome = 'failed')`;
  const [[experiment]] = await tenant.batch([
    conclude,
    guardedHistoryInsert(tenant, existing.suggestionId, 'experimenting', 'declined', actor, 'The experiment failed.', now, endedFailed),
    guardedStatusUpdate(tenant, existing.suggestionId, 'experimenting', { status: 'declined', declineReason: values.lessons }, now, endedFailed),
  ]);
  if (!experiment) throw concluded(null);
  return experiment;
}

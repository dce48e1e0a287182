/**
 * Suggestion mutations: submit, vote, follow, comment (employees, with their own token), reply and
 * move through the workflow (managers and admins).
 *
 * Anonymity: every mutation that takes a suggestion id runs the same steps and gives the same
 * answers whether or not the caller wrote it; none of them compares the caller with an author.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { runBatch } from '../db/batching.ts';
import type { BatchItem } from 'drizzle-orm/batch';
import { newId } from '../db/ids.ts';
import {
  suggestionComments,
  suggestionFollows,
  suggestionHistory,
  suggestions,
  suggestionThemes,
  suggestionVotes,
  type SuggestionStatus,
} from '../features/suggestions/tables.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { toggleVote } from '../db/vote-toggle.ts';
import { conflictError, invalidTransitionError, notFoundError, parseInput, validationError } from '../domain/errors.ts';
import { hashFollowCode, newFollowCode } from '../features/suggestions/follow-codes.ts';
import { canTransition, changeStatusSchema, commentBody, statusLabel, submitSuggestionSchema, transitionRefusal } from '../features/suggestions/rules.ts';
import { themesOf } from '../domain/themes.ts';
import type { GraphQLContext } from '../worker/context.ts';
import * as v from 'valibot';
import { builder } from './builder.ts';
import { findEmployee } from './employees.ts';
import { localIdFor, missingMessage } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { Suggestion, SuggestionCategoryEnum, SuggestionComment, SuggestionStatusEnum, loadSuggestion } from './suggestions.ts';
import { findTeam } from './teams.ts';
import { actingEmployeeId, tenantFor } from './tenancy.ts';
import { UserErrorInterface } from './errors.ts';
import type { UserErrorData } from '../domain/errors.ts';

type SuggestionRow = typeof suggestions.$inferSelect;

/** Key phrases kept per suggestion: title and body together are longer than most feedback. */
export const SUGGESTION_THEMES = 5;

/** Who made a change, for the history: the employee of an employee token, or the API key. */
export function actorOf(ctx: GraphQLContext): { actorEmployeeId: string | null; actorKeyId: string | null } {
  if (ctx.principal.kind === 'employee') return { actorEmployeeId: ctx.principal.employeeId, actorKeyId: null };
  if (ctx.principal.kind === 'secretKey') return { actorEmployeeId: null, actorKeyId: ctx.principal.keyId };
  return { actorEmployeeId: null, actorKeyId: null };
}

/** The suggestion named by `input.suggestionId`, or NOT_FOUND (the same for every caller). */
export async function findSuggestion(tenant: TenantScope, globalId: string, path = ['input', 'suggestionId']): Promise<SuggestionRow> {
  const id = localIdFor('Suggestion', globalId, path);
  const suggestion = await loadSuggestion(tenant, id);
  if (!suggestion) throw notFoundError(path, missingMessage('Suggestion'));
  return suggestion;
}

/**
 * The history row for a change from `from` to `to`, inserted only while the suggestion still has
 * status `from`. It goes into the same batch as the guarded UPDATE, before it: both see the same
 * row, so either both apply or neither does. `onlyIf` adds a condition both must share.
 */
export function guardedHistoryInsert(
  tenant: TenantScope,
  suggestionId: string,
  from: SuggestionStatus,
  to: SuggestionStatus,
  actor: { actorEmployeeId: string | null; actorKeyId: string | null },
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
export function guardedStatusUpdate(
  tenant: TenantScope,
  suggestionId: string,
  from: SuggestionStatus,
  set: Partial<Pick<SuggestionRow, 'status' | 'declineReason'>>,
  at: Date,
  onlyIf?: SQL,
) {
  return tenant.updateWhere(suggestions, { ...set, updatedAt: at }, and(eq(suggestions.id, suggestionId), eq(suggestions.status, from), onlyIf) as SQL).returning();
}

export const raceLost = (from: SuggestionStatus) =>
  conflictError(['input', 'suggestionId'], `The suggestion changed while you were working on it (it is no longer ${statusLabel(from)}). Reload it and try again.`);

// ---- inputs and payloads ---------------------------------------------------------------------

const SuggestionPayload = payloadType('SuggestionPayload', 'suggestion', Suggestion);
const SuggestionCommentPayload = payloadType('SuggestionCommentPayload', 'comment', SuggestionComment);

type SubmitShape = { suggestion: SuggestionRow | null; followCode: string | null; errors: UserErrorData[] };
const SubmitSuggestionPayload = builder.objectRef<SubmitShape>('SubmitSuggestionPayload').implement({
  fields: (t) => ({
    suggestion: t.field({ type: Suggestion, nullable: true, resolve: (payload) => payload.suggestion }),
    followCode: t.string({
      nullable: true,
      description:
        'For an anonymous suggestion only: the private code to follow it and read replies (suggestionByFollowCode). Shown once, never stored readably; keep it.',
      resolve: (payload) => payload.followCode,
    }),
    errors: t.field({ type: [UserErrorInterface], resolve: (payload) => payload.errors }),
  }),
});

const SubmitSuggestionInput = builder.inputType('SubmitSuggestionInput', {
  fields: (t) => ({
    category: t.field({ type: SuggestionCategoryEnum, required: true }),
    title: t.string({ required: true }),
    body: t.string({ required: true }),
    anonymous: t.boolean({
      defaultValue: false,
      description: 'true stores no author at all; you follow it with the returned followCode instead.',
    }),
    teamId: t.id({
      description:
        'The team it concerns. Default: your team for a named suggestion, none for an anonymous one (naming a small team narrows down who wrote it).',
    }),
  }),
});

const SuggestionRefInput = builder.inputType('SuggestionRefInput', {
  fields: (t) => ({ suggestionId: t.id({ required: true }) }),
});

const SuggestionTextInput = builder.inputType('SuggestionTextInput', {
  fields: (t) => ({ suggestionId: t.id({ required: true }), body: t.string({ required: true }) }),
});

const ChangeSuggestionStatusInput = builder.inputType('ChangeSuggestionStatusInput', {
  fields: (t) => ({
    suggestionId: t.id({ required: true }),
    status: t.field({ type: SuggestionStatusEnum, required: true, description: 'The new status (EXPERIMENTING: use startExperiment).' }),
    note: t.string({ description: 'Kept in the history.' }),
    reason: t.string({ description: 'Required for DECLINED; visible to everyone who can read the suggestion, the author included.' }),
  }),
});

async function changeVote(ctx: GraphQLContext, globalId: string, vote: boolean) {
  const tenant = tenantFor(ctx, 'suggestions:participate');
  const employeeId = actingEmployeeId(ctx);
  const suggestion = await findSuggestion(tenant, globalId);
  const updated = await toggleVote(tenant, {
    votes: suggestionVotes,
    votesFor: suggestionVotes.suggestionId,
    things: suggestions,
    thingId: suggestion.id,
    employeeId,
    add: vote,
    vote: { id: newId('svote'), suggestionId: suggestion.id, employeeId },
    // Anonymity: a vote must not move updated_at (it would tell when someone voted).
    touchesThing: false,
  });
  return { suggestion: updated ?? null };
}

async function changeFollow(ctx: GraphQLContext, globalId: string, follow: boolean) {
  const tenant = tenantFor(ctx, 'suggestions:participate');
  const employeeId = actingEmployeeId(ctx);
  const suggestion = await findSuggestion(tenant, globalId);
  if (follow) {
    await tenant.insert(suggestionFollows, { id: newId('sfol'), suggestionId: suggestion.id, employeeId }).onConflictDoNothing();
  } else {
    await tenant.deleteWhere(suggestionFollows, and(eq(suggestionFollows.suggestionId, suggestion.id), eq(suggestionFollows.employeeId, employeeId)) as SQL);
  }
  return { suggestion };
}

async function addComment(ctx: GraphQLContext, input: { suggestionId: string; body: string }, kind: 'comment' | 'reply') {
  const tenant = tenantFor(ctx, kind === 'comment' ? 'suggestions:participate' : 'suggestions:review');
  const { body } = parseInput(v.object({ body: commentBody }), { body: input.body });
  const suggestion = await findSuggestion(tenant, input.suggestionId);
  const [comment] = await tenant
    .insert(suggestionComments, { id: newId('scom'), suggestionId: suggestion.id, kind, authorId: actorOf(ctx).actorEmployeeId, body })
    .returning();
  return { comment: comment ?? null };
}

builder.mutationFields((t) => ({
  submitSuggestion: t.field({
    type: SubmitSuggestionPayload,
    description: 'Submits a suggestion as the employee of this employee token. With anonymous: true no author is stored.',
    args: { input: t.arg({ type: SubmitSuggestionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        'suggestions:participate',
        async () => {
          const tenant = tenantFor(ctx, 'suggestions:participate');
          const employeeId = actingEmployeeId(ctx);
          const values = parseInput(submitSuggestionSchema, { ...input, anonymous: input.anonymous ?? false });
          let teamId: string | null = null;
          if (input.teamId) {
            teamId = localIdFor('Team', input.teamId, ['input', 'teamId']);
            await findTeam(tenant, teamId, ['input', 'teamId']);
          } else if (!values.anonymous) {
            teamId = (await findEmployee(tenant, employeeId, [])).teamId;
          }
          const id = newId('sug');
          const { now } = ctx;
          const followCode = values.anonymous ? newFollowCode() : null;
          const authorId = values.anonymous ? null : employeeId;
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
        },
        { suggestion: null, followCode: null },
      ),
  }),
  voteForSuggestion: t.field({
    type: SuggestionPayload,
    description: 'Adds your vote (one per employee; voting twice changes nothing).',
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(ctx, 'suggestions:participate', () => changeVote(ctx, input.suggestionId, true), { suggestion: null }),
  }),
  retractSuggestionVote: t.field({
    type: SuggestionPayload,
    description: 'Takes your vote back (nothing changes if you had not voted).',
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(ctx, 'suggestions:participate', () => changeVote(ctx, input.suggestionId, false), { suggestion: null }),
  }),
  followSuggestion: t.field({
    type: SuggestionPayload,
    description: 'Follows a suggestion (see filter.followedByMe and viewerFollows).',
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(ctx, 'suggestions:participate', () => changeFollow(ctx, input.suggestionId, true), { suggestion: null }),
  }),
  unfollowSuggestion: t.field({
    type: SuggestionPayload,
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(ctx, 'suggestions:participate', () => changeFollow(ctx, input.suggestionId, false), { suggestion: null }),
  }),
  commentOnSuggestion: t.field({
    type: SuggestionCommentPayload,
    description: 'Comments as the employee of this employee token.',
    args: { input: t.arg({ type: SuggestionTextInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(ctx, 'suggestions:participate', () => addComment(ctx, input, 'comment'), { comment: null }),
  }),
  replyToSuggestion: t.field({
    type: SuggestionCommentPayload,
    description: "A manager's reply: with a manager or admin key, or a manager's or director's own employee token.",
    args: { input: t.arg({ type: SuggestionTextInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(ctx, 'suggestions:review', () => addComment(ctx, input, 'reply'), { comment: null }),
  }),
  changeSuggestionStatus: t.field({
    type: SuggestionPayload,
    description:
      'Moves a suggestion along the workflow. Refused with INVALID_TRANSITION when the workflow does not allow it; DECLINED needs a reason; ADOPTED needs a concluded experiment that did not fail.',
    args: { input: t.arg({ type: ChangeSuggestionStatusInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        'suggestions:review',
        async () => {
          const tenant = tenantFor(ctx, 'suggestions:review');
          const { status: to, note, reason } = parseInput(changeStatusSchema, input);
          if (to === 'declined' && !reason) throw validationError(['input', 'reason'], 'Say why it is declined: the author will read the reason.');
          if (to !== 'declined' && reason) throw validationError(['input', 'reason'], 'A reason is only given when declining; use note instead.');
          if (to === 'experimenting') {
            throw validationError(['input', 'status'], 'Start an experiment with startExperiment: it needs a hypothesis, a success measure, an owner and dates.');
          }
          const suggestion = await findSuggestion(tenant, input.suggestionId);
          const from = suggestion.status;
          if (!canTransition(from, to)) throw invalidTransitionError(['input', 'status'], transitionRefusal(from, to));
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
          const { now } = ctx;
          const [, updated] = await tenant.batch([
            guardedHistoryInsert(tenant, suggestion.id, from, to, actorOf(ctx), note, now),
            guardedStatusUpdate(tenant, suggestion.id, from, { status: to, declineReason: to === 'declined' ? reason : null }, now),
          ]);
          if (!updated[0]) throw raceLost(from);
          return { suggestion: updated[0] };
        },
        { suggestion: null },
      ),
  }),
}));

/**
 * Suggestion mutations: submit, vote, follow, comment (employees, with their own token), reply and
 * move through the workflow (managers and admins).
 *
 * Anonymity: every mutation that takes a suggestion id runs the same steps and gives the same
 * answers whether or not the caller wrote it; none of them compares the caller with an author.
 */
import * as v from 'valibot';
import type { TenantScope } from '../db/tenant-scope.ts';
import { invalidTransitionError, parseInput, validationError } from '../domain/errors.ts';
import { canTransition, changeStatusSchema, commentBody, followCodeReplySchema, submitSuggestionSchema, transitionRefusal } from '../features/suggestions/rules.ts';
import {
  addSuggestionComment,
  changeSuggestionFollow,
  changeSuggestionStatus,
  changeSuggestionVote,
  findSuggestionById,
  replyByFollowCode,
  submitSuggestion,
  type SuggestionActor,
  type SuggestionRow,
} from '../features/suggestions/service.ts';
import type { GraphQLContext } from '../worker/context.ts';
import type { EmployeeContext, TenantContext } from './auth-scopes.ts';
import { builder } from './builder.ts';
import { findEmployee } from './employees.ts';
import { localIdFor } from './global-ids.ts';
import { payloadType, runMutation } from './mutations.ts';
import { Suggestion, SuggestionCategoryEnum, SuggestionComment, SuggestionStatusEnum } from './suggestions.ts';
import { findTeam } from './teams.ts';
import { UserErrorInterface } from './errors.ts';
import type { UserErrorData } from '../domain/errors.ts';

/** Who made a change, for the history: the employee of an employee token, or the API key. */
export function actorOf(ctx: GraphQLContext): SuggestionActor {
  if (ctx.principal.kind === 'employee') return { actorEmployeeId: ctx.principal.employeeId, actorKeyId: null };
  if (ctx.principal.kind === 'secretKey') return { actorEmployeeId: null, actorKeyId: ctx.principal.keyId };
  return { actorEmployeeId: null, actorKeyId: null };
}

/** The suggestion named by `input.suggestionId`, or NOT_FOUND (the same for every caller). */
export async function findSuggestion(tenant: TenantScope, globalId: string, path = ['input', 'suggestionId']): Promise<SuggestionRow> {
  return findSuggestionById(tenant, localIdFor('Suggestion', globalId, path), path);
}

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

const ReplyByFollowCodeInput = builder.inputType('ReplyByFollowCodeInput', {
  fields: (t) => ({
    followCode: t.string({ required: true, description: 'The code submitSuggestion returned for the anonymous suggestion.' }),
    body: t.string({ required: true }),
  }),
});

const ChangeSuggestionStatusInput = builder.inputType('ChangeSuggestionStatusInput', {
  fields: (t) => ({
    suggestionId: t.id({ required: true }),
    status: t.field({ type: SuggestionStatusEnum, required: true, description: 'The new status (EXPERIMENTING: use startExperiment).' }),
    note: t.string({ description: 'Kept in the history.' }),
    reason: t.string({ description: 'Required for DECLINED; visible to everyone who can read the suggestion, the author included.' }),
  }),
});

async function changeVote(ctx: EmployeeContext, globalId: string, vote: boolean) {
  const tenant = ctx.tenant;
  const employeeId = ctx.employeeId;
  const suggestion = await findSuggestion(tenant, globalId);
  return { suggestion: await changeSuggestionVote(tenant, suggestion.id, employeeId, vote) };
}

async function changeFollow(ctx: EmployeeContext, globalId: string, follow: boolean) {
  const tenant = ctx.tenant;
  const employeeId = ctx.employeeId;
  const suggestion = await findSuggestion(tenant, globalId);
  await changeSuggestionFollow(tenant, suggestion.id, employeeId, follow);
  return { suggestion };
}

async function addComment(ctx: TenantContext, input: { suggestionId: string; body: string }, kind: 'comment' | 'reply') {
  const tenant = ctx.tenant;
  const { body } = parseInput(v.object({ body: commentBody }), { body: input.body });
  const suggestion = await findSuggestion(tenant, input.suggestionId);
  return { comment: await addSuggestionComment(tenant, suggestion.id, { kind, authorId: actorOf(ctx).actorEmployeeId, body }) };
}

builder.mutationFields((t) => ({
  submitSuggestion: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: SubmitSuggestionPayload,
    description: 'Submits a suggestion as the employee of this employee token. With anonymous: true no author is stored.',
    args: { input: t.arg({ type: SubmitSuggestionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        async () => {
          const tenant = ctx.tenant;
          const employeeId = ctx.employeeId;
          const values = parseInput(submitSuggestionSchema, { ...input, anonymous: input.anonymous ?? false });
          let teamId: string | null = null;
          if (input.teamId) {
            teamId = localIdFor('Team', input.teamId, ['input', 'teamId']);
            await findTeam(tenant, teamId, ['input', 'teamId']);
          } else if (!values.anonymous) {
            teamId = (await findEmployee(tenant, employeeId, [])).teamId;
          }
          return submitSuggestion(tenant, values, { employeeId, teamId }, ctx.now);
        },
        { suggestion: null, followCode: null },
      ),
  }),
  voteForSuggestion: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: SuggestionPayload,
    description: 'Adds your vote (one per employee; voting twice changes nothing).',
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(() => changeVote(ctx, input.suggestionId, true), { suggestion: null }),
  }),
  retractSuggestionVote: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: SuggestionPayload,
    description: 'Takes your vote back (nothing changes if you had not voted).',
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(() => changeVote(ctx, input.suggestionId, false), { suggestion: null }),
  }),
  followSuggestion: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: SuggestionPayload,
    description: 'Follows a suggestion (see filter.followedByMe and viewerFollows).',
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(() => changeFollow(ctx, input.suggestionId, true), { suggestion: null }),
  }),
  unfollowSuggestion: t.withAuth({ permission: 'suggestions:participate', tenant: true, employee: true }).field({
    type: SuggestionPayload,
    args: { input: t.arg({ type: SuggestionRefInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(() => changeFollow(ctx, input.suggestionId, false), { suggestion: null }),
  }),
  commentOnSuggestion: t.withAuth({ permission: 'suggestions:participate', tenant: true }).field({
    type: SuggestionCommentPayload,
    description: 'Comments as the employee of this employee token.',
    args: { input: t.arg({ type: SuggestionTextInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(() => addComment(ctx, input, 'comment'), { comment: null }),
  }),
  replyToSuggestion: t.withAuth({ permission: 'suggestions:review', tenant: true }).field({
    type: SuggestionCommentPayload,
    description: "A manager's reply: with a manager or admin key, or a manager's or director's own employee token.",
    args: { input: t.arg({ type: SuggestionTextInput, required: true }) },
    resolve: (_root, { input }, ctx) => runMutation(() => addComment(ctx, input, 'reply'), { comment: null }),
  }),
  replyByFollowCode: t.withAuth({ permission: 'suggestions:followCode', tenant: true }).field({
    type: SuggestionCommentPayload,
    description:
      "The anonymous author's reply in the suggestion's thread, authorised by its follow code. Shown to everyone as kind AUTHOR with no author: nothing about the caller is stored. Any admin or manager key or employee token of the organisation may send it (the code decides); at most 5 replies per suggestion in 24 hours, and none once the suggestion has been ADOPTED or DECLINED for 30 days.",
    args: { input: t.arg({ type: ReplyByFollowCodeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(async () => ({ comment: await replyByFollowCode(ctx.tenant, parseInput(followCodeReplySchema, input), ctx.now) }), { comment: null }),
  }),
  changeSuggestionStatus: t.withAuth({ permission: 'suggestions:review', tenant: true }).field({
    type: SuggestionPayload,
    description:
      'Moves a suggestion along the workflow. Refused with INVALID_TRANSITION when the workflow does not allow it; DECLINED needs a reason; ADOPTED needs a concluded experiment that did not fail.',
    args: { input: t.arg({ type: ChangeSuggestionStatusInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        async () => {
          const tenant = ctx.tenant;
          const { status: to, note, reason } = parseInput(changeStatusSchema, input);
          if (to === 'declined' && !reason) throw validationError(['input', 'reason'], 'Say why it is declined: the author will read the reason.');
          if (to !== 'declined' && reason) throw validationError(['input', 'reason'], 'A reason is only given when declining; use note instead.');
          if (to === 'experimenting') {
            throw validationError(['input', 'status'], 'Start an experiment with startExperiment: it needs a hypothesis, a success measure, an owner and dates.');
          }
          const suggestion = await findSuggestion(tenant, input.suggestionId);
          const from = suggestion.status;
          if (!canTransition(from, to)) throw invalidTransitionError(['input', 'status'], transitionRefusal(from, to));
          return { suggestion: await changeSuggestionStatus(tenant, suggestion, { to, note, reason }, actorOf(ctx), ctx.now) };
        },
        { suggestion: null },
      ),
  }),
}));

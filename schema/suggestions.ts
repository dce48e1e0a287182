/**
 * Suggestions: the types, the list with its filters, and the follow-code lookup. Mutations are in
 * schema/suggestion-mutations.ts, friction trends in schema/friction-trends.ts.
 *
 * Anonymity: an anonymous suggestion has no author stored (author_id NULL), so `author` is null for
 * every caller, and no filter, ordering or count here takes an author. Per-viewer fields
 * (`viewerHasVoted`, `viewerFollows`) depend only on what the viewer did, never on authorship.
 */
import type { SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import {
  COMMENT_KINDS,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
  suggestionFollows,
  suggestions,
  suggestionVotes,
  type CommentKind,
  type SuggestionCategory,
  type SuggestionStatus,
} from '../features/suggestions/tables.ts';
import { hashFollowCode, looksLikeFollowCode } from '../features/suggestions/follow-codes.ts';
import { SUGGESTION_LIMITS } from '../features/suggestions/rules.ts';
import { suggestionWhere } from '../features/suggestions/service.ts';
import type { GraphQLContext } from '../worker/context.ts';
import { builder } from './builder.ts';
import { viewerEmployeeId, viewerRowCount } from './auth-scopes.ts';
import { type FilterArgs, tenantConnection } from './connections.ts';
import { tryDecodeId } from './global-ids.ts';

const upperEnum = <T extends string>(name: string, values: readonly T[], description?: string) =>
  builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])) as Record<Uppercase<T>, { value: T }>,
  });

export const SuggestionCategoryEnum = upperEnum<SuggestionCategory>(
  'SuggestionCategory',
  SUGGESTION_CATEGORIES,
  'What a suggestion is about: a question customers ask again and again, a task that could be avoided, a process that takes too long, an idea for better service, a way to save cost, or something else.',
);
export const SuggestionStatusEnum = upperEnum<SuggestionStatus>(
  'SuggestionStatus',
  SUGGESTION_STATUSES,
  'SUBMITTED -> UNDER_REVIEW -> ACCEPTED -> EXPERIMENTING -> ADOPTED, or DECLINED (with a reason) from any open status.',
);
const CommentKindEnum = upperEnum<CommentKind>(
  'SuggestionCommentKind',
  COMMENT_KINDS,
  'COMMENT by an employee, REPLY by a manager, AUTHOR by the anonymous author of the suggestion through its follow code (replyByFollowCode; nobody is recorded).',
);

const ActorKindEnum = builder.enumType('SuggestionActorKind', {
  values: {
    EMPLOYEE: { description: 'An employee, acting with their own employee token (see `actor`).' },
    API_KEY: { description: 'An admin or manager API key of the organisation.' },
    ANONYMOUS: { description: 'The anonymous author submitting: nobody is recorded.' },
  } as const,
});

const SuggestionTheme = builder.objectRef<{ theme: string; label: string }>('SuggestionTheme').implement({
  description: 'A key phrase of a suggestion (domain/themes.ts): `key` groups variants, `label` is the words used.',
  fields: (t) => ({
    key: t.exposeString('theme'),
    label: t.exposeString('label'),
  }),
});

/** The employee an employee token acts as, or an id no row has (keys have voted for nothing). */

export const SuggestionStatusChange = builder.drizzleObject('suggestionHistory', {
  name: 'SuggestionStatusChange',
  description: 'One step of a suggestion\'s history: who, when, from, to, and a note.',
  fields: (t) => ({
    from: t.expose('fromStatus', { type: SuggestionStatusEnum, nullable: true, description: 'Null for the submission.' }),
    to: t.expose('toStatus', { type: SuggestionStatusEnum }),
    note: t.exposeString('note', { nullable: true }),
    at: t.expose('createdAt', { type: 'DateTime' }),
    actorKind: t.field({
      type: ActorKindEnum,
      select: { columns: { actorEmployeeId: true, actorKeyId: true } },
      resolve: (change) => (change.actorEmployeeId ? 'EMPLOYEE' : change.actorKeyId ? 'API_KEY' : 'ANONYMOUS'),
    }),
    actor: t.relation('actor', { nullable: true, description: 'The employee who made the change; null for keys and anonymous submissions.' }),
  }),
});

export const SuggestionComment = builder.drizzleNode('suggestionComments', {
  name: 'SuggestionComment',
  id: { column: (comment) => comment.id },
  fields: (t) => ({
    kind: t.expose('kind', { type: CommentKindEnum }),
    body: t.exposeString('body'),
    author: t.relation('author', {
      nullable: true,
      description: 'Null for a reply made with an API key, and always for AUTHOR replies: the anonymous author is not stored, so it shows as "the author".',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    suggestion: t.relation('suggestion'),
  }),
});

export const Suggestion = builder.drizzleNode('suggestions', {
  name: 'Suggestion',
  id: { column: (suggestion) => suggestion.id },
  fields: (t) => ({
    category: t.expose('category', { type: SuggestionCategoryEnum }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    anonymous: t.exposeBoolean('anonymous'),
    author: t.relation('author', {
      nullable: true,
      description: 'Who suggested it; always null for anonymous suggestions (the author is not stored).',
    }),
    team: t.relation('team', { nullable: true, description: 'The team it concerns, if the author named one.' }),
    status: t.expose('status', { type: SuggestionStatusEnum }),
    declineReason: t.exposeString('declineReason', { nullable: true, description: 'Why it was declined (always given when DECLINED).' }),
    voteCount: t.exposeInt('voteCount'),
    commentCount: t.relatedCount('comments'),
    viewerHasVoted: t.relatedField('votes', {
      type: 'Boolean',
      description: 'Whether the employee of this employee token voted for it (false for keys).',
      select: (buildFilter, _args, ctx) => ({
        extras: {
          viewerVotes: (parent) => viewerRowCount(ctx, suggestionVotes, buildFilter(parent)),
        },
      }),
      resolve: (suggestion) => suggestion.viewerVotes > 0,
    }),
    viewerFollows: t.relatedField('follows', {
      type: 'Boolean',
      description: 'Whether the employee of this employee token follows it (false for keys).',
      select: (buildFilter, _args, ctx) => ({
        extras: {
          viewerFollows: (parent) =>
            viewerRowCount(ctx, suggestionFollows, buildFilter(parent)),
        },
      }),
      resolve: (suggestion) => suggestion.viewerFollows > 0,
    }),
    themes: t.field({
      type: [SuggestionTheme],
      select: { with: { themes: { columns: { theme: true, label: true }, orderBy: { theme: 'asc' } } } },
      resolve: (suggestion) => suggestion.themes,
    }),
    comments: t.relatedConnection('comments', {
      description: 'Comments and manager replies, oldest first.',
      totalCount: true,
      query: { orderBy: { createdAt: 'asc' } },
    }),
    history: t.relation('history', {
      description: 'Every status change, oldest first, starting with the submission.',
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
    }),
    experiment: t.relation('experiment', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const SuggestionOrderEnum = builder.enumType('SuggestionOrder', {
  values: {
    NEWEST: { description: 'Most recently submitted first.' },
    MOST_VOTED: { description: 'Most votes first, then newest.' },
  } as const,
});

export interface SuggestionFilterValues {
  status?: SuggestionStatus[] | null;
  category?: SuggestionCategory[] | null;
  theme?: string | null;
  search?: string | null;
  teamId?: string | null;
  followedByMe?: boolean | null;
}

const SuggestionFilter = builder.inputType('SuggestionFilter', {
  description: 'Filters combine with AND. There is deliberately no filter by author.',
  fields: (t) => ({
    status: t.field({ type: [SuggestionStatusEnum], description: 'Any of these statuses.' }),
    category: t.field({ type: [SuggestionCategoryEnum], description: 'Any of these categories.' }),
    theme: t.string({ description: 'Suggestions with this theme ("waiting times" matches the key "wait time").' }),
    search: t.string({ description: `Case-insensitive text in title or body (at most ${SUGGESTION_LIMITS.search} characters).` }),
    teamId: t.id({ description: 'Suggestions about this team.' }),
    followedByMe: t.boolean({ description: 'With an employee token: only (true) or never (false) suggestions you follow.' }),
  }),
});

/** The filter as one SQL condition over `table` (drizzle's alias inside relational queries). */
export function suggestionFilterSql(table: typeof suggestions, filter: SuggestionFilterValues | null | undefined, ctx: GraphQLContext): SQL | undefined {
  if (!filter) return undefined;
  const search = filter.search?.trim();
  if (search && search.length > SUGGESTION_LIMITS.search) {
    throw new GraphQLError(`filter.search is at most ${SUGGESTION_LIMITS.search} characters.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  // An id that is not a Team matches nothing, like an unknown team.
  const team = filter.teamId ? tryDecodeId(filter.teamId) : undefined;
  return suggestionWhere(table, {
    status: filter.status,
    category: filter.category,
    team: filter.teamId ? { id: team?.typename === 'Team' ? team.id : null } : undefined,
    search,
    theme: filter.theme,
    followedBy: filter.followedByMe === null || filter.followedByMe === undefined ? undefined : { employeeId: viewerEmployeeId(ctx), follows: filter.followedByMe },
  });
}

builder.queryFields((t) => ({
  suggestions: t.withAuth({ permission: 'suggestions:read', tenant: true }).drizzleConnection({
    type: 'suggestions',
    description: 'Suggestions of your organisation, newest or most voted first.',
    args: {
      filter: t.arg({ type: SuggestionFilter }),
      orderBy: t.arg({ type: SuggestionOrderEnum, defaultValue: 'NEWEST' }),
    },
    ...tenantConnection({
      name: 'suggestions', table: suggestions,
      where: (table, args: FilterArgs<typeof suggestionFilterSql> & { orderBy?: string | null }, ctx) => suggestionFilterSql(table, args.filter, ctx),
      orderBy: (args) => (args.orderBy === 'MOST_VOTED' ? { voteCount: 'desc', createdAt: 'desc', id: 'desc' } : { createdAt: 'desc', id: 'desc' }),
    }),
  }),
  suggestionByFollowCode: t.withAuth({ permission: 'suggestions:read', tenant: true }).drizzleField({
    type: 'suggestions',
    nullable: true,
    description:
      'The suggestion a follow code belongs to (the code is returned once, when an anonymous suggestion is submitted). Null for an unknown code.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const tenant = ctx.tenant;
      // Hash every well-formed code, so a malformed one is the only thing answered faster.
      if (!looksLikeFollowCode(args.code)) return null;
      const hash = await hashFollowCode(args.code);
      return (await tenant.db.query.suggestions.findFirst(query({ where: { followCodeHash: hash } }))) ?? null;
    },
  }),
}));

/**
 * Voice: what customers said about an employee, a team or the whole tenant in a period —
 * satisfaction, NPS, praise and complaint counts, and the best praise in customers' own words.
 *
 * Figures are batched per request: a team page listing 50 employees with their voice runs two
 * GROUP BY statements for all of them (features/voice/stats.ts), not two per employee.
 */
import type { ArgBuilder } from '@pothos/core';
import { topPraiseIds, voiceStats, type FeedbackRow, type VoiceLevel, type VoiceStats } from '../features/voice/service.ts';
import { resolveRange, type DateRange } from '../domain/periods.ts';
import type { GraphQLContext } from '../worker/context.ts';
import type { TenantContext } from './auth-scopes.ts';
import { builder, type PothosTypes } from './builder.ts';
import { Employee } from './employees.ts';
import { Feedback } from './feedback.ts';
import { loadPlannedRows } from './planned-rows.ts';
import { requestLoader } from './request-loaders.ts';
import { Team } from './teams.ts';
import { Tenant } from './tenants.ts';

const MAX_QUOTES = 10;

interface VoiceSubject {
  level: VoiceLevel;
  subjectId: string;
  range: DateRange;
}

function statsOf(ctx: TenantContext, subject: VoiceSubject): Promise<VoiceStats> {
  const { level, range } = subject;
  // One loader per (what, level, range): DataLoader batches the subjects of a tick.
  return requestLoader<string, VoiceStats>(ctx, `voice-stats|${level}|${range.from.getTime()}|${range.to.getTime()}`, async (ids) => {
    const rows = await voiceStats(ctx.tenant, level, ids, range);
    const byId = new Map(rows.map((row) => [row.subjectId, row]));
    return ids.map((id) => byId.get(id)!);
  }).load(subject.subjectId);
}

/** Ids of a subject's best praise; the rows are loaded with their selection by loadPlannedRows. */
function praiseIdsOf(ctx: TenantContext, subject: VoiceSubject, first: number): Promise<string[]> {
  const { level, range } = subject;
  return requestLoader<string, string[]>(ctx, `voice-praise|${level}|${range.from.getTime()}|${range.to.getTime()}|${first}`, async (ids) => {
    const rows = await topPraiseIds(ctx.tenant, level, ids, range, first);
    return ids.map((id) => rows.filter((row) => row.subject === id).map((row) => row.id));
  }).load(subject.subjectId);
}

const VoiceLevelEnum = builder.enumType('VoiceLevel', {
  values: { EMPLOYEE: { value: 'employee' }, TEAM: { value: 'team' }, TENANT: { value: 'tenant' } } as const,
});

const Voice = builder.objectRef<VoiceSubject>('Voice').implement({
  description:
    'What customers said in a period. For an employee or team: the survey calls in which a customer named them (or a member), and the feedback about them. For the tenant: every call and all feedback.',
  fields: (t) => {
    // The figures are read from the tenant's calls and feedback: each field declares it.
    const read = t.withAuth({ permission: 'read', tenant: true });
    return {
    level: t.field({ type: VoiceLevelEnum, resolve: (subject) => subject.level }),
    from: t.field({ type: 'DateTime', resolve: (subject) => subject.range.from }),
    to: t.field({ type: 'DateTime', resolve: (subject) => subject.range.to }),
    callCount: read.int({ resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).callCount }),
    averageSatisfaction: read.float({
      nullable: true,
      description: 'Mean overall satisfaction (1-5) of those calls; null without calls.',
      resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).averageSatisfaction,
    }),
    nps: read.float({
      nullable: true,
      description: 'Net promoter score, -100 to 100: % of 9-10 answers minus % of 0-6 answers; null without NPS answers.',
      resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).nps,
    }),
    npsResponses: read.int({ resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).npsResponses }),
    praiseCount: read.int({ resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).praiseCount }),
    complaintCount: read.int({ resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).complaintCount }),
    ideaCount: read.int({ resolve: async (subject, _args, ctx) => (await statsOf(ctx, subject)).ideaCount }),
    topPraise: read.field({
      type: [Feedback],
      description: "The most positive praise from survey calls, in the customer's words; each links to its call.",
      args: { first: t.arg.int({ defaultValue: 3, description: `At most ${MAX_QUOTES}.` }) },
      resolve: async (subject, args, ctx, info) => {
        const ids = await praiseIdsOf(ctx, subject, Math.max(0, Math.min(args.first ?? 3, MAX_QUOTES)));
        return loadPlannedRows<FeedbackRow>(ctx, 'feedback', t.drizzleQueryFromInfo('feedback', { context: ctx, info }), ids);
      },
    }),
  };
  },
});

/** `from`/`to` arguments of a period; used by voice fields and complaint trends. */
export const rangeArgs = (arg: ArgBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>>) => ({
  from: arg({ type: 'DateTime', description: 'Start of the period. Default: 90 days before `to`.' }),
  to: arg({ type: 'DateTime', description: 'End of the period (exclusive). Default: now.' }),
});

const voiceField = (level: VoiceLevel) => (subjectId: string, args: { from?: Date | null; to?: Date | null }, ctx: GraphQLContext): VoiceSubject => ({
  level,
  subjectId,
  range: resolveRange(args, ctx.now, [level, 'voice']),
});

builder.drizzleObjectField(Employee, 'voice', (t) =>
  t.authField({ authScopes: { permission: 'read', tenant: true }, type: Voice, args: rangeArgs(t.arg), select: { columns: { id: true } }, resolve: (employee, args, ctx) => voiceField('employee')(employee.id, args, ctx) }),
);
builder.drizzleObjectField(Team, 'voice', (t) =>
  t.authField({ authScopes: { permission: 'read', tenant: true }, type: Voice, args: rangeArgs(t.arg), select: { columns: { id: true } }, resolve: (team, args, ctx) => voiceField('team')(team.id, args, ctx) }),
);
builder.drizzleObjectField(Tenant, 'voice', (t) =>
  t.authField({ authScopes: { permission: 'read', tenant: true }, type: Voice, args: rangeArgs(t.arg), select: { columns: { id: true } }, resolve: (tenant, args, ctx) => voiceField('tenant')(tenant.id, args, ctx) }),
);

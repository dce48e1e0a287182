/**
 * Friction trends: which categories and recurring themes of suggestions grow, per period, so
 * managers see where time is lost. Counts only, never authors.
 */
import { PERIOD_KINDS, periodContaining, type PeriodKind } from '../domain/periods.ts';
import { builder } from './builder.ts';
import { tryDecodeId } from './global-ids.ts';
import { suggestionCategoryTrends, suggestionThemeTrends, type TrendRow } from '../features/suggestions/service.ts';

export const PeriodKindEnum = builder.enumType('TrendPeriod', {
  values: Object.fromEntries(PERIOD_KINDS.map((kind) => [kind.toUpperCase(), { value: kind }])) as Record<Uppercase<PeriodKind>, { value: PeriodKind }>,
});

export const TrendEntry = builder.objectRef<TrendRow>('TrendEntry').implement({
  description: 'How often something came up in a period, and the change against the period before.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'A theme key (stemmed words) or a category value.' }),
    label: t.exposeString('label', { description: 'The words people used.' }),
    count: t.exposeInt('count'),
    previousCount: t.exposeInt('previousCount'),
    change: t.exposeInt('change', { description: 'count - previousCount.' }),
    changeRatio: t.exposeFloat('changeRatio', { nullable: true, description: 'change / previousCount; null when previousCount is 0.' }),
  }),
});

interface FrictionShape {
  start: Date;
  end: Date;
  previousStart: Date;
  categories: TrendRow[];
  themes: TrendRow[];
}

const FrictionTrends = builder.objectRef<FrictionShape>('FrictionTrends').implement({
  fields: (t) => ({
    periodStart: t.expose('start', { type: 'DateTime' }),
    periodEnd: t.expose('end', { type: 'DateTime', description: 'Exclusive.' }),
    previousPeriodStart: t.expose('previousStart', { type: 'DateTime' }),
    categories: t.expose('categories', { type: [TrendEntry], description: 'Suggestion categories, most frequent first (key is the SuggestionCategory value).' }),
    themes: t.expose('themes', { type: [TrendEntry], description: 'Recurring themes of suggestions, most frequent first.' }),
  }),
});

builder.queryFields((t) => ({
  frictionTrends: t.withAuth({ permission: 'read', tenant: true }).field({
    type: FrictionTrends,
    description: 'Top suggestion categories and themes in the calendar period containing `at` (default now, UTC), with the previous period\'s counts.',
    args: {
      period: t.arg({ type: PeriodKindEnum, required: true }),
      at: t.arg({ type: 'DateTime' }),
      teamId: t.arg.id({ description: 'Only suggestions about this team.' }),
      maxThemes: t.arg.int({ defaultValue: 10, description: 'At most 50.' }),
    },
    resolve: async (_root, args, ctx) => {
      const tenant = ctx.tenant;
      const period = periodContaining(args.period, args.at ?? ctx.now);
      const decoded = args.teamId ? tryDecodeId(args.teamId) : undefined;
      // An id that is not a team of this tenant simply matches nothing, like an unknown team.
      const teamId = args.teamId ? (decoded?.typename === 'Team' ? decoded.id : 'team_none') : null;
      const max = Math.min(Math.max(args.maxThemes ?? 10, 1), 50);
      const [categories, themes] = await Promise.all([
        suggestionCategoryTrends(tenant, period, teamId),
        suggestionThemeTrends(tenant, period, teamId, max),
      ]);
      // Categories: key is the enum value (REPEATED_QUESTION), label the words ("Repeated question").
      const named = categories.map((row) => ({ ...row, key: row.key.toUpperCase(), label: categoryLabel(row.key) }));
      return { ...period, categories: named, themes };
    },
  }),
}));

const categoryLabel = (category: string) => {
  const words = category.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

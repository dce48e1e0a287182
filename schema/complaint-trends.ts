/**
 * Complaint trends: per theme and week or month, how many complaints, how many the period before,
 * the change, and example records. Counted in SQL (features/voice/trends.ts); three statements
 * (counts, example ids, example rows with what is selected of them) whatever the data size.
 */
import { nextBucket, resolveRange } from '../domain/periods.ts';
import { complaintTrends, type ComplaintTrend, type FeedbackRow } from '../features/voice/service.ts';
import { builder } from './builder.ts';
import { Feedback } from './feedback.ts';
import { loadPlannedRows } from './planned-rows.ts';
import { GranularityEnum } from './voice-enums.ts';
import { rangeArgs } from './voice.ts';

const MAX_THEMES = 50;
const MAX_EXAMPLES = 10;

const ComplaintTrendType = builder.objectRef<ComplaintTrend>('ComplaintTrend').implement({
  fields: (t) => ({
    theme: t.exposeString('label', { description: 'The theme\'s current label, e.g. "Waiting time".' }),
    themeKey: t.exposeString('theme', { description: 'The theme\'s key in the taxonomy (`waiting-time`), what trends group by; FeedbackFilter.theme takes it.' }),
    periodStart: t.field({ type: 'Date', resolve: (trend) => trend.bucket }),
    periodEnd: t.field({ type: 'Date', description: 'Exclusive.', resolve: (trend) => nextBucket(trend.bucket, trend.granularity) }),
    count: t.exposeInt('count'),
    previousCount: t.exposeInt('previousCount', { description: 'Complaints with this theme in the period before.' }),
    change: t.exposeInt('change', { description: 'count - previousCount.' }),
    changeRatio: t.exposeFloat('changeRatio', { nullable: true, description: 'Relative change (0.5 = +50%); null when previousCount is 0.' }),
    examples: t.field({
      type: [Feedback],
      description: 'The newest complaints with this theme in the period.',
      resolve: (trend, _args, ctx, info) =>
        loadPlannedRows<FeedbackRow>(ctx, 'feedback', t.drizzleQueryFromInfo('feedback', { context: ctx, info }), trend.exampleIds),
    }),
  }),
});

builder.queryField('complaintTrends', (t) =>
  t.withAuth({ permission: 'read', tenant: true }).field({
    type: [ComplaintTrendType],
    description: 'Complaint themes per week or month in a period, newest period first and busiest theme first, with the change from the period before.',
    args: {
      ...rangeArgs(t.arg),
      granularity: t.arg({ type: GranularityEnum, defaultValue: 'week' }),
      themesPerPeriod: t.arg.int({ defaultValue: 10, description: `At most ${MAX_THEMES}.` }),
      examplesPerTrend: t.arg.int({ defaultValue: 3, description: `At most ${MAX_EXAMPLES}.` }),
    },
    resolve: async (_root, args, ctx) => {
      const tenant = ctx.tenant;
      const granularity = args.granularity ?? 'week';
      const range = resolveRange(args, ctx.now, ['complaintTrends']);
      const perBucket = Math.max(1, Math.min(args.themesPerPeriod ?? 10, MAX_THEMES));
      const perTrend = Math.max(0, Math.min(args.examplesPerTrend ?? 3, MAX_EXAMPLES));
      return complaintTrends(tenant, range, granularity, perBucket, perTrend);
    },
  }),
);

/**
 * Complaint trends: per theme and week or month, how many complaints, how many the period before,
 * the change, and example records. Counted in SQL (stats.ts): two statements (counts, example
 * ids) whatever the data size; the API loads the example rows with what it selects of them.
 */
import { bucketsIn, previousBucket, type DateRange, type Granularity } from '../../domain/periods.ts';
import { trendsWithChange, type Trend } from '../../domain/trends.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import { complaintExamples, complaintThemeCounts } from './stats.ts';

export interface ComplaintTrend extends Trend {
  granularity: Granularity;
  /** The newest complaints with this theme in the bucket. */
  exampleIds: string[];
}

/**
 * Trends in `range`, newest bucket first and busiest theme first, at most `themesPerBucket` per
 * bucket and `examplesPerTrend` example ids each (both already bounded by the caller).
 */
export async function complaintTrends(
  tenant: TenantScope,
  range: DateRange,
  granularity: Granularity,
  themesPerBucket: number,
  examplesPerTrend: number,
): Promise<ComplaintTrend[]> {
  const buckets = bucketsIn(range, granularity);
  // Count from the bucket before the first, so the first bucket has a previous count too.
  const countFrom = new Date(`${previousBucket(buckets[0]!, granularity)}T00:00:00Z`);
  const counts = await complaintThemeCounts(tenant, { from: countFrom, to: range.to }, granularity);
  const taken = new Map<string, number>();
  const trends = trendsWithChange(counts, buckets, granularity).filter((trend) => {
    const n = taken.get(trend.bucket) ?? 0;
    taken.set(trend.bucket, n + 1);
    return n < themesPerBucket;
  });
  const examples = await complaintExamples(tenant, trends, { from: countFrom, to: range.to }, granularity, examplesPerTrend);
  return trends.map((trend) => ({ ...trend, granularity, exampleIds: examples.get(`${trend.theme}|${trend.bucket}`) ?? [] }));
}

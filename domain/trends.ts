/** Trends: counts per key and period, with the previous period's count and the change. */
import type { Granularity } from './periods.ts';
import { previousBucket } from './periods.ts';

export interface ThemeBucketCount {
  theme: string;
  label: string;
  bucket: string;
  count: number;
}

export interface Trend extends ThemeBucketCount {
  previousCount: number;
  /** count - previousCount */
  change: number;
  /** Relative change, e.g. 0.5 for +50%; null when the previous count was 0. */
  changeRatio: number | null;
}

/**
 * Adds each (theme, bucket)'s previous-bucket count. `counts` may include the bucket before the
 * first requested one (so the first bucket has a real previous count); only `buckets` are returned,
 * busiest first within each bucket, newest bucket first.
 */
export function trendsWithChange(counts: ThemeBucketCount[], buckets: string[], granularity: Granularity): Trend[] {
  const byKey = new Map(counts.map((row) => [`${row.theme}\u0000${row.bucket}`, row.count]));
  const wanted = new Set(buckets);
  return counts
    .filter((row) => wanted.has(row.bucket))
    .map((row) => {
      const previousCount = byKey.get(`${row.theme}\u0000${previousBucket(row.bucket, granularity)}`) ?? 0;
      return { ...row, previousCount, ...trendChange({ count: row.count, previousCount }) };
    })
    .sort((a, b) => b.bucket.localeCompare(a.bucket) || b.count - a.count || a.theme.localeCompare(b.theme));
}

export interface TrendCount {
  count: number;
  previousCount: number;
}

/** Change against the previous period: absolute, and relative to 3 decimals (null when there was nothing before). */
export function trendChange({ count, previousCount }: TrendCount): { change: number; changeRatio: number | null } {
  return {
    change: count - previousCount,
    changeRatio: previousCount === 0 ? null : Math.round(((count - previousCount) / previousCount) * 1000) / 1000,
  };
}

/** Most frequent first, then biggest rise, then by key, at most `max`, dropping rows absent from the current period. */
export function rankTrends<T extends TrendCount & { key: string }>(rows: T[], max: number): T[] {
  return rows
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || b.count - b.previousCount - (a.count - a.previousCount) || a.key.localeCompare(b.key))
    .slice(0, max);
}

/** Complaint trends: counts per theme and bucket, with the previous bucket's count and the change. */
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
      return {
        ...row,
        previousCount,
        change: row.count - previousCount,
        changeRatio: previousCount === 0 ? null : Math.round(((row.count - previousCount) / previousCount) * 1000) / 1000,
      };
    })
    .sort((a, b) => b.bucket.localeCompare(a.bucket) || b.count - a.count || a.theme.localeCompare(b.theme));
}

/**
 * Re-classifying stored feedback after the tenant's taxonomy changed, a bounded page at a time
 * (the themes feature's re-theme job drives it), and the counts of candidate phrases that emerging
 * themes are made of. Every page is read in one statement and written with a fixed number of
 * statements (lists travel as one JSON parameter), whatever its size.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { jsonList } from '../../db/batching.ts';
import type { TenantScope } from '../../db/tenant-scope.ts';
import type { DateRange } from '../../domain/periods.ts';
import { themeRowsOf } from './rules/records.ts';
import type { TextAnalyser } from './rules/text-analysis.ts';
import { feedback, feedbackPhrases, feedbackThemes, type FeedbackKind } from './tables.ts';

/** How many feedback records the tenant has (a re-theme run's total). */
export function feedbackCount(tenant: TenantScope): Promise<number> {
  return tenant.count(feedback);
}

export interface RethemePage {
  /** Records in this page (fewer than the limit: this was the last page). */
  count: number;
  /** The last id of the page, the next page's `afterId` (null when the page was empty). */
  lastId: string | null;
  /** The page's writes, to run in one batch (with the caller's progress update). */
  writes: BatchItem<'sqlite'>[];
}

const json = (value: unknown): SQL => sql`${JSON.stringify(value)}`;

/**
 * Re-classifies up to `limit` records with ids after `afterId` (keyset, by id): their `themes`
 * and `primary_theme_id`, their feedback_themes rows and their candidate phrases. Reads one
 * statement; the writes are five statements, whatever the page size.
 */
export async function rethemeFeedbackPage(tenant: TenantScope, analyser: TextAnalyser, afterId: string | null, limit: number): Promise<RethemePage> {
  const rows = await tenant.rows<{ id: string; kind: FeedbackKind; body: string; received_at: number; employee_name: string | null }>(sql`
    SELECT f.id, f.kind, f.body, f.received_at, e.name AS employee_name
    FROM feedback f LEFT JOIN employees e ON e.tenant_id = f.tenant_id AND e.id = f.employee_id
    WHERE f.tenant_id = ${tenant.tenantId} AND f.id > ${afterId ?? ''}
    ORDER BY f.id LIMIT ${limit}`);
  if (rows.length === 0) return { count: 0, lastId: null, writes: [] };
  const classified = rows.map((row) =>
    themeRowsOf(
      { tenantId: tenant.tenantId, id: row.id, kind: row.kind, body: row.body, receivedAt: new Date(row.received_at) },
      analyser.themesOf(row.body),
      analyser,
      row.employee_name ? [row.employee_name] : [],
    ),
  );
  const ids = rows.map((row) => row.id);
  const columns = rows.map((row, i) => ({ id: row.id, themes: classified[i]!.columns.themes, primary: classified[i]!.columns.primaryThemeId }));
  const themeRows = classified.flatMap((c) => c.themes.map((t) => ({ f: t.feedbackId, k: t.theme, l: t.label, r: t.rank, kind: t.kind, at: t.receivedAt.getTime() })));
  const phraseRows = classified.flatMap((c) => c.phrases.map((p) => ({ f: p.feedbackId, p: p.phrase, w: p.words, at: p.receivedAt.getTime() })));
  const column = (name: string) => sql`(SELECT j.value ->> ${name} FROM json_each(${JSON.stringify(columns)}) j WHERE j.value ->> 'id' = ${feedback.id})`;
  const inPage = sql`feedback_id IN ${jsonList(ids)}`;
  const writes: BatchItem<'sqlite'>[] = [
    tenant.updateWhere(
      feedback,
      { themes: sql`json(${column('themes')})`, primaryThemeId: column('primary') },
      sql`${feedback.id} IN ${jsonList(ids)}`,
    ),
    tenant.deleteWhere(feedbackThemes, inPage),
    tenant.deleteWhere(feedbackPhrases, inPage),
  ];
  if (themeRows.length > 0) {
    writes.push(tenant.insertSelect(feedbackThemes, {
      feedbackId: sql`value ->> 'f'`, theme: sql`value ->> 'k'`, label: sql`value ->> 'l'`, rank: sql`value ->> 'r'`,
      kind: sql`value ->> 'kind'`, receivedAt: sql`value ->> 'at'`,
    }, sql`FROM json_each(${json(themeRows)})`));
  }
  if (phraseRows.length > 0) {
    writes.push(tenant.insertSelect(feedbackPhrases, {
      feedbackId: sql`value ->> 'f'`, phrase: sql`value ->> 'p'`, words: sql`value ->> 'w'`, receivedAt: sql`value ->> 'at'`,
    }, sql`FROM json_each(${json(phraseRows)})`));
  }
  return { count: rows.length, lastId: rows[rows.length - 1]!.id, writes };
}

export interface PhraseCount {
  phrase: string;
  /** The words one customer used. */
  words: string;
  /** Records that said it (one row per record and phrase). */
  count: number;
  lastSeenAt: Date;
}

/**
 * Candidate phrases of unthemed feedback in `range`, said in at least `minCount` records, most
 * frequent first. One GROUP BY.
 */
export async function candidatePhraseCounts(tenant: TenantScope, range: DateRange, minCount: number, limit: number): Promise<PhraseCount[]> {
  const rows = await tenant.rows<{ phrase: string; words: string; count: number; last_seen: number }>(sql`
    SELECT phrase, min(words) AS words, count(*) AS count, max(received_at) AS last_seen
    FROM feedback_phrases
    WHERE tenant_id = ${tenant.tenantId} AND received_at >= ${range.from.getTime()} AND received_at < ${range.to.getTime()}
    GROUP BY phrase HAVING count(*) >= ${minCount}
    ORDER BY count DESC, length(phrase) - length(replace(phrase, ' ', '')) DESC, phrase
    LIMIT ${limit}`);
  return rows.map((row) => ({ phrase: row.phrase, words: row.words, count: Number(row.count), lastSeenAt: new Date(Number(row.last_seen)) }));
}

/**
 * D1 binds at most 100 parameters per statement, so multi-row inserts are split into chunks that
 * fit. The chunks are statements to run together in one `db.batch` (all or nothing).
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from './client.ts';

export const D1_MAX_BOUND_PARAMETERS = 100;

/**
 * `(SELECT value FROM json_each(?))`: a list of any length as ONE bound parameter, for
 * `column IN ${jsonList(ids)}`. An `inArray` would bind one parameter per value.
 */
export function jsonList(values: readonly unknown[]): SQL {
  return sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/** How many rows of `table` fit in one INSERT (every column may become a parameter). */
export function rowsPerInsert(table: SQLiteTable): number {
  return Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / Object.keys(getTableColumns(table)).length));
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * INSERT statements for `rows`, each within D1's parameter limit. `ignoreExisting` skips rows whose
 * key exists already (seeds that run on every start).
 */
export function chunkedInserts<T extends SQLiteTable>(
  db: Database,
  table: T,
  rows: SQLiteInsertValue<T>[],
  options: { ignoreExisting?: boolean } = {},
): BatchItem<'sqlite'>[] {
  return chunk(rows, rowsPerInsert(table)).map((part) =>
    options.ignoreExisting ? db.insert(table).values(part).onConflictDoNothing() : db.insert(table).values(part),
  );
}

/** What can run a batch: the raw client (seeds, platform) or a TenantScope. */
export interface Batcher {
  batch(statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]): Promise<unknown>;
}

/** Runs statements in one atomic batch (no-op for none). */
export async function runBatch(db: Batcher, statements: BatchItem<'sqlite'>[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/**
 * Runs many statements in batches of `size` (for seeds: each batch is atomic, the whole run is
 * not, which is fine for idempotent inserts).
 */
export async function runInBatches(db: Database, statements: BatchItem<'sqlite'>[], size = 400): Promise<void> {
  for (const part of chunk(statements, size)) await runBatch(db, part);
}

/**
 * Loading rows by id for fields that are not relations (trend examples, top praise): all ids
 * requested in a tick are loaded in ONE statement, with the nested selection planned from the
 * GraphQL query (so `examples { employee { name } }` joins employees in the same statement).
 *
 * Why not return bare rows: the drizzle plugin would re-load rows it did not plan, with one bound
 * parameter per row, which D1 refuses past 100 rows. Ids travel here as one JSON parameter.
 */
import { sql } from 'drizzle-orm';
import { jsonList } from '../db/batching.ts';
import type { GraphQLContext } from '../worker/context.ts';
import { requestLoader } from './request-loaders.ts';

type PlannedTable = 'feedback' | 'teams';
type Row = Record<string, unknown> & { id: string };
interface FindMany {
  findMany(config: Record<string, unknown>): Promise<Row[]>;
}

/**
 * Loads rows of `table` by id with `query` (from `t.drizzleQueryFromInfo`). Rows of the same
 * table and selection requested in the same tick share one statement.
 */
export async function loadPlannedRows<T>(ctx: GraphQLContext, table: PlannedTable, query: object, ids: readonly string[]): Promise<T[]> {
  const loader = requestLoader<string, Row | undefined>(ctx, `planned-rows|${table}|${JSON.stringify(query)}`, async (batch) => {
    const api = ctx.db.query[table] as unknown as FindMany;
    const rows = await api.findMany({ ...query, where: { RAW: (t: { id: unknown }) => sql`${t.id} IN ${jsonList(batch)}` } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return batch.map((id) => byId.get(id));
  });
  const rows = await loader.loadMany(ids);
  return rows.filter((row): row is Row => row !== undefined && !(row instanceof Error)) as T[];
}

/**
 * Loading rows by id for fields that are not relations (trend examples, top praise): all ids
 * requested in a tick are loaded in ONE statement, with the nested selection planned from the
 * GraphQL query (so `examples { employee { name } }` joins employees in the same statement).
 *
 * Why not return bare rows: the drizzle plugin would re-load rows it did not plan, with one bound
 * parameter per row, which D1 refuses past 100 rows. Ids travel here as one JSON parameter.
 */
import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import { jsonList } from '../db/batching.ts';
import type { GraphQLContext } from '../worker/context.ts';

type PlannedTable = 'feedback';
type Row = Record<string, unknown> & { id: string };
interface FindMany {
  findMany(config: Record<string, unknown>): Promise<Row[]>;
}

const loaders = new WeakMap<GraphQLContext, Map<string, DataLoader<string, Row | undefined>>>();

/**
 * Loads rows of `table` by id with `query` (from `t.drizzleQueryFromInfo`). Rows of the same
 * table and selection requested in the same tick share one statement.
 */
export async function loadPlannedRows<T>(ctx: GraphQLContext, table: PlannedTable, query: object, ids: readonly string[]): Promise<T[]> {
  let perRequest = loaders.get(ctx);
  if (!perRequest) loaders.set(ctx, (perRequest = new Map()));
  const key = `${table}|${JSON.stringify(query)}`;
  let loader = perRequest.get(key);
  if (!loader) {
    const api = ctx.db.query[table] as unknown as FindMany;
    loader = new DataLoader(async (batch: readonly string[]) => {
      const rows = await api.findMany({
        ...query,
        where: { RAW: (t: { id: unknown }) => sql`${t.id} IN ${jsonList(batch)}` },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return batch.map((id) => byId.get(id));
    });
    perRequest.set(key, loader);
  }
  const rows = await loader.loadMany(ids);
  return rows.filter((row): row is Row => row !== undefined && !(row instanceof Error)) as T[];
}

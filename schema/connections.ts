/**
 * One helper for the root connections over a tenant's rows (`employees`, `feedback`, `rewards`, ...):
 * the page and its `totalCount` read the same filter, both through the caller's TenantScope, so the
 * count can never disagree with the pages. Spread it into a field that declares its permission and
 * the tenant: `t.withAuth({ permission: 'read', tenant: true }).drizzleConnection({ type,
 * description, args, ...tenantConnection(...) })`; the narrowed context gives it `ctx.tenant`.
 *
 * The page is one statement: Pothos plans the nested selection into `query(...)`; the filter goes
 * in as a RAW condition (on Pothos' aliased table), next to the tenant filter TenantScope adds.
 */
import { type InferSelectModel, sql, type SQL } from 'drizzle-orm';
import type { Relations } from '../db/relations.ts';
import type { TenantOwnedTable } from '../db/tenant-scope.ts';
import type { GraphQLContext } from '../worker/context.ts';
import type { TenantContext } from './auth-scopes.ts';

type OrderBy = Record<string, 'asc' | 'desc' | undefined>;

/** The arguments of a connection whose filter `filterSql(table, args.filter)` turns into SQL. */
export type FilterArgs<F extends (table: never, filter: never, ...rest: never[]) => unknown> = { filter?: Parameters<F>[1] };

/** A filter argument's SQL over `table` (an alias inside relational queries); undefined: no condition. */
type FilterSql<T, F> = (table: T, filter: F | null | undefined, ctx: GraphQLContext) => SQL | undefined;

/** The tenant-owned table behind relational query `K` (a compile error when `table` is not it). */
type TableOf<K extends keyof Relations> = Relations[K]['table'] & TenantOwnedTable;

interface TenantConnection<T extends TenantOwnedTable, Args extends object> {
  /** The relational query (db.query.<name>) that serves the pages; its table must be `table`. */
  name: { [K in keyof Relations & string]: T extends TableOf<K> ? K : never }[keyof Relations & string];
  /** Its table, which `totalCount` counts. */
  table: T;
  /** The filter from the field's arguments (undefined: every row of the tenant). */
  where?: (table: T, args: Args, ctx: GraphQLContext) => SQL | undefined;
  /** A stable order (ending in a unique column, so pages neither skip nor repeat rows). */
  orderBy: OrderBy | ((args: Args) => OrderBy);
}

/** The selection this helper hands to Pothos' `query(...)`. */
interface PageSelection<T> {
  where: { RAW: (table: T) => SQL };
  orderBy: OrderBy;
}

interface FindMany<Row> {
  findMany(config: object): Promise<Row[]>;
}

export function tenantConnection<T extends TenantOwnedTable, Args extends object = object>(spec: TenantConnection<T, Args>) {
  const filter = (table: T, args: Args, ctx: GraphQLContext) => spec.where?.(table, args, ctx);
  return {
    totalCount: (_parent: unknown, args: Args, ctx: TenantContext) => ctx.tenant.count(spec.table, filter(spec.table, args, ctx)),
    resolve: <Q extends object>(query: (selection: PageSelection<T>) => Q, _parent: unknown, args: Args, ctx: TenantContext) => {
      const rows = ctx.tenant.db.query[spec.name] as unknown as FindMany<InferSelectModel<T>>;
      return rows.findMany(
        query({
          where: { RAW: (table) => filter(table, args, ctx) ?? sql`1 = 1` },
          orderBy: typeof spec.orderBy === 'function' ? spec.orderBy(args) : spec.orderBy,
        }),
      );
    },
  };
}

/**
 * `tenantConnection` for the usual shape: a `filter` argument that `filter(table, args.filter, ctx)`
 * turns into SQL.
 */
export function filteredConnection<T extends TenantOwnedTable, F>(spec: Omit<TenantConnection<T, FilterArgs<FilterSql<T, F>>>, 'where'> & { filter: FilterSql<T, F> }) {
  const { filter, ...rest } = spec;
  return tenantConnection<T, { filter?: F | null }>({ ...rest, where: (table, args, ctx) => filter(table, args.filter, ctx) });
}

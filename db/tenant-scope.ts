/**
 * The tenancy guard: the one place where the tenant filter is applied.
 *
 * - Reads: `scopedDatabase(db, tenantId)` returns a client whose relational queries
 *   (`db.query.<table>.findMany/findFirst`, which Pothos uses for root fields, nodes and fallback
 *   loads) always carry `tenant_id = ?`. Nested relations join on the id alone (db/relations.ts);
 *   that cannot reach another tenant because every reference between tenant-owned tables is a
 *   composite foreign key (tenant_id, x_id) -> (tenant_id, id). Keep those foreign keys.
 * - Writes and aggregates: `TenantScope` inserts rows with the tenant id set, and narrows updates,
 *   deletes and counts to the tenant.
 *
 * Every table must say here how it is scoped (a compile error otherwise), so a new table cannot be
 * forgotten.
 */
import { and, eq, getColumns, type InferInsertModel, type InferSelectModel, is, SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SelectedFields, SQLiteColumn, SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { chunk, rowsPerInsert } from './batching.ts';
import type { Database } from './client.ts';
import type { Relations } from './relations.ts';

type TableName = keyof Relations & string;

/** The property that holds the owning tenant's id, per table. */
const TENANT_KEY = {
  tenants: 'id',
  apiKeys: 'tenantId',
  teams: 'tenantId',
  employees: 'tenantId',
  surveyTemplates: 'tenantId',
  surveyQuestions: 'tenantId',
  surveyCalls: 'tenantId',
  surveyAnswers: 'tenantId',
  feedback: 'tenantId',
  feedbackThemes: 'tenantId',
  suggestions: 'tenantId',
  suggestionVotes: 'tenantId',
  suggestionFollows: 'tenantId',
  suggestionComments: 'tenantId',
  suggestionHistory: 'tenantId',
  suggestionThemes: 'tenantId',
  experiments: 'tenantId',
  meetings: 'tenantId',
  agendaItems: 'tenantId',
  agendaVotes: 'tenantId',
  recognitionPolicies: 'tenantId',
  recognitions: 'tenantId',
  recognitionRecipients: 'tenantId',
  incentivePrograms: 'tenantId',
  rewards: 'tenantId',
  rewardVotes: 'tenantId',
  redemptions: 'tenantId',
  pointsEntries: 'tenantId',
  empowermentBudgets: 'tenantId',
  budgetSpends: 'tenantId',
  budgetSpendOutcomes: 'tenantId',
  budgetSpendReviews: 'tenantId',
  complaintEvents: 'tenantId',
  complaintCustomerReveals: 'tenantId',
  publishableKeys: 'tenantId',
  widgetTaps: 'tenantId',
  summarySettings: 'tenantId',
  summaries: 'tenantId',
  emailOutbox: 'tenantId',
  themes: 'tenantId',
  themeRuns: 'tenantId',
  feedbackPhrases: 'tenantId',
} as const satisfies Record<TableName, string>;

type QueryConfig = { where?: Record<string, unknown> } & Record<string, unknown>;
interface RelationalApi {
  findMany(config?: QueryConfig): unknown;
  findFirst(config?: QueryConfig): unknown;
}

/** Tables the platform operator manages; everything else is a tenant's business data. */
const PLATFORM_TABLES: readonly TableName[] = ['tenants', 'apiKeys'];

/** The relational read API (`db.query.<table>.findMany/findFirst`): what the tenant filter covers. */
export type ScopedReader = Pick<Database, 'query'>;

/**
 * A client whose relational queries only see `tenantId`'s rows. The tenant key is written last, so
 * a caller's `where` can add conditions but never widen or replace it. Its other methods (select,
 * insert, $count, ...) are the raw client's: this is what Pothos reads through (it needs select and
 * $count for relation filters and counts), never what services write through (see `TenantScope`).
 */
export function scopedDatabase(db: Database, tenantId: string): Database {
  return withScopedQueries(db, Object.keys(TENANT_KEY) as TableName[], tenantId);
}

/**
 * The platform token's client: tenants and their keys are readable (it provisions them), while
 * every tenant's business data (teams, employees, ...) is scoped to a tenant id no row has.
 */
export function platformDatabase(db: Database): Database {
  const businessTables = (Object.keys(TENANT_KEY) as TableName[]).filter((table) => !PLATFORM_TABLES.includes(table));
  return withScopedQueries(db, businessTables, NO_TENANT);
}

/** A tenant id that no row has. */
const NO_TENANT = '';

function scopedQueries(db: Database, tables: TableName[], tenantId: string): Database['query'] {
  const scopedQuery: Record<string, RelationalApi> = {};
  for (const table of Object.keys(TENANT_KEY) as TableName[]) {
    const api = db.query[table] as unknown as RelationalApi;
    if (!tables.includes(table)) {
      scopedQuery[table] = api;
      continue;
    }
    const key = TENANT_KEY[table];
    const scope = (config: QueryConfig = {}): QueryConfig => ({
      ...config,
      where: { ...config.where, [key]: tenantId },
    });
    const scoped: RelationalApi = {
      findMany: (config) => api.findMany(scope(config)),
      findFirst: (config) => api.findFirst(scope(config)),
    };
    scopedQuery[table] = scoped;
  }
  return scopedQuery as unknown as Database['query'];
}

function withScopedQueries(db: Database, tables: TableName[], tenantId: string): Database {
  const query = scopedQueries(db, tables, tenantId);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') return query;
      return Reflect.get(target, property, target);
    },
  });
}

/**
 * `TenantScope.db`: the tenant-filtered relational reads and nothing else. The type offers only
 * `query`, and the Proxy refuses everything else at run time too (a cast or an `any` cannot reach
 * the raw insert/update/delete/select/batch through it): writes go through TenantScope's methods.
 */
function tenantReader(db: Database, tenantId: string): ScopedReader {
  const query = scopedQueries(db, Object.keys(TENANT_KEY) as TableName[], tenantId);
  return new Proxy({ query } as ScopedReader, {
    get(target, property) {
      if (property === 'query') return target.query;
      // Not a thenable, and nothing for inspection helpers (symbols) to find.
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      throw new Error(`TenantScope.db offers only tenant-filtered relational reads (db.query); use TenantScope's methods instead of db.${property}.`);
    },
  });
}

type SelectValue = SQL | string | number | boolean | null;
/** Columns TenantScope stamps with its `now` when the caller does not give them. */
type StampKey = 'createdAt' | 'updatedAt';
/**
 * Every column but the tenant id, each a plain value or an SQL expression (timestamps in ms);
 * created_at/updated_at default to the scope's `now`.
 */
export type SelectRow<T extends TenantOwnedTable> = { [K in Exclude<keyof InferSelectModel<T>, 'tenantId' | StampKey>]-?: SelectValue } & {
  [K in Extract<keyof InferSelectModel<T>, StampKey>]?: SelectValue;
};
/** An insert's values without the tenant id; created_at/updated_at default to the scope's `now`. */
export type ScopedInsert<T extends TenantOwnedTable> = Omit<InferInsertModel<T>, 'tenantId' | StampKey> & {
  [K in Extract<keyof InferInsertModel<T>, StampKey>]?: InferInsertModel<T>[K];
};

const timesInMs = (stamps: Record<string, Date>) => Object.fromEntries(Object.entries(stamps).map(([key, date]) => [key, date.getTime()]));

function toSql(value: SelectValue): SQL {
  if (is(value, SQL)) return value;
  if (typeof value === 'boolean') return sql`${value ? 1 : 0}`;
  return sql`${value}`;
}

/** A table whose rows belong to a tenant through their `tenant_id` column. */
export type TenantOwnedTable = SQLiteTable & { tenantId: SQLiteColumn };
/** A tenant-owned table whose rows have an `id` (every one but feedback_themes). */
export type TenantTable = TenantOwnedTable & { id: SQLiteColumn };

/**
 * Writes and reads for one tenant. Made once per request for tenant credentials. Everything here
 * applies the tenant: inserts set it, updates, deletes, selects and counts filter by it. The raw
 * client is private, so a write that forgets the tenant does not compile.
 */
export class TenantScope {
  readonly tenantId: string;
  /** Tenant-filtered relational reads (`db.query.<table>.findMany/findFirst`), and only those. */
  readonly db: ScopedReader;
  /** The request clock (ctx.now): the created_at/updated_at this scope writes. */
  readonly now: Date;
  private readonly raw: Database;

  constructor(raw: Database, tenantId: string, now: Date) {
    this.raw = raw;
    this.tenantId = tenantId;
    this.now = now;
    this.db = tenantReader(raw, tenantId);
  }

  /** created_at (on insert) and updated_at, for the tables that have them, at the request's `now`. */
  private stamps(table: TenantOwnedTable, kind: 'insert' | 'update'): Record<string, Date> {
    const columns = getColumns(table) as Record<string, SQLiteColumn>;
    const stamps: Record<string, Date> = {};
    if (kind === 'insert' && 'createdAt' in columns) stamps.createdAt = this.now;
    if ('updatedAt' in columns) stamps.updatedAt = this.now;
    return stamps;
  }

  /** `tenant_id = <this tenant>` for hand-written SQL-builder conditions (joins, subqueries). */
  filter(table: TenantOwnedTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  /**
   * SELECT of this tenant's rows: `select(fields).from(table, ...conditions)` is the query
   * builder's select with its WHERE already set to the tenant filter and `conditions`. Joins,
   * GROUP BY, ORDER BY and LIMIT follow as usual (a joined table needs its own tenant condition in
   * the join); a second `.where()` does not compile, so the filter cannot be replaced.
   */
  select<F extends SelectedFields>(fields: F) {
    return {
      from: <T extends TenantOwnedTable>(table: T, ...conditions: (SQL | undefined)[]) =>
        this.raw.select(fields).from(table).where(this.filter(table, ...conditions)),
    };
  }

  /** INSERT with the tenant id filled in; returns the builder so it can go into a `db.batch`. */
  insert<T extends TenantOwnedTable>(table: T, values: ScopedInsert<T>) {
    return this.raw.insert(table).values({ ...this.stamps(table, 'insert'), ...values, tenantId: this.tenantId } as SQLiteInsertValue<T>);
  }

  /**
   * INSERTs of many rows, the tenant id filled in, split into statements within D1's bound
   * parameter limit (db/batching.ts); run them in one `batch` so they stand or fall together.
   */
  insertMany<T extends TenantOwnedTable>(table: T, rows: ScopedInsert<T>[]): BatchItem<'sqlite'>[] {
    const stamped = rows.map((values) => ({ ...this.stamps(table, 'insert'), ...values, tenantId: this.tenantId }) as SQLiteInsertValue<T>);
    return chunk(stamped, rowsPerInsert(table)).map((part) => this.raw.insert(table).values(part));
  }

  /** UPDATE of one row of this tenant by id; returns the builder. */
  updateById<T extends TenantTable>(table: T, id: string, set: Partial<Omit<InferInsertModel<T>, 'tenantId' | 'id'>>) {
    return this.raw
      .update(table)
      .set({ ...this.stamps(table, 'update'), ...set } as Partial<InferInsertModel<T>>)
      .where(this.filter(table, eq(table.id, id)));
  }

  /**
   * INSERT ... SELECT for writes whose limit must hold in SQL itself: `row` gives every column by
   * name (a value or an SQL expression; the tenant id is filled in), `rest` is the FROM/WHERE that
   * decides whether (or for which rows) anything is written. `rest` must filter by this tenant on
   * every table it reads. Returns the builder so it can go into a `db.batch`.
   */
  insertSelect<T extends TenantOwnedTable>(table: T, row: SelectRow<T>, rest: SQL) {
    // Same columns, same order as drizzle's INSERT column list (every column of the table).
    const given: Record<string, SelectValue> = { ...timesInMs(this.stamps(table, 'insert')), ...(row as Record<string, SelectValue>) };
    const values = Object.keys(getColumns(table) as Record<string, SQLiteColumn>)
      .map((key) => (key === 'tenantId' ? sql`${this.tenantId}` : toSql(given[key] ?? null)));
    return this.raw.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)} ${rest}`);
  }

  /**
   * UPDATE of this tenant's rows of `table` that match `where` (a guarded, conditional update).
   * updated_at becomes the scope's `now` unless `set` gives it (e.g. `sql\`updated_at\`` to keep it).
   */
  updateWhere<T extends TenantTable>(table: T, set: { [K in Exclude<keyof InferInsertModel<T>, 'tenantId' | 'id'>]?: InferInsertModel<T>[K] | SQL }, where: SQL) {
    return this.raw
      .update(table)
      .set({ ...this.stamps(table, 'update'), ...set } as Partial<InferInsertModel<T>>)
      .where(this.filter(table, where));
  }

  /**
   * Rows of a hand-written read (aggregates, window functions): the one entry point for raw SQL
   * reads, so they can be found and audited. The SQL must filter every table it reads by
   * `this.tenantId`.
   */
  rows<T>(query: SQL): Promise<T[]> {
    return this.raw.all<T>(query);
  }

  /** Runs statements (built by this scope) as one D1 batch: they stand or fall together. */
  batch(...args: Parameters<Database['batch']>) {
    return this.raw.batch(...args);
  }

  /** DELETE of this tenant's rows of `table` that match `where` (never used on the points ledger). */
  deleteWhere(table: TenantOwnedTable, where: SQL) {
    return this.raw.delete(table).where(this.filter(table, where));
  }

  /** Number of this tenant's rows in `table` that match `where`. */
  count(table: TenantOwnedTable, where?: SQL): Promise<number> {
    return this.raw.$count(table, this.filter(table, where));
  }
}

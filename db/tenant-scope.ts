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
import type { SQLiteColumn, SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
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
  publishableKeys: 'tenantId',
  widgetTaps: 'tenantId',
  summarySettings: 'tenantId',
  summaries: 'tenantId',
  emailOutbox: 'tenantId',
} as const satisfies Record<TableName, string>;

type QueryConfig = { where?: Record<string, unknown> } & Record<string, unknown>;
interface RelationalApi {
  findMany(config?: QueryConfig): unknown;
  findFirst(config?: QueryConfig): unknown;
}

/** Tables the platform operator manages; everything else is a tenant's business data. */
const PLATFORM_TABLES: readonly TableName[] = ['tenants', 'apiKeys'];

/**
 * A client that can only see `tenantId`'s rows through relational queries. The tenant key is
 * written last, so a caller's `where` can add conditions but never widen or replace it.
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

function withScopedQueries(db: Database, tables: TableName[], tenantId: string): Database {
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
  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') return scopedQuery;
      return Reflect.get(target, property, target);
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
export type SelectRow<T extends TenantTable> = { [K in Exclude<keyof InferSelectModel<T>, 'tenantId' | StampKey>]-?: SelectValue } & {
  [K in Extract<keyof InferSelectModel<T>, StampKey>]?: SelectValue;
};
/** An insert's values without the tenant id; created_at/updated_at default to the scope's `now`. */
export type ScopedInsert<T extends TenantTable> = Omit<InferInsertModel<T>, 'tenantId' | StampKey> & {
  [K in Extract<keyof InferInsertModel<T>, StampKey>]?: InferInsertModel<T>[K];
};

const timesInMs = (stamps: Record<string, Date>) => Object.fromEntries(Object.entries(stamps).map(([key, date]) => [key, date.getTime()]));

function toSql(value: SelectValue): SQL {
  if (is(value, SQL)) return value;
  if (typeof value === 'boolean') return sql`${value ? 1 : 0}`;
  return sql`${value}`;
}

/** A table that belongs to a tenant through its `tenant_id` column. */
export type TenantTable = SQLiteTable & { tenantId: SQLiteColumn; id: SQLiteColumn };

/** Writes and aggregate reads for one tenant. Made once per request for tenant credentials. */
export class TenantScope {
  readonly tenantId: string;
  /** The tenant-scoped client (relational queries filtered by tenant). */
  readonly db: Database;
  /** The request clock (ctx.now): the created_at/updated_at this scope writes. */
  readonly now: Date;
  private readonly raw: Database;

  constructor(raw: Database, tenantId: string, now: Date) {
    this.raw = raw;
    this.tenantId = tenantId;
    this.now = now;
    this.db = scopedDatabase(raw, tenantId);
  }

  /** created_at (on insert) and updated_at, for the tables that have them, at the request's `now`. */
  private stamps(table: TenantTable, kind: 'insert' | 'update'): Record<string, Date> {
    const columns = getColumns(table) as Record<string, SQLiteColumn>;
    const stamps: Record<string, Date> = {};
    if (kind === 'insert' && 'createdAt' in columns) stamps.createdAt = this.now;
    if ('updatedAt' in columns) stamps.updatedAt = this.now;
    return stamps;
  }

  /** `tenant_id = <this tenant>` for hand-written SQL-builder queries (joins, GROUP BY). */
  filter(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  /** INSERT with the tenant id filled in; returns the builder so it can go into a `db.batch`. */
  insert<T extends TenantTable>(table: T, values: ScopedInsert<T>) {
    return this.raw.insert(table).values({ ...this.stamps(table, 'insert'), ...values, tenantId: this.tenantId } as SQLiteInsertValue<T>);
  }

  /** UPDATE of one row of this tenant by id; returns the builder. */
  updateById<T extends TenantTable>(table: T, id: string, set: Partial<Omit<InferInsertModel<T>, 'tenantId' | 'id'>>) {
    return this.raw
      .update(table)
      .set({ ...this.stamps(table, 'update'), ...set } as Partial<InferInsertModel<T>>)
      .where(this.filter(table, eq(table.id, id)));
  }

  /**
   * INSERT ... SELECT for writes whose limit must hold in SQL itself: `row` gives every column (a
   * value or an SQL expression; the tenant id is filled in), `rest` is the FROM/WHERE that decides
   * whether (or for which rows) anything is written. `rest` must filter by this tenant on every
   * table it reads. Returns the builder so it can go into a `db.batch`.
   */
  insertSelect<T extends TenantTable>(table: T, row: SelectRow<T>, rest: SQL) {
    // Same columns, same order as drizzle's INSERT column list (every column of the table).
    const given: Record<string, SelectValue> = { ...timesInMs(this.stamps(table, 'insert')), ...(row as Record<string, SelectValue>) };
    const values = Object.keys(getColumns(table) as Record<string, SQLiteColumn>)
      .map((key) => (key === 'tenantId' ? sql`${this.tenantId}` : toSql(given[key] ?? null)));
    return this.raw.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)} ${rest}`);
  }

  /** UPDATE of this tenant's rows of `table` that match `where` (a guarded, conditional update). */
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

  /** Runs statements as one D1 batch: they stand or fall together. */
  batch(...args: Parameters<Database['batch']>) {
    return this.raw.batch(...args);
  }

  /** DELETE of this tenant's rows of `table` that match `where` (never used on the points ledger). */
  deleteWhere(table: TenantTable, where: SQL) {
    return this.raw.delete(table).where(this.filter(table, where));
  }

  /** Number of this tenant's rows in `table` that match `where`. */
  count(table: TenantTable, where?: SQL): Promise<number> {
    return this.raw.$count(table, this.filter(table, where));
  }
}

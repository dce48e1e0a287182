/**
 * Classifies a failed write as a database constraint violation, in one place, so that a race the
 * application's own checks cannot see (two requests inserting the same slug at once) becomes a
 * typed CONFLICT instead of an "Unexpected error".
 *
 * What D1 gives us (checked on workerd, drizzle 1.0 RC): drizzle wraps the failure in a
 * `DrizzleQueryError` whose `cause` is D1's `Error`, whose `cause` is SQLite's. None of them has a
 * `code` or `errno` field; the only structured part is SQLite's result code at the end of the
 * message, e.g. `UNIQUE constraint failed: tenants.slug: SQLITE_CONSTRAINT (extended:
 * SQLITE_CONSTRAINT_UNIQUE)`. So the kind comes from the extended result code (falling back to
 * SQLite's stable "<KIND> constraint failed" prefix when a D1 build omits it), and the columns from
 * SQLite's detail: `table.column, table.column` for column indexes, `index 'name'` for expression
 * indexes such as `lower(name)`, which we resolve through the drizzle tables.
 */
import { getTableColumns, is, SQL, Column } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as tables from './schema.ts';

export type ConstraintKind = 'unique' | 'primaryKey' | 'foreignKey' | 'check' | 'notNull';

export interface ConstraintViolation {
  kind: ConstraintKind;
  /** SQL table name, when SQLite names it (not for foreign keys). */
  table: string | null;
  /** The constrained columns as drizzle property names (`tenantId`, `email`), in index order. */
  columns: string[];
}

const EXTENDED_CODES: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'primaryKey',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreignKey',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'notNull',
};

const PREFIXES: Record<string, ConstraintKind> = {
  UNIQUE: 'unique',
  'FOREIGN KEY': 'foreignKey',
  CHECK: 'check',
  'NOT NULL': 'notNull',
};

const DETAIL = /(UNIQUE|FOREIGN KEY|CHECK|NOT NULL) constraint failed(?::\s*(.*?))?(?::\s*SQLITE_CONSTRAINT\b.*)?$/s;

/** The constraint violation behind `error` (following `cause`), or null when it is something else. */
export function constraintViolationOf(error: unknown): ConstraintViolation | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth++) {
    const violation = parseMessage(current.message);
    if (violation) return violation;
  }
  return null;
}

function parseMessage(message: string): ConstraintViolation | null {
  if (!message.includes('SQLITE_CONSTRAINT')) return null;
  const extended = /SQLITE_CONSTRAINT_[A-Z]+/.exec(message)?.[0];
  const detail = DETAIL.exec(message);
  const kind = (extended && EXTENDED_CODES[extended]) ?? (detail?.[1] ? PREFIXES[detail[1]] : undefined);
  if (!kind) return null;
  const target = detail?.[2]?.trim() ?? '';
  const byIndex = /^index '([^']+)'$/.exec(target);
  if (byIndex?.[1]) return { kind, ...(indexColumns().get(byIndex[1]) ?? { table: null, columns: [] }) };
  const qualified = target ? target.split(',').map((part) => part.trim().split('.')) : [];
  const table = qualified[0]?.length === 2 ? (qualified[0][0] ?? null) : null;
  const columns = qualified.flatMap(([tableName, column]) => (tableName && column ? [propertyName(tableName, column)] : []));
  return { kind, table, columns };
}

/** SQL column name -> drizzle property name, per SQL table name. Built once, on the first violation. */
let propertyNames: Map<string, Map<string, string>> | null = null;
/** Index name -> table and columns, for SQLite's `index 'name'` detail on expression indexes. */
let indexes: Map<string, { table: string; columns: string[] }> | null = null;

function allTables(): SQLiteTable[] {
  const values: unknown[] = Object.values(tables);
  return values.filter((value): value is SQLiteTable => is(value, SQLiteTable));
}

function propertyName(table: string, column: string): string {
  propertyNames ??= new Map(
    allTables().map((t) => [
      getTableConfig(t).name,
      new Map(Object.entries(getTableColumns(t)).map(([key, col]) => [col.name, key])),
    ]),
  );
  return propertyNames.get(table)?.get(column) ?? column;
}

function indexColumns(): Map<string, { table: string; columns: string[] }> {
  if (indexes) return indexes;
  indexes = new Map();
  for (const t of allTables()) {
    const config = getTableConfig(t);
    for (const index of config.indexes) {
      // An expression such as lower(name) names its column inside the SQL chunks.
      const columns = index.config.columns.flatMap((part) =>
        is(part, SQL) ? part.queryChunks.filter((chunk): chunk is Column => is(chunk, Column)) : [part],
      );
      indexes.set(index.config.name, { table: config.name, columns: columns.map((col) => propertyName(config.name, col.name)) });
    }
  }
  return indexes;
}

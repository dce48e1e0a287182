/**
 * A D1 binding that reports every SQL statement it executes. Counting here, at the binding, sees
 * what drizzle's logger does not: the statements inside a `batch`, raw `prepare` calls and
 * authentication's reads. The dev header X-Frontline-Statements and the statement-count tests read it.
 */

/** Called once per statement D1 executes (a batch of n statements calls it n times). */
export type StatementListener = (sql: string) => void;

/**
 * Wraps `binding` so that executing a statement (`first`, `run`, `all`, `raw`, or as part of
 * `batch`) calls `onStatement` with its SQL. Everything else passes through unchanged.
 *
 * @example
 * const stats = { statements: 0 };
 * const db = createDatabase(countingD1(env.DB, () => void stats.statements++));
 */
export function countingD1(binding: D1Database, onStatement: StatementListener): D1Database {
  // Wrapped statements handed out, mapped back to D1's own (for `batch`, which accepts only those)
  // and to their SQL.
  const originals = new WeakMap<D1PreparedStatement, { statement: D1PreparedStatement; sql: string }>();

  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const counted = new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property === 'bind') {
          return (...values: unknown[]) => wrap(target.bind(...values), sql);
        }
        if (property === 'first' || property === 'run' || property === 'all' || property === 'raw') {
          return (...args: unknown[]) => {
            onStatement(sql);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    originals.set(counted, { statement, sql });
    return counted;
  };

  return new Proxy(binding, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'prepare') {
        return (sql: string) => wrap(target.prepare(sql), sql);
      }
      if (property === 'batch') {
        return <T>(statements: D1PreparedStatement[]) => {
          const unwrapped = statements.map((statement) => {
            const original = originals.get(statement);
            onStatement(original?.sql ?? '');
            return original?.statement ?? statement;
          });
          return target.batch<T>(unwrapped);
        };
      }
      if (property === 'exec') {
        return (sql: string) => {
          onStatement(sql);
          return target.exec(sql);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

}

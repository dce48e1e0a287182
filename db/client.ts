/** The drizzle client over a D1 binding. One is made per request (see worker/context.ts). */
import { drizzle } from 'drizzle-orm/d1';
import { relations } from './relations.ts';

export interface DatabaseOptions {
  /** Called once for every SQL statement sent to D1; tests and the dev header count them. */
  onStatement?: (sql: string) => void;
}

export function createDatabase(d1: D1Database, options: DatabaseOptions = {}) {
  const { onStatement } = options;
  return drizzle(d1, {
    relations,
    logger: onStatement ? { logQuery: (sql: string) => onStatement(sql) } : false,
  });
}

export type Database = ReturnType<typeof createDatabase>;

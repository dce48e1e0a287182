/**
 * Helpers for the local scripts: run wrangler, and open the same local D1 that `wrangler dev` uses
 * (wrangler's getPlatformProxy, persisted under .wrangler/state).
 */
import { spawnSync } from 'node:child_process';
import { getPlatformProxy } from 'wrangler';
import { createDatabase, type Database } from '../db/client.ts';

export const DATABASE_NAME = 'frontline';

/** Runs the project's wrangler with inherited output; exits the script if it fails. */
export function wrangler(args: string[]): void {
  const result = spawnSync('wrangler', args, {
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  });
  if (result.status !== 0) {
    console.error(`wrangler ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Applies migrations/ to the local D1 (only those not yet applied). */
export function migrateLocal(): void {
  wrangler(['d1', 'migrations', 'apply', DATABASE_NAME, '--local']);
}

/** Opens the local D1 as a drizzle client for the duration of `work`. */
export async function withLocalDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: 'wrangler.toml' });
  try {
    return await work(createDatabase(proxy.env.DB));
  } finally {
    await proxy.dispose();
  }
}

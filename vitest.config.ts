import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Two projects in one `vitest run`:
// - workers: tests inside workerd (the Workers runtime) against a real local D1 with the migrations
//   applied (test/setup.ts), calling the Worker through its own fetch handler;
// - lint: the import-direction rule, through ESLint with eslint.config.js (Node);
// - browser: Node tests that start the Worker with `wrangler dev` and drive a real headless
//   Chromium against it (test/browser/), one browser launch for the whole project.
export default defineConfig(async () => {
  const migrations = await readD1Migrations({
    projectPath: import.meta.dirname,
    migrationsDir: 'migrations',
    migrationsPattern: 'migrations/*/migration.sql',
  });
  return {
    test: {
      // Every request writes one JSON log line (worker/request-log.ts); worker/request-log.test.ts
      // reads them through a spy. Printed for every test request, they would bury the report.
      onConsoleLog: (log: string) => !/^\{"type":"(request|scheduled|queue)"/.test(log),
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  ENVIRONMENT: 'test',
                  PLATFORM_ADMIN_TOKEN: 'fl_platform_test_token',
                  EMPLOYEE_TOKEN_SECRET: 'test-only-employee-token-secret-0123456789abcdef',
                  WIDGET_CLIENT_SALT: 'test-only-widget-salt',
                  // The request clock (worker/clock.ts), pinned so no test depends on the day it runs. A
                  // Monday 30 s after midnight UTC: the instant that used to drop the current week.
                  FRONTLINE_NOW: '2026-11-23T00:00:30.000Z',
                  TEST_MIGRATIONS: migrations,
                  // Weekly summaries: emails are kept in memory for the tests to read.
                  MAIL_PROVIDER: 'memory',
                  PUBLIC_BASE_URL: 'https://frontline.test',
                  UNSUBSCRIBE_SECRET: 'test-only-unsubscribe-secret-0123456789abcdef',
                  // test/fuzz/: requests per run and seed (FUZZ_RUNS=20000 FUZZ_SEED=7 npx vitest ... for a longer hunt).
                  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000',
                  FUZZ_SEED: process.env.FUZZ_SEED ?? '20261123',
                },
                // Widget reads allow 3,000 a minute per key in wrangler.toml; 30 here, so a test can
                // reach the limit in a few requests (the other limiters keep wrangler.toml's values).
                ratelimits: { WIDGET_READ_LIMITER: { namespace_id: '1103', simple: { limit: 30, period: 60 } } },
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/**/*.test.ts', 'worker/**/*.test.ts', 'domain/**/*.test.ts', 'schema/**/*.test.ts', 'db/**/*.test.ts', 'features/**/*.test.ts'],
            exclude: ['test/browser/**'],
            setupFiles: ['./test/setup.ts'],
            // Property-based and 100-row tests take 2-3 s alone; on a loaded 2-core machine (CI runs
            // here) vitest's 5 s default made them flaky. Speed is checked by bench/, not by timeouts.
            testTimeout: 20_000,
          },
        },
        {
          // The lint rules' own tests (ESLint runs in Node).
          // The first case loads ESLint and the TypeScript parser from cold: seconds on a busy 2-core machine.
          test: { name: 'lint', environment: 'node', include: ['eslint/**/*.test.ts'], testTimeout: 30_000 },
        },
        {
          test: {
            name: 'browser',
            environment: 'node',
            include: ['test/browser/**/*.test.ts'],
            // Starting wrangler dev and Chromium takes a while on a 2-core machine.
            hookTimeout: 120_000,
            testTimeout: 60_000,
          },
        },
      ],
    },
  };
});

import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd (the Workers runtime) against a real local D1 with the migrations
// applied (test/setup.ts), and call the Worker through its own fetch handler.
export default defineConfig(async () => {
  const migrations = await readD1Migrations({
    projectPath: import.meta.dirname,
    migrationsDir: 'migrations',
    migrationsPattern: 'migrations/*/migration.sql',
  });
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            ENVIRONMENT: 'test',
            PLATFORM_ADMIN_TOKEN: 'fl_platform_test_token',
            EMPLOYEE_TOKEN_SECRET: 'test-only-employee-token-secret-0123456789abcdef',
            TEST_MIGRATIONS: migrations,
          },
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.ts', 'worker/**/*.test.ts', 'domain/**/*.test.ts', 'schema/**/*.test.ts', 'db/**/*.test.ts', 'features/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
    },
  };
});

import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs db/schema.ts against migrations/ and writes the next SQL migration.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './migrations',
});

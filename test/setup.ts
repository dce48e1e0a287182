import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// The same SQL files wrangler applies locally and in production.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// wrangler.toml defines __FRONTLINE_NO_GRAPHIQL__ = true for the deployed build, and the test pool
// turns defines into globals: tests run development's build, with GraphiQL (worker/yoga.ts).
(globalThis as { __FRONTLINE_NO_GRAPHIQL__?: boolean }).__FRONTLINE_NO_GRAPHIQL__ = false;

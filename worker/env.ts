/** The Worker's bindings, vars and secrets (see wrangler.toml and .dev.vars.example). */
import type { SummaryEnv } from '../features/summaries/queue.ts';

/** The summaries add SUMMARIES_QUEUE, EMAIL, MAIL_PROVIDER, POSTMARK_*, PUBLIC_BASE_URL, UNSUBSCRIBE_SECRET. */
export interface Env extends SummaryEnv {
  DB: D1Database;
  /** "development" (wrangler dev), "test" (vitest) or "production". */
  ENVIRONMENT: string;
  /** Secret: authorises the platform mutations. */
  PLATFORM_ADMIN_TOKEN?: string;
  /** Secret: HS256 key for employee tokens, 32+ characters. */
  EMPLOYEE_TOKEN_SECRET?: string;
}

/** GraphiQL and diagnostic headers are for local work only. */
export function isLocal(env: Env): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

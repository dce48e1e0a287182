/** The Worker's bindings, vars and secrets (see wrangler.toml and .dev.vars.example). */
import type { SummaryEnv } from '../features/summaries/queue.ts';
import type { ThemesEnv } from '../features/themes/queue.ts';

/** The summaries add SUMMARIES_QUEUE, EMAIL, MAIL_PROVIDER, POSTMARK_*, PUBLIC_BASE_URL, UNSUBSCRIBE_SECRET. */
/** The themes add THEMES_QUEUE (re-theme runs). */
export interface Env extends SummaryEnv, ThemesEnv {
  DB: D1Database;
  /** "development" (wrangler dev), "test" (vitest) or "production". */
  ENVIRONMENT: string;
  /** Secret: authorises the platform mutations. */
  PLATFORM_ADMIN_TOKEN?: string;
  /** Secret: HS256 key for employee tokens, 32+ characters. */
  EMPLOYEE_TOKEN_SECRET?: string;
  /** Test and development only: pins the request clock to this RFC 3339 instant (worker/clock.ts). */
  FRONTLINE_NOW?: string;
  /**
   * Rate Limiting bindings for widget requests (wrangler.toml [[ratelimits]]): customer feedback
   * per client and key, widget writes per key, widget reads per key.
   */
  WIDGET_CLIENT_LIMITER: RateLimit;
  WIDGET_KEY_LIMITER: RateLimit;
  WIDGET_READ_LIMITER: RateLimit;
  /** Secret: salt for hashing client IPs before they are used as rate-limit keys (never stored). */
  WIDGET_CLIENT_SALT?: string;
}

/** GraphiQL and diagnostic headers are for local work only. */
export function isLocal(env: Env): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

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
  /**
   * API rate limits per credential and operation class (worker/rate-limits/), one binding per
   * tier: "standard" and "high" (tenants.rate_limit_tier; "unlimited" uses none).
   */
  API_QUERY_LIMITER: RateLimit;
  API_MUTATION_LIMITER: RateLimit;
  API_EXPENSIVE_LIMITER: RateLimit;
  API_QUERY_LIMITER_HIGH: RateLimit;
  API_MUTATION_LIMITER_HIGH: RateLimit;
  API_EXPENSIVE_LIMITER_HIGH: RateLimit;
  /** Failed authentication per client: beyond the first, answers are slowed; beyond the second, refused. */
  AUTH_FAILURE_SLOW_LIMITER: RateLimit;
  AUTH_FAILURE_LIMITER: RateLimit;
  /**
   * Secret: salt for hashing client IPs before they are used as rate-limit keys (never stored):
   * widget feedback and failed authentication (worker/client-key.ts).
   */
  WIDGET_CLIENT_SALT?: string;
  /**
   * Optional Workers AI binding (wrangler.toml `[ai]`, commented out by default): only
   * `themeProposals` uses it, and answers AI_NOT_CONFIGURED without it. Workers AI always runs
   * remotely and needs a Cloudflare login, so `npm start` and the tests run without it.
   */
  AI?: Ai;
  /** Overrides ENVIRONMENT's choice of who may introspect: "all" or "secret_keys" (worker/security-settings.ts). */
  INTROSPECTION?: string;
  /** Overrides ENVIRONMENT's choice of "Did you mean …?" suggestions for verified callers: "on" or "off". */
  SCHEMA_HINTS?: string;
  /** Overrides ENVIRONMENT's choice of GraphiQL: "on" or "off" (production builds do not carry it). */
  GRAPHIQL?: string;
}

/** GraphiQL and diagnostic headers are for local work only. */
export function isLocal(env: Pick<Env, 'ENVIRONMENT'>): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

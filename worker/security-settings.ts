/**
 * What a deployment reveals about itself, decided by one variable: ENVIRONMENT=production turns
 * every part to its closed setting; development and tests keep the open one. Each part can be
 * overridden by its own variable (README, "Configuration" and "Security"):
 *
 * | part | production | development, test | override |
 * |---|---|---|---|
 * | introspection (`__schema`, `__type`) | secret API keys only | every verified caller | INTROSPECTION = all \| secret_keys |
 * | "Did you mean …?" suggestions | never | verified callers | SCHEMA_HINTS = on \| off |
 * | GraphiQL at GET /graphql | never | yes | GRAPHIQL = on \| off |
 *
 * Errors are masked everywhere, with no switch: an unexpected error never shows its message, stack
 * or SQL (worker/yoga.ts, maskError). An override value that is not one of the listed ones falls
 * back to the closed setting, so a typo never opens anything.
 */
import type { Principal } from './auth/principal.ts';
import { isLocal, type Env } from './env.ts';

export type IntrospectionAccess = 'all' | 'secret_keys';

export interface SecuritySettings {
  introspection: IntrospectionAccess;
  /** Whether verified callers see graphql-js's "Did you mean …?" (anonymous callers never do). */
  schemaHints: boolean;
  /** Whether GET /graphql from a browser renders GraphiQL (only where the build carries it). */
  graphiql: boolean;
}

/** The overrides, as wrangler.toml `[vars]` or `.dev.vars` set them. */
export type SecurityOverrides = Pick<Env, 'INTROSPECTION' | 'SCHEMA_HINTS' | 'GRAPHIQL'>;

export function securitySettings(env: Pick<Env, 'ENVIRONMENT'> & SecurityOverrides): SecuritySettings {
  const open = isLocal(env);
  return {
    introspection: choice(env.INTROSPECTION, ['all', 'secret_keys'], open ? 'all' : 'secret_keys', 'secret_keys'),
    schemaHints: switchOf(env.SCHEMA_HINTS, open),
    graphiql: switchOf(env.GRAPHIQL, open),
  };
}

/** Whether this caller may introspect the schema under these settings. */
export function mayIntrospect(settings: SecuritySettings, principal: Principal): boolean {
  return settings.introspection === 'all' || principal.kind === 'secretKey';
}

function switchOf(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return choice(value, ['on', 'off'], 'off', 'off') === 'on';
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, closed: T): T {
  if (value === undefined || value === '') return fallback;
  const normalised = value.trim().toLowerCase();
  return (allowed as readonly string[]).includes(normalised) ? (normalised as T) : closed;
}

/**
 * Test helpers: call the Worker as production would run it (ENVIRONMENT = production), so tests can
 * check what production callers see (messages without limits' values, no schema hints, no
 * introspection for anything but secret keys, no GraphiQL). Overrides set other vars on top.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import type { Env } from '../worker/env.ts';
import worker from '../worker/index.ts';
import { yoga } from '../worker/yoga.ts';
import { nextInstant } from './helpers.ts';

export interface ProductionAnswer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The test environment's bindings with ENVIRONMENT = production, then `overrides`. */
export function productionEnv(overrides: Partial<Env> = {}): Env {
  return { ...(env as Env), ENVIRONMENT: 'production', ...overrides };
}

export interface ProductionOptions {
  /** Vars set on top of production's (e.g. an override such as INTROSPECTION). */
  overrides?: Partial<Env>;
  /**
   * The request clock. Production ignores FRONTLINE_NOW and X-Frontline-Now, so the test hands the
   * instant to Yoga directly (as widget requests do): tokens minted at test time stay valid.
   */
  now?: Date;
}

/** POSTs an operation to Yoga as the Worker would, in production's environment, at the test clock. */
export async function productionGql(credential: string | null, query: string, options: ProductionOptions = {}): Promise<ProductionAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (credential) headers.Authorization = `Bearer ${credential}`;
  const request = new Request('http://frontline.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) });
  const response = await yoga.fetch(request, {
    env: productionEnv(options.overrides),
    executionCtx: createExecutionContext(),
    now: options.now ?? nextInstant(),
    stats: { statements: 0 },
    credential: { verified: false },
  });
  return { status: response.status, body: (await response.json()) as ProductionAnswer['body'] };
}

/** The whole Worker's fetch (routing, headers, logs) with production's environment and `overrides`. */
export async function productionFetch(request: Request, overrides: Partial<Env> = {}): Promise<Response> {
  const executionCtx = createExecutionContext();
  const response = await worker.fetch(request, productionEnv(overrides), executionCtx);
  await waitOnExecutionContext(executionCtx);
  return response;
}

/**
 * Test helper: calls Yoga as the Worker would, but with ENVIRONMENT = production, so tests can check
 * what production callers see (messages without limits' values, no schema hints).
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import type { Env } from '../worker/env.ts';
import { yoga } from '../worker/yoga.ts';

export interface ProductionAnswer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function productionGql(credential: string | null, query: string): Promise<ProductionAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (credential) headers.Authorization = `Bearer ${credential}`;
  const request = new Request('http://frontline.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) });
  const production: Env = { ...(env as Env), ENVIRONMENT: 'production' };
  const response = await yoga.fetch(request, {
    env: production,
    executionCtx: createExecutionContext(),
    stats: { statements: 0 },
    credential: { verified: false },
  });
  return { status: response.status, body: (await response.json()) as ProductionAnswer['body'] };
}

/**
 * GraphQL over HTTP status codes, as the README documents them: a request that cannot run (syntax
 * error, unknown field) is 400 for clients that accept application/graphql-response+json and 200
 * with `errors` for application/json clients (the spec's rule for the legacy media type).
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant } from './helpers.ts';

async function post(key: string, accept: string | null, query: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` };
  if (accept) headers.Accept = accept;
  const response = await exports.default.fetch(new Request('http://frontline.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) }));
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, type: response.headers.get('Content-Type'), code: body.errors?.[0]?.extensions?.code };
}

describe('status codes of requests that cannot run', () => {
  it('are 400 with application/graphql-response+json and 200 with application/json or no Accept', async () => {
    const { reader } = await createTenant();
    for (const [query, code] of [['{ employe { id } }', 'GRAPHQL_VALIDATION_FAILED'], ['{ employees( }', 'GRAPHQL_PARSE_FAILED']] as const) {
      expect(await post(reader, 'application/graphql-response+json', query)).toEqual({ status: 400, type: expect.stringContaining('application/graphql-response+json'), code });
      expect(await post(reader, 'application/json', query)).toEqual({ status: 200, type: expect.stringContaining('application/json'), code });
      expect(await post(reader, null, query)).toMatchObject({ status: 200, code });
    }
  });
});

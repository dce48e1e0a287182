/**
 * GET requests whose `variables` or `extensions` parameter is not JSON (found by the fuzzer,
 * test/fuzz/): a 400 that names the parameter, not a masked "Unexpected error" with status 200.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../../test/helpers.ts';

async function get(key: string, search: string) {
  const response = await exports.default.fetch(
    new Request(`http://frontline.test/graphql${search}`, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/graphql-response+json' } }),
  );
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const QUERY = `query=${encodeURIComponent('{ viewer { role } }')}`;

describe('GET parameters that are not JSON', () => {
  it('are refused with 400 BAD_REQUEST naming the parameter', async () => {
    const { reader } = await createTenant();
    for (const [parameter, value] of [['variables', '{'], ['extensions', 'x'], ['variables', '{"a":']] as const) {
      const answer = await get(reader, `?${QUERY}&${parameter}=${encodeURIComponent(value)}`);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([{ message: `The "${parameter}" parameter must be a JSON object.`, extensions: { code: 'BAD_REQUEST' } }]);
    }
  });

  it('still run when the parameters are JSON or absent', async () => {
    const { reader } = await createTenant();
    for (const search of [`?${QUERY}`, `?${QUERY}&variables=${encodeURIComponent('{}')}`, `?${QUERY}&extensions=${encodeURIComponent('{"a":1}')}`]) {
      const answer = await get(reader, search);
      expect(answer).toEqual({ status: 200, body: { data: { viewer: { role: 'READER' } } } });
    }
  });
});

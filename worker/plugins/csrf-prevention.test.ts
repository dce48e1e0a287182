/**
 * CSRF: a web page on another site can make a browser send a "simple" request (a form post, or a
 * fetch with a text/plain body) without asking the server first. Such requests never run an
 * operation here: GraphQL POSTs must be JSON (or carry a header a form cannot set), and GET never
 * runs a mutation.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant, data, type TestTenant } from '../../test/helpers.ts';

const CREATE_TEAM = (name: string) => `mutation { createTeam(input: { name: "${name}" }) { team { id } errors { code } } }`;

async function post(tenant: TestTenant, contentType: string | null, body: BodyInit, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${tenant.admin}`, Accept: 'application/graphql-response+json', ...extra };
  if (contentType) headers['Content-Type'] = contentType;
  return exports.default.fetch(new Request('http://frontline.test/graphql', { method: 'POST', headers, body }));
}

async function teamNames(tenant: TestTenant): Promise<string[]> {
  const result = await data<{ teams: { edges: { node: { name: string } }[] } }>(tenant.reader, '{ teams(first: 100) { edges { node { name } } } }');
  return result.teams.edges.map((edge) => edge.node.name);
}

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string } }[];
  data?: unknown;
}

describe('CSRF prevention', () => {
  it('refuses a form-encoded POST of a mutation with 415 and writes nothing', async () => {
    const tenant = await createTenant();
    const response = await post(tenant, 'application/x-www-form-urlencoded', new URLSearchParams({ query: CREATE_TEAM('Form Team') }).toString());
    expect(response.status).toBe(415);
    const body: ErrorBody = await response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.errors?.[0]?.message).toContain('application/json');
    expect(await teamNames(tenant)).not.toContain('Form Team');
  });

  it('refuses text/plain and multipart bodies, and a POST without a Content-Type', async () => {
    const tenant = await createTenant();
    const json = JSON.stringify({ query: CREATE_TEAM('Plain Team') });
    const form = new FormData();
    form.set('operations', json);
    for (const [type, body] of [['text/plain', json], ['text/plain;charset=UTF-8', json], [null, json]] as const) {
      const response = await post(tenant, type, body);
      expect(response.status, String(type)).toBe(415);
    }
    expect((await post(tenant, null, form)).status).toBe(415);
    expect(await teamNames(tenant)).not.toContain('Plain Team');
  });

  it('accepts JSON, and a simple body when it carries the X-GraphQL-CSRF header (a form cannot set headers)', async () => {
    const tenant = await createTenant();
    const json = await post(tenant, 'application/json', JSON.stringify({ query: CREATE_TEAM('Json Team') }));
    expect(json.status).toBe(200);
    const withHeader = await post(tenant, 'application/x-www-form-urlencoded', new URLSearchParams({ query: CREATE_TEAM('Header Team') }).toString(), { 'X-GraphQL-CSRF': '1' });
    expect(withHeader.status).toBe(200);
    expect(await teamNames(tenant)).toEqual(expect.arrayContaining(['Json Team', 'Header Team']));
  });

  it('never runs a mutation over GET', async () => {
    const tenant = await createTenant();
    const url = new URL('http://frontline.test/graphql');
    url.searchParams.set('query', CREATE_TEAM('Get Team'));
    const response = await exports.default.fetch(new Request(url, { headers: { Authorization: `Bearer ${tenant.admin}`, Accept: 'application/graphql-response+json' } }));
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST');
    expect(await teamNames(tenant)).not.toContain('Get Team');
  });
});

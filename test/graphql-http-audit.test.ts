/**
 * GraphQL over HTTP conformance, kept true: graphql-http's server audits run against the Worker's own
 * fetch handler with a valid secret key, in the development defaults (ENVIRONMENT=test) and again
 * with production's settings (secret keys keep introspection, so nothing differs). One test per
 * audit, named after it, so a failure names the rule. Every audit passes today, the MAY ones too
 * (GET queries, URL-encoded variables): they are behaviour clients rely on, so they stay checked.
 * An audit we ever decide to answer differently on purpose goes in DELIBERATE, with the reason,
 * and in the README's "Security" section.
 */
import { exports } from 'cloudflare:workers';
import { serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './helpers.ts';
import { productionFetch } from './production-fetch.ts';

/** Audit id -> why Frontline answers differently on purpose. None so far. */
const DELIBERATE: Readonly<Record<string, string>> = {};

let key = '';

/** The Worker's own fetch, with the key added as any client library would send it. */
async function fetchWithKey(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${key}`);
  return exports.default.fetch(new Request(request, { headers }));
}

/** The same, with production's settings (ENVIRONMENT=production): they must not cost conformance. */
async function productionFetchWithKey(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${key}`);
  return productionFetch(new Request(request, { headers }));
}

const audits = serverAudits({ url: 'http://frontline.test/graphql', fetchFn: fetchWithKey });
const productionAudits = serverAudits({ url: 'http://frontline.test/graphql', fetchFn: productionFetchWithKey });

describe('graphql-http server audits (graphql-http 1.23.1)', () => {
  beforeAll(async () => {
    key = (await createTenant()).reader;
  });

  it('runs all 36 MUST and SHOULD audits of this version (and 25 MAY)', () => {
    const required = audits.filter((audit) => !audit.name.startsWith('MAY'));
    expect(required.length).toBe(36);
    expect(audits.length - required.length).toBe(25);
  });

  for (const audit of audits) {
    it.skipIf(audit.id in DELIBERATE)(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const reason = result.status === 'ok' ? '' : `${result.reason}: HTTP ${result.response.status} ${await result.response.clone().text()}`;
      expect(result.status, reason).toBe('ok');
    });
  }
});

describe('graphql-http server audits with ENVIRONMENT=production', () => {
  beforeAll(async () => {
    key = (await createTenant()).reader;
  });

  for (const audit of productionAudits) {
    it.skipIf(audit.id in DELIBERATE)(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const reason = result.status === 'ok' ? '' : `${result.reason}: HTTP ${result.response.status} ${await result.response.clone().text()}`;
      expect(result.status, reason).toBe('ok');
    });
  }
});

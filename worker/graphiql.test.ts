/** Local GraphiQL: the page loads only local files and opens with the example query. */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_QUERY } from './graphiql.ts';

async function graphiqlPage(): Promise<{ status: number; html: string }> {
  const response = await exports.default.fetch(new Request('http://frontline.test/graphql', { headers: { Accept: 'text/html' } }));
  return { status: response.status, html: await response.text() };
}

describe('GraphiQL', () => {
  it('references only local URLs, so it works offline', async () => {
    const { status, html } = await graphiqlPage();
    expect(status).toBe(200);
    const urls = [...html.matchAll(/(?:src|href)=["']?([^"' >]+)/g), ...html.matchAll(/"(https?:\/\/[^"]+)"/g)].map((match) => match[1]);
    expect(urls).toContain('/graphiql/yoga-graphiql.umd.js');
    expect(urls).toContain('/graphiql/graphiql.css');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('/graphiql/monacoeditorwork/editor.worker.bundle.js');
  });

  it('opens with the example query and the demo key', async () => {
    const { html } = await graphiqlPage();
    const options = html.match(/renderYogaGraphiQL\(root,(\{.*\})\)\}\)<\/script>/)?.[1];
    expect(options).toBeDefined();
    const parsed = JSON.parse(options ?? '{}') as { query?: string; headers?: string };
    expect(parsed.query).toBe(GRAPHIQL_QUERY);
    expect(parsed.headers).toContain('fl_sk_dev_brewline_admin');
  });
});

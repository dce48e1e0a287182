/** The script's and the demo's HTTP answers. */
import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FRONTLINE_JS, FRONTLINE_JS_VERSION } from '../features/widgets/client/bundle.generated.ts';
import { routeWidgets } from '../worker/widgets.ts';

const get = (path: string, headers: Record<string, string> = {}) => exports.default.fetch(new Request(`http://frontline.test${path}`, { headers }));

describe('GET /widgets/v1/frontline.js', () => {
  it('serves the bundle: short cache with an ETag on the plain path, a year and immutable on the versioned one', async () => {
    const latest = await get('/widgets/v1/frontline.js');
    expect(latest.status).toBe(200);
    expect(await latest.text()).toBe(FRONTLINE_JS);
    expect(latest.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(latest.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(latest.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await get('/widgets/v1/frontline.js', { 'If-None-Match': `"${FRONTLINE_JS_VERSION}"` })).status).toBe(304);
    const pinned = await get(`/widgets/v1/${FRONTLINE_JS_VERSION}/frontline.js`);
    expect(pinned.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/widgets/v1/000000000000/frontline.js')).status).toBe(404);
  });
});

describe('/widgets/demo', () => {
  it('is served locally under a strict CSP, with every widget', async () => {
    const page = await get('/widgets/demo');
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const html = await page.text();
    for (const element of ['frontline-feedback', 'frontline-kudos-wall', 'frontline-goal-progress', 'frontline-suggestion-box']) expect(html).toContain(`<${element} `);
    expect(html).not.toMatch(/<script>|style=/);
  });

  it('does not exist in production', async () => {
    const production = { ...env, ENVIRONMENT: 'production' };
    const request = new Request('http://frontline.test/widgets/demo');
    expect(await routeWidgets(request, production, createExecutionContext(), { statements: 0 })).toBeNull();
  });
});

/**
 * The deployed build (`wrangler deploy --dry-run`, wrangler.toml as it is) carries no GraphiQL, no
 * demo key and no Yoga landing page, and stays inside the bundle budget (README, "Bundle size").
 * A Node test next to the browser ones: it needs wrangler, not workerd.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
/** The budget README "Bundle size" states, gzip. */
const BUDGET_GZIP_BYTES = 350 * 1024;

let outdir = '';
let bundle = '';

describe('production bundle', () => {
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'frontline-bundle-'));
    const build = spawnSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', outdir], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    bundle = readFileSync(join(outdir, 'index.js'), 'utf8');
  });

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('carries neither our GraphiQL page nor its demo key', () => {
    // (Yoga's own 1.4 KB GraphiQL template stays: see wrangler.toml.)
    for (const marker of ['Frontline GraphiQL', 'fl_sk_dev_brewline_admin', 'renderLocalGraphiQL']) expect(bundle.includes(marker), marker).toBe(false);
  });

  it('carries no Yoga landing page', () => {
    expect(bundle.includes('Welcome to GraphQL Yoga')).toBe(false);
  });

  it('stays inside the gzip budget', () => {
    expect(gzipSync(bundle).byteLength).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});

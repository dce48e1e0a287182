/**
 * What the browser tests run against: the real Worker in `wrangler dev` (workerd, a local D1 of
 * its own under .tmp/, migrated), and small Node servers that play partner sites on other origins,
 * each page under a strict Content-Security-Policy (no inline script or style).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
export const PLATFORM_TOKEN = 'fl_platform_browser_test_token';
const VARS = {
  ENVIRONMENT: 'development',
  PLATFORM_ADMIN_TOKEN: PLATFORM_TOKEN,
  EMPLOYEE_TOKEN_SECRET: 'browser-test-employee-token-secret-0123456789',
  WIDGET_CLIENT_SALT: 'browser-test-salt',
};

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningWorker {
  origin: string;
  stop(): Promise<void>;
}

/** Starts `wrangler dev` on a free port with a fresh, migrated local D1. */
export async function startWorker(): Promise<RunningWorker> {
  const state = join(ROOT, '.tmp', `browser-d1-${process.pid}`);
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };
  const migrate = spawnSync(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'frontline', '--local', '--persist-to', state], { cwd: ROOT, env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr || migrate.stdout}`);

  const [port, inspector] = [await freePort(), await freePort()];
  const args = ['dev', '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(inspector), '--persist-to', state, '--show-interactive-dev-session=false'];
  for (const [name, value] of Object.entries(VARS)) args.push('--var', `${name}:${value}`);
  const child: ChildProcess = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited: ${log}`);
    try {
      if ((await fetch(`${origin}/widgets/v1/frontline.js`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (Date.now() >= deadline) throw new Error(`wrangler dev did not start: ${log}`);
  return {
    origin,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/** POSTs GraphQL to the running Worker. */
export async function graphql<T = unknown>(origin: string, credential: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export interface PartnerSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * A partner's site on its own origin: `/` is `html`, `/site.css` is `css`. The CSP allows scripts
 * and connections only to Frontline and the site itself, styles only from the site's stylesheet.
 */
export async function startPartnerSite(frontline: string, html: (url: URL) => string, css: string): Promise<PartnerSite> {
  const csp = `default-src 'none'; script-src ${frontline}; connect-src ${frontline}; style-src 'self'; img-src https: data:`;
  const server: Server = createServer((request, response) => {
    if (request.url === '/site.css') {
      response.writeHead(200, { 'Content-Type': 'text/css' }).end(css);
    } else if (request.url?.startsWith('/') && !request.url.startsWith('/favicon')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp }).end(html(new URL(request.url, 'http://partner.test')));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

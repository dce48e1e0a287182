/**
 * `npm start [-- <wrangler dev options>]`: prepares the local D1 (scripts/prepare-local.ts), prints
 * where GraphiQL will be, on the port actually requested, then runs `wrangler dev` with the same
 * options. (A plain `prepare && wrangler dev` script gives the options to wrangler only, so the
 * banner could not know the port.)
 */
import { spawn } from 'node:child_process';
import { devPortFrom } from './dev-port.ts';

const args = process.argv.slice(2);
await import('./prepare-local.ts');
const port = devPortFrom(args);
console.log(`GraphiQL: http://localhost:${port}/graphql\n`);
// Links in local emails (unsubscribe) point at the port this Worker really listens on.
const baseUrl = args.some((arg) => arg.startsWith('PUBLIC_BASE_URL')) ? [] : ['--var', `PUBLIC_BASE_URL:http://localhost:${port}`];

// wrangler.toml's [define] leaves GraphiQL out of the deployed build; development keeps it.
const graphiql = ['--define', '__FRONTLINE_NO_GRAPHIQL__:false'];

// npm puts node_modules/.bin first on PATH, so this is the project's wrangler.
// --assets serves the offline GraphiQL files (copied by prepare-local) in development only.
const dev = spawn('wrangler', ['dev', '--assets', '.local-assets', ...graphiql, ...baseUrl, ...args], { stdio: 'inherit', shell: process.platform === 'win32' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

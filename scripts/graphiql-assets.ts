/**
 * Copies GraphiQL's browser files from the `@graphql-yoga/graphiql` dev dependency into
 * .local-assets/graphiql/, which `npm start` serves with `wrangler dev --assets .local-assets`
 * (worker/graphiql.ts points the page there). Local only: production deploys no assets.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LOCAL_ASSETS_DIR = '.local-assets';

export function copyGraphiQLAssets(): void {
  const source = join('node_modules', '@graphql-yoga', 'graphiql', 'dist');
  if (!existsSync(source)) throw new Error(`${source} is missing: run npm install (it is a dev dependency).`);
  const target = join(LOCAL_ASSETS_DIR, 'graphiql');
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true });
}

/**
 * GraphiQL for local development, served from the project instead of a CDN so `npm start` works
 * offline. The page is Yoga's own template (already in the Worker bundle) with its CDN URLs pointed
 * at /graphiql/, where `wrangler dev --assets .local-assets` serves the files that
 * scripts/graphiql-assets.ts copies from the `@graphql-yoga/graphiql` dev dependency. Production
 * never renders GraphiQL and has no assets, so the deployed Worker carries none of it.
 */
import { renderGraphiQL, type GraphiQLOptions } from 'graphql-yoga';

/** This build carries GraphiQL (the production build swaps this module for worker/graphiql-absent.ts). */
export const GRAPHIQL_IN_BUILD = true;

/** Where the GraphiQL files are served locally (a folder of the local assets directory). */
export const GRAPHIQL_ASSET_PATH = '/graphiql/';

/** Yoga's template loads `https://unpkg.com/@graphql-yoga/graphiql@<version>/dist/<file>`. */
const CDN_DIST = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g;
/** ... and its favicon from GitHub; an empty data URL keeps the page from fetching anything. */
const REMOTE_ICON = /<link rel=icon href=https:[^>]*>/;

export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  // @graphql-yoga/graphiql 4.x takes the editor's starting query as `query` (GraphiQL's own
  // `defaultQuery` only fills new tabs), so the example shows on first load.
  const withQuery = options.defaultQuery ? { ...options, query: options.defaultQuery } : options;
  return renderGraphiQL(withQuery).replace(CDN_DIST, GRAPHIQL_ASSET_PATH).replace(REMOTE_ICON, '<link rel=icon href="data:,">');
}

/**
 * GraphiQL for local development, served from the project instead of a CDN so `npm start` works
 * offline. The page is Yoga's own template (already in the Worker bundle) with its CDN URLs pointed
 * at /graphiql/, where `wrangler dev --assets .local-assets` serves the files that
 * scripts/graphiql-assets.ts copies from the `@graphql-yoga/graphiql` dev dependency. Production
 * never renders GraphiQL and has no assets, so the deployed Worker carries none of it.
 */
import { renderGraphiQL, type GraphiQLOptions } from 'graphql-yoga';

/** The demo admin key of the first seeded tenant, pre-filled in local GraphiQL. */
export const GRAPHIQL_DEMO_KEY = 'fl_sk_dev_brewline_admin';

export const GRAPHIQL_QUERY = `# Frontline: the header below uses the demo admin key of Brewline Coffee.
query Directory {
  viewer { role tenant { name } }
  teams(first: 10) {
    totalCount
    edges { node { id name memberCount } }
  }
  employees(first: 10, filter: { status: ACTIVE }) {
    totalCount
    edges { node { id name role hiredAt team { name } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

/** GraphiQL's title, example query and the demo key in its headers. */
export function localGraphiQLOptions(): GraphiQLOptions {
  return {
    title: 'Frontline GraphiQL',
    defaultQuery: GRAPHIQL_QUERY,
    headers: JSON.stringify({ Authorization: `Bearer ${GRAPHIQL_DEMO_KEY}` }, null, 2),
  };
}

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

/**
 * Production builds use this module instead of worker/graphiql.ts (wrangler.toml `[alias]`): no
 * GraphiQL template, no page. Yoga is never asked to render it (GRAPHIQL_IN_BUILD is false).
 */
import type { GraphiQLOptions } from 'graphql-yoga';

export const GRAPHIQL_IN_BUILD = false;

export function renderLocalGraphiQL(_options: GraphiQLOptions): string {
  return '';
}

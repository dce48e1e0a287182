/**
 * Per-request DataLoaders: created on first use under a name, shared by every resolver of the
 * request, and dropped with its context. Batching per request is how nested fields that are not
 * relations (voice, trends, progress) stay a few statements per page instead of one per row.
 */
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../worker/context.ts';

const registry = new WeakMap<GraphQLContext, Map<string, unknown>>();

/**
 * The request's loader called `name`, made from `batch` (and `options`) the first time. A name
 * must always come with the same kind of loader: it is what tells loaders apart.
 */
export function requestLoader<K, V, C = K>(
  ctx: GraphQLContext,
  name: string,
  batch: DataLoader.BatchLoadFn<K, V>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  let loaders = registry.get(ctx);
  if (!loaders) registry.set(ctx, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<K, V, C> | undefined;
  if (!loader) loaders.set(name, (loader = new DataLoader(batch, options)));
  return loader;
}

/** The one Pothos builder: plugins, context type, scalars and Relay settings. */
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { relations, type Relations } from '../db/relations.ts';
import type { GraphQLContext } from '../worker/context.ts';
import { authScopesOf, unauthorizedError, type AuthContexts, type AuthScopes } from './auth-scopes.ts';
import { decodeId, encodeId } from './global-ids.ts';
import { isNodeType, nullWhenMissing } from './node-lookup.ts';

export interface PothosTypes {
  Context: GraphQLContext;
  DrizzleRelations: Relations;
  /** What a field may require (schema/auth-scopes.ts); a field needs all the scopes it lists. */
  AuthScopes: AuthScopes;
  AuthContexts: AuthContexts;
  DefaultAuthStrategy: 'all';
  /** Fields are non-null unless they say `nullable: true`. */
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
  };
}

/** Largest page a connection returns; `first` above it is an error that says so. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const builder: PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>> =
  new SchemaBuilder<PothosTypes>({
  // Scope auth first, so its check wraps the resolvers the other plugins build.
  plugins: [ScopeAuthPlugin, RelayPlugin, DrizzlePlugin],
  scopeAuth: {
    authScopes: authScopesOf,
    defaultStrategy: 'all',
    // Our scopes never throw (they read the authenticated principal), so nothing to treat as unauthorized.
    treatErrorsAsUnauthorized: false,
    unauthorizedError: (_parent, ctx, info) => unauthorizedError(ctx, info),
  },
  defaultFieldNullability: false,
  relay: {
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeId,
    decodeGlobalID: decodeId,
    // A node that does not exist in the caller's tenant (or at all) is null, never an error:
    // the two cases must look the same.
    nodeQueryOptions: {
      resolve: (_root, args, _ctx, info, resolveNode) =>
        isNodeType(info, args.id.typename) ? nullWhenMissing(resolveNode(args.id)) : null,
    },
    // The plugin's own `nodes` fails as a whole when one id is missing; resolve each id on its
    // own instead (the drizzle loader still batches them into one query per type).
    nodesQueryOptions: {
      resolve: (_root, args, ctx, info) =>
        args.ids.map((id) =>
          isNodeType(info, id.typename) ? nullWhenMissing(resolveNodes(builder, ctx, info, [id]).then(([node]) => node)) : null,
        ),
    },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

builder.queryType({});
builder.mutationType({});

/** The one Pothos builder: plugins, context type, scalars and Relay settings. */
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { relations, type Relations } from '../db/relations.ts';
import type { GraphQLContext } from '../worker/context.ts';
import { decodeId, encodeId } from './global-ids.ts';
import { nullWhenMissing } from './node-lookup.ts';

export interface PothosTypes {
  Context: GraphQLContext;
  DrizzleRelations: Relations;
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

export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [RelayPlugin, DrizzlePlugin],
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
      resolve: (_root, args, _ctx, _info, resolveNode) => nullWhenMissing(resolveNode(args.id)),
    },
    nodesQueryOptions: {
      resolve: async (_root, args, _ctx, _info, resolveNodes) =>
        (await resolveNodes(args.ids)).map((node) => nullWhenMissing(node)),
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

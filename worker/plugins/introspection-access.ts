/**
 * useIntrospectionAccess: refuses operations that introspect the schema (`__schema`, `__type`)
 * for callers who may not, after authentication (the decision depends on the credential) and
 * before anything runs. `__typename` stays open: clients need it and it reveals nothing.
 * Like GraphQL Armor's / envelop's disable-introspection, but decided per caller.
 */
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface IntrospectionAccessOptions<TContext> {
  /** Whether this request's caller may introspect. */
  allowed: (context: TContext) => boolean;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Whether any field of the document (unused fragments included) introspects the schema. */
export function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (INTROSPECTION_FIELDS.has(node.name.value)) found = true;
    },
  });
  return found;
}

export function useIntrospectionAccess<TContext extends object>(options: IntrospectionAccessOptions<TContext>): Plugin<TContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!introspects(args.document) || options.allowed(args.contextValue as TContext)) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Introspection (__schema, __type) is open to secret API keys only on this deployment. Use a secret key, or the published schema.', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          }),
        ],
      });
    },
  };
}

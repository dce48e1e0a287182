/**
 * useScopedTokenTypes: a scoped employee token (a widget's, living in a partner's browser) may
 * select fields only of the object types its scopes list (TOKEN_SCOPE_TYPES in
 * worker/auth/permissions.ts). Root fields already check their permission; this closes the doors
 * behind them: `node(id)`/`nodes` (the Node interface is not listed), and relations from an allowed
 * type to a person, team or tenant (`Suggestion.author`, `viewer.employee`). Checked on the whole
 * document before anything runs, so a refused request reads nothing and returns no partial data.
 */
import { getNamedType, GraphQLError, isCompositeType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { TOKEN_SCOPE_TYPES } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';

/** The first selection of a type the scopes do not allow, as "Parent.field (Type)"; null if none. */
export function firstForbiddenSelection(schema: GraphQLSchema, document: DocumentNode, allowed: ReadonlySet<string>): string | null {
  const typeInfo = new TypeInfo(schema);
  let found: string | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (found) return;
        const parent = typeInfo.getParentType();
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : null;
        // The parent catches inline fragments (`... on Employee`) under an allowed interface.
        if (parent && !allowed.has(parent.name)) found = `${parent.name}.${node.name.value}`;
        else if (named && isCompositeType(named) && !allowed.has(named.name)) found = `${parent?.name ?? '?'}.${node.name.value} (${named.name})`;
      },
    }),
  );
  return found;
}

export function useScopedTokenTypes<TContext extends { principal: Principal }>(): Plugin<TContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const principal = args.contextValue.principal;
      if (principal.kind !== 'employee' || !principal.scopes) return;
      const allowed = new Set(principal.scopes.flatMap((scope) => TOKEN_SCOPE_TYPES[scope]));
      const forbidden = firstForbiddenSelection(args.schema, args.document, allowed);
      if (!forbidden) return;
      const scopes = principal.scopes.map((scope) => scope.toUpperCase()).join(', ');
      setResultAndStopExecution({
        data: null,
        errors: [
          new GraphQLError(`Forbidden: a token scoped to ${scopes} cannot read ${forbidden}. Mint a token without scopes for that.`, {
            extensions: { code: 'FORBIDDEN' },
          }),
        ],
      });
    },
  };
}

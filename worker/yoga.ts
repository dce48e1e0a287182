/**
 * GraphQL over HTTP with graphql-yoga: authentication in the context factory, error masking, and
 * GraphiQL for local development only.
 */
import { GraphQLError } from 'graphql';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { createDatabase } from '../db/client.ts';
import { UserErrors } from '../domain/errors.ts';
import { schema } from '../schema/index.ts';
import { authenticate } from './auth/authenticate.ts';
import type { Principal } from './auth/principal.ts';
import { createGraphQLContext, type GraphQLContext, type RequestStats } from './context.ts';
import { isLocal, type Env } from './env.ts';

export interface ServerContext {
  env: Env;
  executionCtx: ExecutionContext;
  stats: RequestStats;
  /** Set when the caller was authenticated before GraphQL (widget requests, worker/widgets.ts). */
  principal?: Principal;
}

/** The demo admin key of the first seeded tenant, pre-filled in local GraphiQL. */
export const GRAPHIQL_DEMO_KEY = 'fl_sk_dev_brewline_admin';

const GRAPHIQL_QUERY = `# Frontline: the header below uses the demo admin key of Brewline Coffee.
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

export const yoga = createYoga<ServerContext, GraphQLContext>({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  batching: false,
  graphiql: (_request, { env }) =>
    isLocal(env)
      ? {
          title: 'Frontline GraphiQL',
          defaultQuery: GRAPHIQL_QUERY,
          headers: JSON.stringify({ Authorization: `Bearer ${GRAPHIQL_DEMO_KEY}` }, null, 2),
        }
      : false,
  maskedErrors: { maskError },
  context: async ({ request, env, executionCtx, stats, principal }: YogaInitialContext & ServerContext) => {
    const waitUntil = (promise: Promise<unknown>) => executionCtx.waitUntil(promise);
    if (principal) return createGraphQLContext({ env, principal, stats, waitUntil });
    const result = await authenticate(request.headers.get('Authorization'), {
      env,
      db: createDatabase(env.DB),
      waitUntil,
    });
    if (!result.ok) {
      throw new GraphQLError(result.reason, {
        extensions: {
          code: 'UNAUTHENTICATED',
          http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="frontline"' } },
        },
      });
    }
    return createGraphQLContext({ env, principal: result.principal, stats, waitUntil });
  },
});

/**
 * Errors we raise on purpose are GraphQLErrors with an `extensions.code`, and pass through.
 * Pothos's argument checks (page size, cursor) become BAD_USER_INPUT. Everything else (a bug, a
 * database failure) is logged and replaced by a generic message: no stack, no SQL.
 */
function maskError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    // Expected failures thrown by a query (not a mutation payload): bad arguments.
    if (original instanceof UserErrors) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'BAD_USER_INPUT', fields: original.errors.map((problem) => problem.path) },
      });
    }
    // Pothos's errors are GraphQLErrors too: only its argument checks are meant for clients.
    if (original?.name === 'PothosValidationError') {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const intended = !original || (original instanceof GraphQLError && !original.name.startsWith('Pothos'));
    if (intended) return error;
  }
  console.error('Unexpected error', error);
  const path = error instanceof GraphQLError ? error.path : undefined;
  return new GraphQLError(message, { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * GraphQL over HTTP with graphql-yoga: authentication in the context factory, error masking, and
 * GraphiQL for local development only.
 */
import { PothosError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { createDatabase } from '../db/client.ts';
import { UserErrors } from '../domain/errors.ts';
import { schema } from '../schema/index.ts';
import { authenticate } from './auth/authenticate.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { corsOptions } from './cors.ts';
import { renderLocalGraphiQL } from './graphiql.ts';
import { requestNow } from './clock.ts';
import type { Principal } from './auth/principal.ts';
import { createGraphQLContext, type GraphQLContext, type RequestStats } from './context.ts';
import { isLocal, type Env } from './env.ts';
import { useNoSchemaHints } from './plugins/no-schema-hints.ts';
import { useOperationLimits } from './plugins/operation-limits.ts';
import { useApiRateLimits } from './plugins/rate-limits.ts';
import { useJsonGetParams } from './plugins/get-params.ts';
import { failedAuthenticationError } from './auth/failed-authentication.ts';
import { useScopedTokenTypes } from './plugins/scoped-token-types.ts';

export interface ServerContext {
  env: Env;
  executionCtx: ExecutionContext;
  stats: RequestStats;
  /** The D1 binding without statement counting, for background bookkeeping (see authenticate). */
  backgroundD1?: D1Database;
  /** Set by the context factory once the request's credential has been verified. */
  credential: { verified: boolean };
  /** Set when the caller was authenticated before GraphQL (widget requests, worker/widgets.ts). */
  principal?: Principal;
  /** The request clock when the caller already read it (widget requests); otherwise read here. */
  now?: Date;
}

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

export const yoga = createYoga<ServerContext, GraphQLContext>({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  batching: false,
  // Yoga types the CORS factory's server context as unknown; it is our ServerContext.
  cors: (request, serverContext) => (hasEnv(serverContext) ? corsOptions(request, serverContext.env) : false),
  graphiql: (_request, { env }) =>
    isLocal(env)
      ? {
          title: 'Frontline GraphiQL',
          defaultQuery: GRAPHIQL_QUERY,
          headers: JSON.stringify({ Authorization: `Bearer ${GRAPHIQL_DEMO_KEY}` }, null, 2),
        }
      : false,
  // Local files instead of a CDN (worker/graphiql.ts), so GraphiQL works offline.
  renderGraphiQL: renderLocalGraphiQL,
  maskedErrors: { maskError },
  plugins: [
    // GET's variables/extensions must be JSON: 400, not a masked unexpected error (found by fuzzing).
    useJsonGetParams(),
    // Defaults in worker/plugins/operation-limits.ts and the README's "Limits" section.
    useOperationLimits<ServerContext>({
      pageSizes: { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE },
      exposeLimits: ({ env }) => isLocal(env),
    }),
    // Per credential and operation class, once the credential is known, before any resolver runs.
    useApiRateLimits<ServerContext & GraphQLContext>({ pageSizes: { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE } }),
    // Scoped employee tokens (widgets) select only their scopes' types (TOKEN_SCOPE_TYPES).
    useScopedTokenTypes<ServerContext & GraphQLContext>(),
    // "Did you mean ...?" only for verified callers in development and tests.
    useNoSchemaHints<ServerContext>({
      shouldStrip: async (request, server) => !isLocal(server.env) || !(server.credential.verified || (await credentialVerifies(request, server))),
    }),
  ],
  context: async ({ request, env, executionCtx, credential, backgroundD1, principal, now: readNow }: YogaInitialContext & ServerContext) => {
    const waitUntil = (promise: Promise<unknown>) => executionCtx.waitUntil(promise);
    const now = readNow ?? requestNow(request.headers, env);
    // Widget requests were authenticated before GraphQL, by their publishable key (worker/widgets.ts).
    if (principal) return createGraphQLContext({ env, principal, waitUntil, now });
    const result = await authenticate(request.headers.get('Authorization'), {
      env,
      db: createDatabase(env.DB),
      backgroundDb: backgroundD1 ? createDatabase(backgroundD1) : undefined,
      waitUntil,
      now,
    });
    // 401, slowed or refused with 429 when this client keeps failing (worker/auth/failed-authentication.ts).
    if (!result.ok) throw await failedAuthenticationError(request, env, result.reason);
    credential.verified = true;
    return createGraphQLContext({ env, principal: result.principal, waitUntil, now, rateLimitTier: result.rateLimitTier });
  },
});

/**
 * Whether the request carries a valid credential, for errors raised before the context factory
 * authenticated it (validation). Only asked locally, and only when an error has a suggestion.
 */
async function credentialVerifies(request: Request, { env, executionCtx }: ServerContext): Promise<boolean> {
  const header = request.headers.get('Authorization');
  if (!header) return false;
  const waitUntil = (promise: Promise<unknown>) => executionCtx.waitUntil(promise);
  const result = await authenticate(header, { env, db: createDatabase(env.DB), waitUntil, now: requestNow(request.headers, env) });
  return result.ok;
}

function hasEnv(value: unknown): value is Pick<ServerContext, 'env'> {
  return typeof value === 'object' && value !== null && 'env' in value;
}

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
    if (original instanceof PothosValidationError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const intended = !original || (original instanceof GraphQLError && !(original instanceof PothosError));
    if (intended) return error;
  }
  console.error('Unexpected error', error);
  const path = error instanceof GraphQLError ? error.path : undefined;
  return new GraphQLError(message, { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

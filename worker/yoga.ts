/**
 * GraphQL over HTTP with graphql-yoga: authentication in the context factory, error masking, and
 * GraphiQL for local development only.
 */
import { PothosError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { createDatabase } from '../db/client.ts';
import { ServiceError, UserErrors } from '../domain/errors.ts';
import { schema } from '../schema/index.ts';
import { authenticate } from './auth/authenticate.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/builder.ts';
import { corsOptions } from './cors.ts';
import { localGraphiQLOptions, renderLocalGraphiQL } from './graphiql.ts';
import { requestNow } from './clock.ts';
import type { Principal } from './auth/principal.ts';
import { createGraphQLContext, type GraphQLContext, type RequestStats } from './context.ts';
import { isLocal, type Env } from './env.ts';
import { useCsrfPrevention } from './plugins/csrf-prevention.ts';
import { useIntrospectionAccess } from './plugins/introspection-access.ts';
import { mayIntrospect, securitySettings } from './security-settings.ts';
import { useNoSchemaHints } from './plugins/no-schema-hints.ts';
import { useRequestLog } from './plugins/request-log.ts';
import type { RequestLog } from './request-log.ts';
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
  /** The request's log line (worker/request-log.ts), filled in as GraphQL learns who and what. */
  log?: RequestLog;
}

/**
 * Set to true by wrangler.toml's `[define]` for the deployed build, where esbuild folds the two
 * GraphiQL branches below away and worker/graphiql.ts with them (so the test is written out at
 * each, not in a function esbuild would not inline). `npm start` defines it false; in tests the
 * pool makes defines globals and test/setup.ts sets it false, so the GraphiQL tests still run.
 */
declare const __FRONTLINE_NO_GRAPHIQL__: boolean | undefined;

export const yoga = createYoga<ServerContext, GraphQLContext>({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  batching: false,
  // Yoga types the CORS factory's server context as unknown; it is our ServerContext.
  cors: (request, serverContext) => (hasEnv(serverContext) ? corsOptions(request, serverContext.env) : false),
  // GraphiQL only where the settings allow it and the build carries it (worker/graphiql.ts).
  graphiql: (_request, { env }) =>
    (typeof __FRONTLINE_NO_GRAPHIQL__ === 'undefined' || !__FRONTLINE_NO_GRAPHIQL__) && securitySettings(env).graphiql ? localGraphiQLOptions() : false,
  // Local files instead of a CDN (worker/graphiql.ts), so GraphiQL works offline.
  renderGraphiQL: (options) => (typeof __FRONTLINE_NO_GRAPHIQL__ === 'undefined' || !__FRONTLINE_NO_GRAPHIQL__ ? renderLocalGraphiQL(options) : ''),
  maskedErrors: { maskError },
  plugins: [
    // Form and text/plain POSTs never run: worker/plugins/csrf-prevention.ts.
    useCsrfPrevention(),
    // Operation name and type, error codes: into the request's log line (worker/request-log.ts).
    useRequestLog(),
    // GET's variables/extensions must be JSON: 400, not a masked unexpected error (found by fuzzing).
    useJsonGetParams(),
    // Defaults in worker/plugins/operation-limits.ts and the README's "Limits" section.
    useOperationLimits<ServerContext>({
      pageSizes: { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE },
      exposeLimits: ({ env }) => isLocal(env),
      onMeasured: ({ log }, measure) => log?.noteCost(measure.cost),
    }),
    // Per credential and operation class, once the credential is known, before any resolver runs.
    useApiRateLimits<ServerContext & GraphQLContext>({ pageSizes: { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE } }),
    // Scoped employee tokens (widgets) select only their scopes' types (TOKEN_SCOPE_TYPES).
    useScopedTokenTypes<ServerContext & GraphQLContext>(),
    // "Did you mean ...?" only for verified callers, and only where SCHEMA_HINTS allows (not in production).
    useNoSchemaHints<ServerContext>({
      shouldStrip: async (request, server) =>
        !securitySettings(server.env).schemaHints || !(server.credential.verified || (await credentialVerifies(request, server))),
    }),
    // Introspection: secret API keys only in production (INTROSPECTION, worker/security-settings.ts).
    useIntrospectionAccess<GraphQLContext>({ allowed: (context) => mayIntrospect(securitySettings(context.env), context.principal) }),
  ],
  context: async ({ request, env, executionCtx, credential, backgroundD1, principal, now: readNow, log }: YogaInitialContext & ServerContext) => {
    const waitUntil = (promise: Promise<unknown>) => executionCtx.waitUntil(promise);
    const now = readNow ?? requestNow(request.headers, env);
    // Widget requests were authenticated before GraphQL, by their publishable key (worker/widgets.ts).
    if (principal) {
      log?.notePrincipal(principal);
      return createGraphQLContext({ env, principal, waitUntil, now });
    }
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
    log?.notePrincipal(result.principal);
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
 * Errors we raise on purpose are GraphQLErrors with an `extensions.code`, and pass through; so do
 * ServiceErrors (AI_NOT_CONFIGURED, AI_UNAVAILABLE), with their own code. Pothos's argument checks
 * (page size, cursor) become BAD_USER_INPUT. Everything else (a bug, a database failure) is logged
 * and replaced by a generic message: no stack, no SQL.
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
    // An outside service (Workers AI) is missing or failed: its own code and message, nothing of the service's.
    if (original instanceof ServiceError) {
      return new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: { code: original.code } });
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

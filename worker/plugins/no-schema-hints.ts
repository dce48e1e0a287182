/**
 * useNoSchemaHints: removes graphql-js's "Did you mean ...?" suggestions from error messages for
 * callers who should not learn the schema by guessing (anonymous callers, and everyone in
 * production). Validation runs before authentication, so without this an anonymous
 * `{ employe { id } }` answers `Did you mean "employees"?`. Like GraphQL Armor's
 * block-field-suggestions, but decided per request.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface NoSchemaHintsOptions<TServerContext> {
  /**
   * Whether this request's errors lose their suggestions. Called only when an error carries one.
   * @default () => true
   */
  shouldStrip?: (request: Request, serverContext: TServerContext) => boolean | Promise<boolean>;
}

/** graphql-js appends suggestions as the message's last sentence: ` Did you mean "a", "b", or "c"?`. */
const SUGGESTION = /\s*Did you mean [^]*\?$/;

export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, '');
}

function stripError(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  return new GraphQLError(withoutSuggestion(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

function hasSuggestion(result: ExecutionResult): boolean {
  return result.errors?.some((error) => SUGGESTION.test(error.message)) === true;
}

function stripResult<T extends ExecutionResult>(result: T): T {
  return hasSuggestion(result) ? { ...result, errors: result.errors?.map(stripError) } : result;
}

export function useNoSchemaHints<TServerContext extends object>(options: NoSchemaHintsOptions<TServerContext> = {}): Plugin<object, TServerContext> {
  const shouldStrip = options.shouldStrip ?? (() => true);
  return {
    async onResultProcess({ request, result, setResult, serverContext }) {
      // Single results and batches; streamed results (subscriptions, @defer) are not served here.
      if (Symbol.asyncIterator in result) return;
      const results = Array.isArray(result) ? result : [result];
      if (!results.some(hasSuggestion)) return;
      if (!(await shouldStrip(request, serverContext))) return;
      setResult(Array.isArray(result) ? result.map(stripResult) : stripResult(result));
    },
  };
}

/**
 * useOperationLimits: refuses oversized operations before they execute, and before authentication
 * or any database work. Modelled on graphql-yoga's plugins (and GraphQL Armor's max-depth,
 * max-aliases, max-tokens and cost-limit), but one walker measures everything over the document
 * with fragments expanded, and the cost counts connection page sizes (see operation-cost.ts).
 *
 * Two stages:
 * 1. parse: an iterative lexer scan bounds tokens and bracket nesting first, so the recursive
 *    parser never sees a document deep enough to overflow its stack;
 * 2. validate (before graphql's own rules, some of which are quadratic in the number of fields):
 *    depth, aliases and cost of the operation that will run, with the request's variables.
 *
 * Refusals are GraphQL errors with a stable `extensions.code` and HTTP 400 (200 for clients that
 * accept only application/json, as for any validation error). The message names the
 * limit; the measured value and the limit's value are included only where `exposeLimits` says so
 * (local development), so production does not teach an attacker where the edges are.
 */
import { GraphQLError, parse, type DocumentNode, type ParseOptions, type Source } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { measureOperation, selectOperation, type OperationMeasure, type PageSizes } from './operation-cost.ts';
import { scanSource } from './source-scan.ts';

export interface OperationLimitsOptions<TContext = YogaInitialContext> {
  /**
   * Fields nested inside each other, fragments expanded. GraphiQL's introspection query is 15.
   * @default 20
   */
  maxDepth?: number;
  /**
   * Aliased fields in the operation, fragments expanded.
   * @default 30
   */
  maxAliases?: number;
  /**
   * Lexical tokens in the document (comments excluded).
   * @default 2000
   */
  maxTokens?: number;
  /**
   * Brackets nested inside one argument or variable default (`[[...]]`, `{ a: { ... } }`).
   * @default 10
   */
  maxValueNesting?: number;
  /**
   * Fields resolved, counting a connection's rows: `employees(first: 100) { edges { node { name } } }`
   * costs 1 + 1 + 100 * (1 + 1) = 202.
   * @default 50000
   */
  maxCost?: number;
  /**
   * Page sizes used to count connections without `first`/`last` and to clamp larger ones.
   * @default { defaultPageSize: 20, maxPageSize: 100 }
   */
  pageSizes?: PageSizes;
  /**
   * Whether refusals state the measured value and the limit (for local development).
   * @default false
   */
  exposeLimits?: boolean | ((context: TContext) => boolean);
  /** Told the measure of every operation that gets this far (the request log records its cost). */
  onMeasured?: (context: TContext, measure: OperationMeasure) => void;
}

export type OperationLimitCode = 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_TOKENS' | 'VALUE_TOO_DEEP' | 'QUERY_TOO_COMPLEX';

export const OPERATION_LIMIT_DEFAULTS = {
  maxDepth: 20,
  maxAliases: 30,
  maxTokens: 2000,
  maxValueNesting: 10,
  maxCost: 50_000,
  pageSizes: { defaultPageSize: 20, maxPageSize: 100 },
} as const;

const DESCRIPTIONS: Record<OperationLimitCode, string> = {
  QUERY_TOO_DEEP: 'The operation nests fields too deeply (maximum depth)',
  TOO_MANY_ALIASES: 'The operation uses too many aliases (maximum aliases)',
  TOO_MANY_TOKENS: 'The operation is too long (maximum tokens)',
  VALUE_TOO_DEEP: 'An argument value is nested too deeply (maximum value nesting)',
  QUERY_TOO_COMPLEX: 'The operation would read too much (maximum cost; connections count each row of their page)',
};

/** The error a refused operation gets: HTTP 400, a stable code, and what to change. */
export function operationLimitError(code: OperationLimitCode, measured: number, limit: number, expose: boolean): GraphQLError {
  const detail = expose ? `: ${measured} > ${limit}` : '';
  return new GraphQLError(`${DESCRIPTIONS[code]}${detail}. Split it into smaller operations or request smaller pages.`, {
    // `spec`: like parse and validation errors, GraphQL over HTTP status rules apply: 400 for
    // application/graphql-response+json, 200 for legacy application/json clients.
    extensions: { code, http: { status: 400, spec: true } },
  });
}

export function useOperationLimits<TContext extends object = object>(
  options: OperationLimitsOptions<YogaInitialContext & TContext> = {},
): Plugin<TContext> {
  const limits = { ...OPERATION_LIMIT_DEFAULTS, ...options };
  const exposeFor = (context: YogaInitialContext & TContext): boolean =>
    typeof limits.exposeLimits === 'function' ? limits.exposeLimits(context) : limits.exposeLimits === true;

  return {
    onParse({ context, parseFn, setParseFn }) {
      setParseFn((source: string | Source, parseOptions?: ParseOptions): DocumentNode => {
        const text = typeof source === 'string' ? source : source.body;
        const scan = scanSource(text, {
          maxTokens: limits.maxTokens,
          // Selection braces can exceed field depth only through inline fragments; the precise
          // depth (fragments expanded) is measured after parsing.
          maxSelectionNesting: limits.maxDepth * 2,
          maxValueNesting: limits.maxValueNesting,
        });
        if (!scan.ok) {
          const code: OperationLimitCode = scan.limit === 'tokens' ? 'TOO_MANY_TOKENS' : scan.limit === 'valueNesting' ? 'VALUE_TOO_DEEP' : 'QUERY_TOO_DEEP';
          const limit = scan.limit === 'tokens' ? limits.maxTokens : scan.limit === 'valueNesting' ? limits.maxValueNesting : limits.maxDepth * 2;
          throw operationLimitError(code, scan.count, limit, exposeFor(context));
        }
        // graphql-js's own token bound as well, should the scan and the parser ever disagree.
        return parseFn === parse ? parse(source, { ...parseOptions, maxTokens: limits.maxTokens }) : parseFn(source, parseOptions);
      });
    },
    // Throws rather than `setResult`: yoga caches validation results per document, and this
    // verdict depends on the variables too, so it must never enter that cache.
    onValidate({ context, params }) {
      const operation = selectOperation(params.documentAST, context.params.operationName);
      // No operation to run (ambiguous or unknown name): graphql's validation and execution report it.
      if (!operation) return;
      const measure = measureOperation(params.schema, params.documentAST, operation, context.params.variables, limits.pageSizes);
      options.onMeasured?.(context, measure);
      const expose = exposeFor(context);
      if (measure.depth > limits.maxDepth) throw operationLimitError('QUERY_TOO_DEEP', measure.depth, limits.maxDepth, expose);
      if (measure.aliases > limits.maxAliases) throw operationLimitError('TOO_MANY_ALIASES', measure.aliases, limits.maxAliases, expose);
      if (measure.cost > limits.maxCost) throw operationLimitError('QUERY_TOO_COMPLEX', measure.cost, limits.maxCost, expose);
    },
  };
}

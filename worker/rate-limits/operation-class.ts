/**
 * Which rate-limit class an operation counts against. Pure: a document and the schema in, a class
 * out. Every operation counts against exactly one class:
 *
 * - `expensive`: a root field that reads or writes in bulk (imports, trends, summary previews and
 *   runs, incentive evaluation, top-reward approval) or calls an AI model (theme proposals), or any
 *   operation whose measured cost (the operation-limits plugin's measure,
 *   worker/plugins/operation-cost.ts) is at least EXPENSIVE_COST: e.g. 100 suggestions with 20
 *   comments each (about 34,500);
 * - `mutation`: any other mutation;
 * - `query`: any other query (introspection included).
 */
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { measureOperation, selectOperation, type PageSizes } from '../plugins/operation-cost.ts';

export type OperationClass = 'query' | 'mutation' | 'expensive';

/**
 * Root fields that cost far more than a page read: each aggregates a period of records or writes
 * up to hundreds of rows. Named here (not measured) because their cost is in SQL aggregates the
 * field-count measure cannot see.
 */
export const EXPENSIVE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'complaintTrends',
  'frictionTrends',
  'previewSummary',
  'importComplaintRecords',
  'runSummaries',
  'evaluateIncentiveProgram',
  'approveTopRewards',
  // A Workers AI call per request (billed per use), besides its two reads.
  'themeProposals',
]);

/** A measured cost from which an operation counts as expensive (the refusal limit is 50,000). */
export const EXPENSIVE_COST = 10_000;

export function classifyOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  pageSizes: PageSizes,
): OperationClass {
  const operation = selectOperation(document, operationName);
  // No runnable operation: execution answers with an error and touches nothing; count it as a query.
  if (!operation) return 'query';
  if (rootFieldNames(document, operation).some((name) => EXPENSIVE_ROOT_FIELDS.has(name))) return 'expensive';
  if (measureOperation(schema, document, operation, variables, pageSizes).cost >= EXPENSIVE_COST) return 'expensive';
  return operation.operation === 'mutation' ? 'mutation' : 'query';
}

/** The operation's root fields, through fragments and inline fragments (each fragment once). */
function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const names: string[] = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

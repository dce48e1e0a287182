/**
 * Which rate-limit class an operation counts against, and how many units. Pure: a document and the
 * schema in, a charge out. Every operation counts against exactly one class:
 *
 * - `expensive`: a root field that reads or writes in bulk (imports, trends, summary previews and
 *   runs, incentive evaluation, top-reward approval) or calls an AI model (theme proposals), or any
 *   operation whose measured cost (the operation-limits plugin's measure,
 *   worker/plugins/operation-cost.ts) is at least EXPENSIVE_COST: e.g. 100 suggestions with 20
 *   comments each (about 34,500);
 * - `mutation`: any other mutation;
 * - `query`: any other query (introspection included).
 *
 * An operation counts once, except that each expensive root field it selects counts once (the
 * charge's `units`): aliases would otherwise run thirty trends, imports or AI calls for one count.
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
  // A Workers AI call per selection (billed per use), besides its two reads.
  'themeProposals',
]);

/** A measured cost from which an operation counts as expensive (the refusal limit is 50,000). */
export const EXPENSIVE_COST = 10_000;

/** What an operation is charged: its class, and how many units of that class's limit. */
export interface OperationCharge {
  readonly operationClass: OperationClass;
  /**
   * One, or for an operation with expensive root fields one per field it runs. GraphQL runs fields
   * that share a response key once, so those are counted by key: `{ a: complaintTrends b:
   * complaintTrends }` is two, the same field twice is one. A field under `@skip`/`@include` counts
   * whatever the condition (the safe side).
   */
  readonly units: number;
}

export function chargeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  pageSizes: PageSizes,
): OperationCharge {
  const operation = selectOperation(document, operationName);
  // No runnable operation: execution answers with an error and touches nothing; count it as a query.
  if (!operation) return { operationClass: 'query', units: 1 };
  const expensiveKeys = new Set(rootFields(document, operation).filter((field) => EXPENSIVE_ROOT_FIELDS.has(field.name)).map((field) => field.responseKey));
  if (expensiveKeys.size > 0) return { operationClass: 'expensive', units: expensiveKeys.size };
  if (measureOperation(schema, document, operation, variables, pageSizes).cost >= EXPENSIVE_COST) return { operationClass: 'expensive', units: 1 };
  return { operationClass: operation.operation === 'mutation' ? 'mutation' : 'query', units: 1 };
}

interface RootField {
  name: string;
  /** The alias, or the name: fields with the same key are merged and run once. */
  responseKey: string;
}

/** The operation's root fields, through fragments and inline fragments (each fragment once). */
function rootFields(document: DocumentNode, operation: OperationDefinitionNode): RootField[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const fields: RootField[] = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push({ name: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value });
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return fields;
}

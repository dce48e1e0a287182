/**
 * Measures an operation the way the database will feel it: depth (fields nested), aliases, and a
 * cost where every field resolved counts 1, multiplied by how many times it resolves. A Relay
 * connection resolves its `edges`/`nodes` once per row of the page (`first` or `last`, the default
 * page size when absent), so nested connections multiply. Fragments and inline fragments are
 * expanded (each fragment measured once, memoised, so a "fragment bomb" costs nothing to measure),
 * and nothing is exempt by name: `__schema`, `__type` and operations or fragments called
 * `__schema` are measured like any other field (the GraphQL Armor depth-limit bypass of 2025 came
 * from skipping them by name).
 */
import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface PageSizes {
  /** Rows a connection returns when the client gives no `first`/`last`. */
  defaultPageSize: number;
  /** The largest page the server serves; larger requests are counted at this size. */
  maxPageSize: number;
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/** The operation a request runs: the named one, or the only one. Undefined when ambiguous. */
export function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  pages: PageSizes,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const memo = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();
  const zero: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };

  /** An integer argument's value: a literal, or a variable (its value, else its default). */
  const intArgument = (field: FieldNode, name: string): number | undefined => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name);
    if (!argument) return undefined;
    return intValue(argument.value);
  };
  const intValue = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      if (typeof given === 'number') return given;
      const fallback = variableDefaults.get(value.name.value);
      return fallback && fallback.kind !== Kind.VARIABLE ? intValue(fallback) : undefined;
    }
    return undefined;
  };
  const listLength = (field: FieldNode, name: string): number | undefined => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name);
    if (!argument) return undefined;
    if (argument.value.kind === Kind.LIST) return argument.value.values.length;
    if (argument.value.kind === Kind.VARIABLE) {
      const given = variables?.[argument.value.name.value];
      return Array.isArray(given) ? given.length : undefined;
    }
    return 1;
  };
  const clampPage = (size: number | undefined): number =>
    size === undefined ? pages.defaultPageSize : Math.max(0, Math.min(size, pages.maxPageSize));

  /**
   * `pageSize` is set while measuring a connection type's own selection set: its list fields
   * (`edges`, `nodes`) resolve once per row of that page.
   */
  const measureSet = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType | undefined, pageSize: number | undefined): OperationMeasure => {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FIELD) {
        part = measureField(selection, parentType, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeCondition = selection.typeCondition ? compositeType(schema, selection.typeCondition.name.value) : parentType;
        part = measureSet(selection.selectionSet, typeCondition, pageSize);
      } else {
        part = measureFragment(selection.name.value, pageSize);
      }
      depth = Math.max(depth, part.depth);
      aliases += part.aliases;
      cost += part.cost;
    }
    return { depth, aliases, cost };
  };

  const measureFragment = (name: string, pageSize: number | undefined): OperationMeasure => {
    const key = `${name}|${pageSize ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic fragments: validation refuses the document; count nothing here.
    if (!fragment || inProgress.has(key)) return zero;
    inProgress.add(key);
    const measured = measureSet(fragment.selectionSet, compositeType(schema, fragment.typeCondition.name.value), pageSize);
    inProgress.delete(key);
    memo.set(key, measured);
    return measured;
  };

  const measureField = (field: FieldNode, parentType: GraphQLCompositeType | undefined, pageSize: number | undefined): OperationMeasure => {
    const definition = parentType ? fieldDefinition(schema, parentType, field.name.value) : undefined;
    const aliases = field.alias ? 1 : 0;
    if (!field.selectionSet) return { depth: 1, aliases, cost: 1 };
    const returnType = definition ? getNamedType(definition.type) : undefined;
    const childType = returnType && isCompositeType(returnType) ? returnType : undefined;
    // Introspection reads the in-memory schema, not the database: its lists are not multiplied
    // (depth and tokens still bound it), so GraphiQL can load the schema.
    const introspection = field.name.value.startsWith('__') || parentType?.name.startsWith('__') === true;

    let childPageSize: number | undefined;
    let multiplier = 1;
    if (definition && isConnection(definition)) {
      childPageSize = clampPage(intArgument(field, 'first') ?? intArgument(field, 'last'));
    } else if (definition && returnsList(definition.type) && !introspection) {
      // `edges`/`nodes` of a connection: once per row of the page. `nodes(ids:)`: once per id.
      // Any other list of objects: assume a default page of them.
      multiplier = pageSize ?? listLength(field, 'ids') ?? pages.defaultPageSize;
    }
    const children = measureSet(field.selectionSet, childType, childPageSize);
    // Aliases are counted per document (what the client wrote, fragments expanded), not per row.
    return { depth: 1 + children.depth, aliases: aliases + children.aliases, cost: 1 + children.cost * multiplier };
  };

  return measureSet(operation.selectionSet, rootType(schema, operation), undefined);
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType | undefined {
  if (operation.operation === 'mutation') return schema.getMutationType() ?? undefined;
  if (operation.operation === 'subscription') return schema.getSubscriptionType() ?? undefined;
  return schema.getQueryType() ?? undefined;
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType | undefined {
  const type = schema.getType(name);
  return type && isCompositeType(type) ? type : undefined;
}

function fieldDefinition(schema: GraphQLSchema, parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/** A Relay connection field: takes `first` and returns a type with `edges`. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return field.args.some((argument) => argument.name === 'first') && isObjectType(type) && 'edges' in type.getFields();
}

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

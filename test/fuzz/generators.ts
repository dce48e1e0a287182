/**
 * fast-check generators for hostile requests (test/fuzz/hostile-requests.test.ts): operations built
 * by walking the schema (wrong types, missing arguments, huge strings, other tenants' ids),
 * structural bombs (aliases, depth, tokens, fragment cycles), malformed HTTP bodies, and widget
 * requests. Generators draw with fast-check's `fc.gen()`, so a run is reproducible from its seed and
 * a failure shrinks.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export type Draw = fc.GeneratorValue;

/**
 * One of `values`, drawn by `g` as an index: fast-check records every drawn value for its report,
 * and schema objects (fields, types) are far too large and cyclic to record.
 */
export function pick<const T extends readonly unknown[]>(g: Draw, ...values: T): T[number] {
  if (values.length === 0) throw new Error('pick from nothing');
  return values[roll(g, values.length - 1)];
}

/**
 * A uniform integer in [min, max], for choosing what to generate. fast-check biases integers
 * toward their bounds (good for values, which keep that bias), which would skew the mix of kinds.
 */
export function roll(g: Draw, max: number, min = 0): number {
  return g(() => fc.noBias(fc.integer({ min, max })));
}

/** What a request may carry, and whether an operation it runs could write. */
export interface Credential {
  name: string;
  /** The Authorization header, or null for none. */
  authorization: string | null;
  /**
   * Whether a valid mutation with this credential could change data. Such credentials only get
   * mutations that cannot run (a required argument missing or of the wrong kind) or whose every
   * id belongs to another tenant (which must be answered as not found).
   */
  canWrite: boolean;
}

export interface FuzzWorld {
  schema: GraphQLSchema;
  credentials: Credential[];
  /** Global ids of the victim tenant's records: the fuzzed tenant must never reach them. */
  foreignIds: string[];
  /** Global ids of the fuzzed tenant's own records. */
  ownIds: string[];
}

export interface FuzzRequest {
  /** What kind of hostility this is, for the report. */
  kind: string;
  request: Request;
}

/**
 * Text the answers must never contain: generated strings avoid it so an echo of the input is not
 * mistaken for a leak (see FORBIDDEN_IN_ANSWERS in the test).
 */
const FORBIDDEN_IN_INPUT = /select|sqlite|d1_|pothos|drizzle|\.ts\b|\.js\b|node_modules|\bat \S/i;

const HOSTILE_CONSTANTS = [
  "' OR '1'='1",
  '"; DROP TABLE tenants; --',
  '<script>alert(1)</script>',
  '\u0000',
  '%00%0d%0a',
  '../../../../etc/passwd',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '\u202e\u200b\ufeff',
  '🙂'.repeat(50),
  'a\nb\r\nc\td',
  '-1',
  '9999999999999999999999',
  'NaN',
  'null',
  '',
  ' ',
];

export function hostileString(g: Draw): string {
  const choice = roll(g, 9);
  let text: string;
  if (choice <= 2) text = g(fc.string, { maxLength: 40 });
  else if (choice <= 4) text = g(fc.string, { unit: 'binary', maxLength: 40 });
  else if (choice <= 7) text = pick(g, ...HOSTILE_CONSTANTS);
  else if (choice === 8) text = 'x'.repeat(g(fc.integer, { min: 200, max: 5_000 }));
  // Huge: near or past the 256 KiB body limit (refused with 413 before anything else runs).
  else text = 'y'.repeat(pick(g, 20_000, 120_000, 300_000));
  return FORBIDDEN_IN_INPUT.test(text) ? 'scrubbed' : text;
}

/** An enum value in a literal (printed bare, not quoted). */
class EnumValue {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

type Value = string | number | boolean | null | EnumValue | Value[] | { [field: string]: Value };

/** A GraphQL literal for a value (strings as JSON strings, which GraphQL reads the same way). */
export function literal(value: Value): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, field]) => `${key}: ${literal(field)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return '0';
  return JSON.stringify(value);
}

/** The JSON form of a value, for variables (enum values as their names). */
function json(value: Value): unknown {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return value.map(json);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, json(field)]));
  return value;
}

function garbageId(g: Draw): string {
  return pick(g, 'VGVhbTp0ZWFtX25vcGU', 'not-an-id', '', '!!!', btoa('Employee:'), btoa('Tenant:ten_x:y'), 'A'.repeat(300), btoa('Nope:emp_1'));
}

/** A value of the right type, hostile inside its type (huge strings, extreme numbers, foreign ids). */
function valueOf(g: Draw, world: FuzzWorld, type: GraphQLInputType, depth: number, idPool: 'any' | 'foreign'): Value {
  if (isNonNullType(type)) return valueOf(g, world, type.ofType, depth, idPool);
  if (isListType(type)) {
    const length = depth > 2 ? roll(g, 1) : roll(g, 3);
    return Array.from({ length }, () => valueOf(g, world, type.ofType, depth + 1, idPool));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return new EnumValue(pick(g, ...values));
  }
  if (isInputObjectType(type)) {
    const object: Record<string, Value> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (depth < 3 && roll(g, 1) === 1)) object[field.name] = valueOf(g, world, field.type, depth + 1, idPool);
    }
    return object;
  }
  switch (type.name) {
    case 'ID':
      if (idPool === 'foreign') return pick(g, ...world.foreignIds);
      return roll(g, 3) === 0 ? garbageId(g) : pick(g, ...world.foreignIds, ...world.ownIds);
    case 'Int':
      return g(() => fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 1_000_000)));
    case 'Float':
      return g(() => fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308)));
    case 'Boolean':
      return roll(g, 1) === 1;
    case 'DateTime':
      return pick(g, '2026-11-23T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', 'yesterday', '2026-11-23');
    case 'Date':
      return pick(g, '2026-11-23', '0000-01-01', '2026-13-01', '2026-11-23T00:00:00Z', '23/11/2026');
    default:
      return hostileString(g);
  }
}

/** A value no coercion accepts for `type`: the operation fails validation and never runs. */
function brokenValueOf(g: Draw, type: GraphQLInputType): Value {
  if (isNonNullType(type)) return roll(g, 1) === 1 ? null : brokenValueOf(g, type.ofType);
  if (isListType(type)) return [brokenValueOf(g, type.ofType)];
  if (isInputObjectType(type)) return pick(g, 42, true, 'an object was expected', 1.5);
  if (isEnumType(type)) return pick(g, 'lower_case_string', 7, false);
  if (isScalarType(type) && (type.name === 'Int' || type.name === 'Float')) return pick(g, 'twelve', 2 ** 53, true, { a: 1 });
  if (isScalarType(type) && type.name === 'Boolean') return pick(g, 1, 'yes');
  return { not: 'a scalar' };
}

/** The SDL spelling of an input type, for variable definitions. */
function typeName(type: GraphQLInputType): string {
  return type.toString();
}

function hasRequiredIdField(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  return Object.values(named.getFields()).some((field) => isNonNullType(field.type) && getNamedType(field.type).name === 'ID');
}

/** A selection set for a type: `__typename` and a few fields, nested a little. */
function selection(g: Draw, world: FuzzWorld, type: GraphQLOutputType, depth: number): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const possible = world.schema.getPossibleTypes(named);
    if (depth >= 3 || possible.length === 0) return '{ __typename }';
    const chosen = pick(g, ...possible);
    return `{ __typename ... on ${chosen.name} ${selection(g, world, chosen, depth + 1)} }`;
  }
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((field) => depth < 3 || isLeafType(getNamedType(field.type)));
  if (fields.length === 0) return '{ __typename }';
  const count = roll(g, Math.min(3, fields.length), 1);
  const chosen = [...new Set(Array.from({ length: count }, () => pick(g, ...fields)))];
  return `{ __typename ${chosen.map((field) => fieldCall(g, world, field, depth + 1, false)).join(' ')} }`;
}

/** A field with generated arguments (as literals) and a selection set. */
function fieldCall(g: Draw, world: FuzzWorld, field: GraphQLField<unknown, unknown>, depth: number, breakRequired: boolean): string {
  const args = argumentsFor(g, world, field.args, breakRequired, 'any');
  return `${field.name}${args}${selection(g, world, field.type, depth)}`;
}

function argumentsFor(g: Draw, world: FuzzWorld, args: readonly GraphQLArgument[], breakRequired: boolean, idPool: 'any' | 'foreign'): string {
  const parts: string[] = [];
  for (const arg of args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const mode = roll(g, 9);
    if (breakRequired && required) {
      if (mode < 3) continue; // missing a required argument
      parts.push(`${arg.name}: ${literal(brokenValueOf(g, arg.type))}`);
      continue;
    }
    if (!required && mode < 4) continue;
    if (mode === 4) parts.push(`${arg.name}: ${literal(brokenValueOf(g, arg.type))}`);
    else parts.push(`${arg.name}: ${literal(valueOf(g, world, arg.type, 0, idPool))}`);
  }
  if (roll(g, 19) === 0) parts.push(`undeclared${roll(g, 9)}: 1`);
  return parts.length ? `(${parts.join(', ')})` : '';
}

export interface GeneratedOperation {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/**
 * An operation generated from the schema for `credential`. Queries are anything; mutations with a
 * credential that could write are either broken (a required argument missing or of the wrong kind)
 * or cross-tenant (every id argument belongs to the other tenant, and the input needs one).
 */
export function schemaOperation(g: Draw, world: FuzzWorld, credential: Credential): GeneratedOperation {
  const mutationType = world.schema.getMutationType();
  const queryType = world.schema.getQueryType();
  const isMutation = mutationType !== null && mutationType !== undefined && roll(g, 9) < 3;
  const root = isMutation ? mutationType : queryType;
  if (!root) throw new Error('schema without a root type');
  const fields = Object.values(root.getFields());
  const field = pick(g, ...fields);
  const keyword = isMutation ? 'mutation' : 'query';

  if (isMutation && credential.canWrite) {
    const inputArg = field.args.find((arg) => arg.name === 'input');
    if (inputArg && hasRequiredIdField(inputArg.type) && credential.name !== 'platform' && roll(g, 1) === 1) {
      // Cross-tenant: a well-typed input whose every id is the other tenant's.
      const useVariable = roll(g, 1) === 1;
      const value = valueOf(g, world, inputArg.type, 0, 'foreign');
      if (useVariable) {
        return {
          kind: 'mutation: cross-tenant ids (variables)',
          query: `mutation Fuzz($input: ${typeName(inputArg.type)}) { ${field.name}(input: $input) ${selection(g, world, field.type, 1)} }`,
          variables: { input: json(value) as Record<string, unknown> },
          operationName: 'Fuzz',
        };
      }
      return { kind: 'mutation: cross-tenant ids', query: `mutation { ${field.name}(input: ${literal(value)}) ${selection(g, world, field.type, 1)} }`, variables: {} };
    }
    if (inputArg && roll(g, 1) === 1) {
      // A variable of the right declared type with a value that cannot coerce.
      return {
        kind: 'mutation: uncoercible variables',
        query: `mutation Fuzz($input: ${typeName(inputArg.type)}) { ${field.name}(input: $input) ${selection(g, world, field.type, 1)} }`,
        variables: { input: json(brokenValueOf(g, inputArg.type)) },
        operationName: 'Fuzz',
      };
    }
    const requiredArgs = field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (!requiredArgs) throw new Error(`mutation ${field.name} has no required argument to break; exclude it`);
    return { kind: 'mutation: wrong or missing arguments', query: `mutation { ${fieldCall(g, world, field, 1, true)} }`, variables: {} };
  }

  if (roll(g, 4) === 0 && field.args.length > 0) {
    // Arguments through variables, sometimes declared with the wrong type.
    const declared = field.args.map((arg, index) => {
      const wrongType = roll(g, 3) === 0;
      return { arg, name: `v${index}`, type: wrongType ? pick(g, 'Int', 'String!', '[ID!]!', 'Boolean') : typeName(arg.type), wrongType };
    });
    const variables: Record<string, unknown> = {};
    for (const { arg, name, wrongType } of declared) {
      if (roll(g, 4) === 0) continue;
      variables[name] = json(wrongType || roll(g, 4) === 0 ? brokenValueOf(g, arg.type) : valueOf(g, world, arg.type, 0, 'any'));
    }
    return {
      kind: `${keyword}: variables`,
      query: `${keyword} Fuzz(${declared.map((entry) => `$${entry.name}: ${entry.type}`).join(', ')}) { ${field.name}(${declared.map((entry) => `${entry.arg.name}: $${entry.name}`).join(', ')}) ${selection(g, world, field.type, 1)} }`,
      variables,
      operationName: 'Fuzz',
    };
  }
  const fieldsInQuery = isMutation ? 1 : roll(g, 3, 1);
  const calls = Array.from({ length: fieldsInQuery }, (_, index) => {
    const chosen = index === 0 ? field : pick(g, ...fields);
    const alias = index === 0 ? '' : `f${index}: `;
    return alias + fieldCall(g, world, chosen, 1, false);
  });
  return { kind: `${keyword}: literal arguments`, query: `${keyword} { ${calls.join(' ')} }`, variables: {} };
}

/** Alias bombs, depth, token floods, fragment cycles, directive abuse, ambiguous operations. */
export function bombOperation(g: Draw, world: FuzzWorld): GeneratedOperation {
  const kind = roll(g, 7);
  const n = (min: number, max: number) => roll(g, max, min);
  switch (kind) {
    case 0: {
      const count = n(25, 400);
      return { kind: 'bomb: aliases', query: `{ ${Array.from({ length: count }, (_, index) => `a${index}: viewer { role }`).join(' ')} }`, variables: {} };
    }
    case 1: {
      const depth = n(10, 3_000);
      return { kind: 'bomb: brace depth', query: `{ viewer ${'{ tenant '.repeat(depth)}{ id }${' }'.repeat(depth)} }`, variables: {} };
    }
    case 2: {
      const depth = n(5, 40);
      let inner = 'name';
      for (let index = 0; index < depth; index++) inner = index % 2 === 0 ? `ofType { ${inner} }` : `type { ${inner} }`;
      return { kind: 'bomb: introspection depth', query: `{ __schema { types { fields { ${inner} } } } }`, variables: {} };
    }
    case 3:
      return { kind: 'bomb: fragment cycle', query: 'query { ...A } fragment A on Query { viewer { role } ...B } fragment B on Query { ...A }', variables: {} };
    case 4: {
      const count = n(10, 12);
      const fragments = Array.from({ length: count }, (_, index) => `fragment F${index} on Query { ${index + 1 < count ? `a: viewer { role } ...F${index + 1} b: viewer { role } ...F${index + 1}` : 'viewer { role }'} }`);
      return { kind: 'bomb: fragment fan-out', query: `{ ...F0 } ${fragments.join(' ')}`, variables: {} };
    }
    case 5:
      return { kind: 'bomb: token flood', query: `{ viewer { ${'role '.repeat(n(1_000, 20_000))} } }`, variables: {} };
    case 6: {
      const first = n(100, 1_000_000);
      return {
        kind: 'bomb: nested pages',
        query: `{ teams(first: ${first}) { edges { node { employees(first: ${first}) { edges { node { team { employees(first: ${first}) { totalCount } } } } } } } } }`,
        variables: {},
      };
    }
    default: {
      const ids = Array.from({ length: n(1, 300) }, () => pick(g, ...world.foreignIds, ...world.ownIds));
      return { kind: 'bomb: nodes(ids:) with other tenants\' ids', query: 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', variables: { ids } };
    }
  }
}

/** A form post (what a cross-site HTML form can send) that would create a team. */
export const FORM_MUTATION = `query=${encodeURIComponent('mutation { createTeam(input: { name: "csrf" }) { errors { code } } }')}`;

/** Bodies that are not a GraphQL request at all, or not in a form the API takes. */
export function malformedBody(g: Draw): { kind: string; method: string; contentType: string | null; body: BodyInit | null; search?: string } {
  const kind = roll(g, 11);
  switch (kind) {
    case 0:
      return { kind: 'body: random bytes', method: 'POST', contentType: 'application/json', body: g(fc.uint8Array, { maxLength: 2_000 }) };
    case 1: {
      const text = JSON.stringify({ query: '{ viewer { role } }', variables: { a: hostileString(g) } });
      return { kind: 'body: truncated JSON', method: 'POST', contentType: 'application/json', body: text.slice(0, g(fc.integer, { min: 0, max: text.length - 1 })) };
    }
    case 2: {
      const body = pick(g, { query: 123 }, { query: null }, { query: ['{ viewer { role } }'] }, { query: '{ viewer { role } }', variables: 'nope' }, { query: '{ viewer { role } }', operationName: 5 }, { query: '{ viewer { role } }', extensions: [] }, [], [{ query: '{ viewer { role } }' }], 'just a string', 42, null, {});
      return { kind: 'body: JSON of the wrong shape', method: 'POST', contentType: 'application/json', body: JSON.stringify(body) };
    }
    case 3: {
      const contentType = pick(g, 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html', 'application/octet-stream', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x');
      // A form-encoded mutation ran before the CSRF check (worker/plugins/csrf-prevention.ts); every
      // credential sends it now, and the table checksum proves it writes nothing.
      const bodies = ['query=%7B%20viewer%20%7B%20role%20%7D%20%7D', '{"query":"{ viewer { role } }"}', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--', FORM_MUTATION];
      return { kind: 'body: wrong content type', method: 'POST', contentType, body: pick(g, ...bodies) };
    }
    case 4:
      return { kind: 'body: none', method: 'POST', contentType: pick(g, 'application/json', null), body: null };
    case 5:
      return { kind: 'body: over the size limit', method: 'POST', contentType: 'application/json', body: JSON.stringify({ query: '{ viewer { role } }', variables: { pad: 'z'.repeat(g(fc.integer, { min: 262_144, max: 400_000 })) } }) };
    case 6:
      return { kind: 'body: application/graphql', method: 'POST', contentType: 'application/graphql', body: '{ viewer { role } }' };
    case 7:
      return { kind: 'GET: mutation in the URL', method: 'GET', contentType: null, body: null, search: `?query=${encodeURIComponent('mutation { createTeam(input: { name: "via GET" }) { errors { code } } }')}` };
    case 8:
      return { kind: 'GET: malformed parameters', method: 'GET', contentType: null, body: null, search: pick(g, '?query=%7B', '?query=%E0%A4%A', '?variables=%7B&query=%7Bviewer%7Brole%7D%7D', '?query=' + 'a'.repeat(20_000), '?extensions=x&query=%7Bviewer%7Brole%7D%7D', '') };
    case 9:
      return { kind: 'method: not GET or POST', method: pick(g, 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), contentType: 'application/json', body: null };
    case 10:
      return { kind: 'body: JSON with a BOM and nulls', method: 'POST', contentType: 'application/json', body: '\ufeff{"query":"{ viewer { role } }\\u0000"}' };
    default:
      return { kind: 'body: deeply nested JSON', method: 'POST', contentType: 'application/json', body: `{"query":"{ viewer { role } }","variables":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}` };
  }
}

/** A hostile Authorization header that is not any real credential. */
export function garbageAuthorization(g: Draw): string {
  const header = (payload: object) => btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return g(
    fc.constantFrom,
    'Bearer ',
    'Bearer fl_sk_',
    `Bearer fl_sk_${'0'.repeat(40)}`,
    'Basic YWRtaW46YWRtaW4=',
    'bearer  fl_sk_lowercase_scheme',
    `Bearer fl_et_${header({ alg: 'none', typ: 'JWT' })}.${header({ sub: 'emp_x', tid: 'ten_x' })}.`,
    `Bearer fl_et_${header({ alg: 'HS256' })}.${header({ exp: 1 })}.c2lnbmF0dXJl`,
    `Bearer ${'A'.repeat(8_000)}`,
    'Bearer fl_pk_not_a_bearer_credential',
    'Bearer fl_platform_test_token_nope',
    'Bearer a b c',
  );
}

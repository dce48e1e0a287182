// The import directions of the architecture (README "Architecture"), as one ESLint rule that resolves
// each relative import to a repository path, so a rule reads "schema may import features" rather than
// a glob over `../` segments:
//   requests: worker -> schema -> features -> db        jobs: worker -> features -> db
//   a feature reaches another feature only through that feature's service.ts
//   pure rules (domain/*.ts, features/*/rules.ts) import no db client, no SQL helpers, no GraphQL, no runtime
// Packages (graphql, drizzle-orm, cloudflare:*) are restricted with no-restricted-imports in eslint.config.js.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Explicit, narrow exceptions: importer -> imported (repository paths), each with why it is right.
 * Anything else that breaks a direction is a lint error.
 */
const EXCEPTIONS = [
  {
    from: /^schema\//,
    to: /^worker\/(context\.ts|auth\/(permissions|principal|employee-tokens)\.ts)$/,
    why: 'The request context and its principal are built at the edge; resolvers read them to authorise.',
  },
  {
    from: /^features\/summaries\/rules\.ts$/,
    to: /^features\/summaries\/schedule\.ts$/,
    why: 'schedule.ts is pure period and time-zone arithmetic (no SQL, no clock); the compile step labels days with it.',
  },
  {
    from: /^features\/[^/]+\/tables\.ts$/,
    to: /^features\/[^/]+\/tables\.ts$/,
    why: 'A foreign key names the table it points at (agenda items may be about a suggestion); tables hold no logic to bypass.',
  },
  {
    from: /^db\/schema\.ts$/,
    to: /^features\/[^/]+\/tables\.ts$/,
    why: 'The table index drizzle-kit and the relations read must list every feature\'s tables.',
  },
];

/** db modules that run SQL or hold a client: pure rules may name table enums and ids, never these. */
const DB_RUNTIME = /^db\/(client|tenant-scope|batching|counting-d1|constraint-errors|relations|schema)\.ts$|^db\/seed\//;

const isTest = (file) => /\.test\.ts$/.test(file) || file.startsWith('test/') || /^features\/[^/]+\/test-helpers\.ts$/.test(file);
const isPure = (file) => file.startsWith('domain/') || /^features\/[^/]+\/rules(\.ts$|\/)/.test(file);
const featureOf = (file) => /^features\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Why `from` may not import `to`, or null when the import follows the architecture. */
export function violation(from, to) {
  if (EXCEPTIONS.some((e) => e.from.test(from) && e.to.test(to))) return null;
  if (isPure(from)) {
    if (to.startsWith('worker/') || to.startsWith('schema/')) return 'Pure rules import no runtime and no GraphQL.';
    if (DB_RUNTIME.test(to)) return 'Pure rules take plain data: no db client, tenant scope or SQL helpers.';
    const own = featureOf(from);
    // Like db's table modules, a feature's tables.ts holds the stored values (enums) its rules name.
    const ownPureOrTables = own && featureOf(to) === own && (isPure(to) || to === `features/${own}/tables.ts`);
    if (to.startsWith('features/') && !ownPureOrTables) return "Pure rules import only other pure rules (domain/, their own feature's rules) and stored values (tables).";
    return null;
  }
  const feature = featureOf(from);
  if (feature) {
    if (to.startsWith('schema/') || to.startsWith('worker/')) return 'Features do not depend on the API or the runtime edges: those call features.';
    const target = featureOf(to);
    if (target && target !== feature && to !== `features/${target}/service.ts`) return `Reach the ${target} feature only through features/${target}/service.ts.`;
    return null;
  }
  if (from.startsWith('db/')) {
    if (/^(schema|worker|features)\//.test(to)) return 'db/ is shared plumbing: it depends on nothing above it.';
    return null;
  }
  if (from.startsWith('schema/')) {
    if (to.startsWith('worker/')) return 'The schema is called by the worker, not the other way round.';
    return null;
  }
  return null;
}

/** Files outside the layers: tests drive the Worker end to end; the CLI, seeds and benchmarks provision like the operator. */
const unchecked = (file) => isTest(file) || /^(scripts|bench|db\/seed)\//.test(file) || !/^(worker|schema|features|db|domain)\//.test(file);

export const layersRule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the architecture\'s directions (README "Architecture").' }, schema: [] },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (unchecked(from)) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = path.relative(ROOT, path.resolve(path.dirname(context.filename), source.value)).split(path.sep).join('/');
      const why = violation(from, to);
      if (why) context.report({ node: source, message: `${from} may not import ${to}: ${why}` });
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { layers: layersRule } };

// ESLint: TypeScript rules for the code, @graphql-eslint's Relay rules for the printed schema, and the
// import directions of the architecture (README "Architecture"):
//   requests: worker -> schema -> features -> db      jobs: worker -> features -> db
// A feature reaches another feature only through that feature's service.ts.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';
import layersPlugin from './eslint/layers.js';

/** Packages no module in `files` may import, with the reason shown to whoever breaks the rule. */
const forbid = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const GRAPHQL_PACKAGES = {
  group: ['graphql', 'graphql-yoga', '@pothos/*'],
  message: 'GraphQL belongs in schema/ and worker/: services, rules and db plumbing are GraphQL-free so jobs and routes can use them.',
};

export default tseslint.config(
  { ignores: ['node_modules/', '.local-assets/', 'dist/', '.wrangler/', 'coverage/', '.tmp/', 'test-artifacts/', 'migrations/**/snapshot.json'] },
  {
    files: ['**/*.ts', '**/*.js'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the request clock (ctx.now, or a `now` parameter): tests pin it.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the request clock (ctx.now, or a `now` parameter): tests pin it.' },
      ],
    },
  },
  // Seeds, scripts, benchmarks and the clock itself may read the real time.
  { files: ['db/seed/**', 'scripts/**', 'bench/**', 'worker/clock.ts', '**/*.test.ts', 'test/**'], rules: { 'no-restricted-syntax': 'off' } },

  // Layering: the directions between folders (eslint/layers.js, with its narrow exceptions), and the
  // packages each layer may not use.
  { files: ['**/*.ts'], plugins: { frontline: layersPlugin }, rules: { 'frontline/layers': 'error' } },
  forbid(['db/*.ts', 'features/**/*.ts', 'domain/**/*.ts'], [GRAPHQL_PACKAGES]),
  // Rules may name the stored values (enums and constants next to the tables) but never query.
  forbid(['domain/**/*.ts', 'features/*/rules.ts', 'features/*/rules/**/*.ts'], [
    { group: ['drizzle-orm', 'drizzle-orm/*', 'cloudflare:*'], message: 'Rules are pure functions over plain data: no SQL, no runtime.' },
    GRAPHQL_PACKAGES,
  ]),

  // The printed schema: Relay conventions.
  {
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/relay-connection-types': 'error',
      '@graphql-eslint/relay-edge-types': ['error', { shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
      '@graphql-eslint/relay-page-info': 'error',
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/known-type-names': 'error',
      '@graphql-eslint/unique-type-names': 'error',
      '@graphql-eslint/no-unreachable-types': 'error',
    },
  },
);

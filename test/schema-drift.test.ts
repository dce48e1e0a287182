/** schema/schema.graphql must be what the code prints: run `npm run schema:print` after API changes. */
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.ts';
import committed from '../schema/schema.graphql?raw';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code', () => {
    expect(committed, 'schema/schema.graphql is stale: run `npm run schema:print` and commit it').toBe(`${printSchema(schema)}\n`);
  });
});

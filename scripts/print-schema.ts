/**
 * Writes schema/schema.graphql from the code (`npm run schema:print`). The schema-drift test fails
 * when the committed file and the code disagree, so every API change shows up in review.
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../schema/index.ts';

const target = new URL('../schema/schema.graphql', import.meta.url);
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`Wrote ${target.pathname}`);

/**
 * The import directions, checked through ESLint with the project's own eslint.config.js: an import
 * that breaks the architecture is reported, the allowed form is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The layers rule's messages for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'frontline/layers' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import directions', () => {
  it('a feature reaches another feature only through its service.ts', async () => {
    expect(await layerErrors('features/summaries/jobs.ts', "export { measureMany } from '../incentives/metrics.ts';\n")).toEqual([
      expect.stringContaining('only through features/incentives/service.ts'),
    ]);
    expect(await layerErrors('features/summaries/jobs.ts', "export { measureMany } from '../incentives/service.ts';\n")).toEqual([]);
    expect(await layerErrors('features/summaries/jobs.ts', "export { chunk } from '../../db/batching.ts';\n")).toEqual([]);
  });

  it('features do not import the schema, the worker or GraphQL', async () => {
    expect(await layerErrors('features/widgets/service.ts', "export { encodeId } from '../../schema/global-ids.ts';\n")).toHaveLength(1);
    expect(await layerErrors('features/widgets/service.ts', "export { mintEmployeeToken } from '../../worker/auth/employee-tokens.ts';\n")).toHaveLength(1);
    expect(await layerErrors('features/widgets/service.ts', "export { GraphQLError } from 'graphql';\n")).toHaveLength(1);
  });

  it('db depends on nothing above it, except the table index listing feature tables', async () => {
    expect(await layerErrors('db/tenants.ts', "export { emailOutbox } from '../features/summaries/tables.ts';\n")).toHaveLength(1);
    expect(await layerErrors('db/schema.ts', "export * from '../features/summaries/tables.ts';\n")).toEqual([]);
  });

  it('pure rules import no db client, tenant scope, drizzle or runtime', async () => {
    expect(await layerErrors('domain/rewards.ts', "export type { TenantScope } from '../db/tenant-scope.ts';\n")).toHaveLength(1);
    expect(await layerErrors('features/widgets/rules.ts', "export { sql } from 'drizzle-orm';\n")).toHaveLength(1);
    expect(await layerErrors('features/widgets/rules.ts', "export { createPublishableKey } from './service.ts';\n")).toHaveLength(1);
    expect(await layerErrors('domain/rewards.ts', "export type { RedemptionStatus } from '../db/rewards.ts';\n")).toEqual([]);
  });

  it('the schema uses the request context but not the rest of the worker', async () => {
    expect(await layerErrors('schema/voice.ts', "export type { GraphQLContext } from '../worker/context.ts';\n")).toEqual([]);
    expect(await layerErrors('schema/voice.ts', "export { createYoga } from '../worker/yoga.ts';\n")).toHaveLength(1);
  });
});

/**
 * Authorization stays declared: every root field names its scopes in its options (schema/auth-scopes.ts),
 * or is on the short public list below, and a refused field answers with the FORBIDDEN error clients
 * have always had.
 */
import { describe, expect, it } from 'vitest';
import { createTenant, gql, PLATFORM_TOKEN } from '../test/helpers.ts';
import { scopesOfField } from './auth-scopes.ts';
import { PERMISSIONS } from '../worker/auth/permissions.ts';
import { schema } from './index.ts';

/**
 * Root fields any credential may call, each with the reason. A new field that reads or writes tenant
 * data does not belong here: declare `t.withAuth({ permission, tenant: true })` on it instead.
 */
const PUBLIC_ROOT_FIELDS: Record<string, string> = {
  'Query.viewer': 'who the credential is; its fields read only the principal and the tenant it names',
  'Query.node': "Relay refetch: resolves through the caller's scoped client, so another tenant's id is null",
  'Query.nodes': 'Relay refetch, as node',
};

function rootFields(): { name: string; extensions: Readonly<Record<string, unknown>> | null | undefined }[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    type ? Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, extensions: field.extensions })) : [],
  );
}

describe('declared authorization', () => {
  it('every Query and Mutation field declares its scopes, or is on the public list', () => {
    const undeclared = rootFields()
      .filter((field) => Object.keys(scopesOfField(field.extensions)).length === 0)
      .map((field) => field.name)
      .filter((name) => !(name in PUBLIC_ROOT_FIELDS));
    expect(undeclared, 'declare t.withAuth({ permission, tenant: true }) on these fields').toEqual([]);
  });

  it('every root field with a permission names one that exists, and the public list has no stale entries', () => {
    const fields = rootFields();
    const names = new Set(fields.map((field) => field.name));
    expect(Object.keys(PUBLIC_ROOT_FIELDS).filter((name) => !names.has(name))).toEqual([]);
    const declared = fields.map((field) => scopesOfField(field.extensions)).filter((scopes) => Object.keys(scopes).length > 0);
    expect(declared.length).toBeGreaterThan(60);
    expect(declared.map((scopes) => scopes.permission).filter((name) => name !== undefined && !(name in PERMISSIONS))).toEqual([]);
    // A field that needs a tenant (or an employee) also names the permission it needs.
    expect(declared.filter((scopes) => (scopes.tenant || scopes.employee) && !scopes.permission)).toEqual([]);
  });

  it('refuses a missing permission with the message that names it, before anything else', async () => {
    const tenant = await createTenant();
    const asKey = await gql(tenant.admin, 'mutation { voteForSuggestion(input: { suggestionId: "x" }) { errors { code } } }');
    expect(asKey.body.data).toBeNull();
    expect(asKey.body.errors?.[0]).toMatchObject({
      message: 'Forbidden: taking part in suggestions and meeting agendas needs an employee token; this request uses an admin key.',
      path: ['voteForSuggestion'],
      extensions: { code: 'FORBIDDEN', permission: 'suggestions:participate', required: ['employee'] },
    });
    // The platform token holds no tenant permission: the permission is named first.
    const platform = await gql(PLATFORM_TOKEN, '{ employees(first: 1) { totalCount } }');
    expect(platform.body.errors?.[0]).toMatchObject({
      message: 'Forbidden: reading tenant data needs an admin key or a manager key or a reader key or an employee token; this request uses the platform admin token.',
      extensions: { code: 'FORBIDDEN', permission: 'read' },
    });
  });

  it('a field that works on one tenant refuses the platform token, which holds its permission, with the tenant message', async () => {
    const response = await gql(PLATFORM_TOKEN, '{ apiKeys(first: 1) { totalCount } }');
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'Forbidden: this operation works on one tenant and needs a tenant key, not the platform token.',
      path: ['apiKeys'],
      extensions: { code: 'FORBIDDEN', permission: 'apiKeys:manage' },
    });
  });
});

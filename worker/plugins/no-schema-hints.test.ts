/** No "Did you mean" for anonymous callers or in production; verified local callers keep them. */
import { describe, expect, it } from 'vitest';
import { createTenant, gql } from '../../test/helpers.ts';
import { withoutSuggestion } from './no-schema-hints.ts';
import { productionGql } from '../../test/production-fetch.ts';

const TYPO = '{ employe { id } }';

describe('schema hints', () => {
  it('are stripped for a caller without a key, and for an unknown key', async () => {
    for (const credential of [null, 'fl_sk_doesnotexist000000000000000000000000000']) {
      const result = await gql(credential, TYPO);
      expect(result.status).toBe(400);
      const messages = result.body.errors?.map((error) => error.message) ?? [];
      expect(messages).toEqual(['Cannot query field "employe" on type "Query".']);
      expect(JSON.stringify(result.body)).not.toContain('employees');
    }
  });

  it('are kept for a verified key in development and tests', async () => {
    const tenant = await createTenant();
    const result = await gql(tenant.reader, TYPO);
    expect(result.body.errors?.[0]?.message).toContain('Did you mean "employees"?');
    // Argument and enum suggestions too.
    const argument = await gql(tenant.reader, '{ employees(fist: 1) { totalCount } }');
    expect(argument.body.errors?.[0]?.message).toContain('Did you mean "first"');
  });

  it('are stripped in production, even for a verified key', async () => {
    const tenant = await createTenant();
    for (const credential of [null, tenant.reader]) {
      const result = await productionGql(credential, TYPO);
      expect(result.status).toBe(400);
      expect(result.body.errors?.map((error) => error.message)).toEqual(['Cannot query field "employe" on type "Query".']);
    }
  });

  it('are stripped from every kind of message graphql-js writes', () => {
    expect(withoutSuggestion('Cannot query field "employe" on type "Query". Did you mean "employees"?')).toBe('Cannot query field "employe" on type "Query".');
    expect(withoutSuggestion('Unknown argument "fist" on field "Query.employees". Did you mean "first" or "last"?')).toBe('Unknown argument "fist" on field "Query.employees".');
    expect(withoutSuggestion('Value "ACTIV" does not exist in "EmployeeStatus" enum. Did you mean the enum value "ACTIVE"?')).toBe('Value "ACTIV" does not exist in "EmployeeStatus" enum.');
    expect(withoutSuggestion('Unknown type "Employe". Did you mean "Employee", "Employees", or "EmployeeRole"?')).toBe('Unknown type "Employe".');
  });
});

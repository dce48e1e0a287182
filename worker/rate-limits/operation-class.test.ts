/** Which rate-limit class an operation counts against (operation-class.ts), for the fields named expensive. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/builder.ts';
import { chargeOperation, EXPENSIVE_ROOT_FIELDS } from './operation-class.ts';

const pages = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };
const chargeOf = (document: string) => chargeOperation(schema, parse(document), undefined, undefined, pages);
const classOf = (document: string) => chargeOf(document).operationClass;

describe('chargeOperation', () => {
  it('names only root fields the schema has', () => {
    const roots = new Set([...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())]);
    expect([...EXPENSIVE_ROOT_FIELDS].filter((name) => !roots.has(name))).toEqual([]);
  });

  it('counts a Workers AI call (themeProposals) as expensive, through fragments too', () => {
    expect(classOf('{ themeProposals { label } }')).toBe('expensive');
    expect(classOf('query { ...P } fragment P on Query { themeProposals(first: 1) { label } }')).toBe('expensive');
    expect(classOf('{ emergingThemes { phrase } }')).toBe('query');
  });

  it('charges one unit per expensive root field, aliases and fragments included, and fields GraphQL merges once', () => {
    const units = (document: string) => chargeOf(document).units;
    expect(units('{ themeProposals { label } }')).toBe(1);
    expect(units('{ a: themeProposals { label } b: themeProposals(first: 2) { label } c: complaintTrends { key } }')).toBe(3);
    expect(units('{ complaintTrends { key } frictionTrends { categories { key } } ...T } fragment T on Query { t: complaintTrends { key } }')).toBe(3);
    // The same response key twice is merged and run once.
    expect(units('{ complaintTrends { key } complaintTrends { count } }')).toBe(1);
    expect(units('{ viewer { role } }')).toBe(1);
  });
});

/** Which rate-limit class an operation counts against (operation-class.ts), for the fields named expensive. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/builder.ts';
import { classifyOperation, EXPENSIVE_ROOT_FIELDS } from './operation-class.ts';

const pages = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };
const classOf = (document: string) => classifyOperation(schema, parse(document), undefined, undefined, pages);

describe('classifyOperation', () => {
  it('names only root fields the schema has', () => {
    const roots = new Set([...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())]);
    expect([...EXPENSIVE_ROOT_FIELDS].filter((name) => !roots.has(name))).toEqual([]);
  });

  it('counts a Workers AI call (themeProposals) as expensive, through fragments too', () => {
    expect(classOf('{ themeProposals { label } }')).toBe('expensive');
    expect(classOf('query { ...P } fragment P on Query { themeProposals(first: 1) { label } }')).toBe('expensive');
    expect(classOf('{ emergingThemes { phrase } }')).toBe('query');
  });
});

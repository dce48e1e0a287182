import { describe, expect, it } from 'vitest';
import { slugify } from './rules.ts';

describe('platform rules', () => {
  it('slugifies company names', () => {
    expect(slugify('Acme Ltd.')).toBe('acme-ltd');
    expect(slugify('Café Über & Co')).toBe('cafe-uber-co');
    expect(slugify('***')).toBe('');
  });
});

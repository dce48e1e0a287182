import { describe, expect, it } from 'vitest';
import { likePattern } from './text.ts';

describe('text rules', () => {
  it('makes LIKE patterns that match literally', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

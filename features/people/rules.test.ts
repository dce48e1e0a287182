import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseInput, UserErrors } from '../../domain/errors.ts';
import { email, hireDate } from './rules.ts';

describe('people rules', () => {
  it('normalises emails and explains a bad one', () => {
    expect(parseInput(email, '  Ana.Silva@Example.COM ')).toBe('ana.silva@example.com');
    expect(() => parseInput(email, 'ana@', ['input', 'email'])).toThrow(UserErrors);
    try {
      parseInput(email, 'ana@', ['input', 'email']);
    } catch (error) {
      expect((error as UserErrors).errors).toEqual([
        { code: 'VALIDATION', path: ['input', 'email'], message: 'Enter a valid email address, like ana.silva@example.com.' },
      ]);
    }
  });

  it('accepts hire dates up to a year ahead', () => {
    const today = new Date('2026-11-22T12:00:00Z');
    expect(v.safeParse(hireDate(today), '2027-11-22').success).toBe(true);
    expect(v.safeParse(hireDate(today), '2027-12-01').success).toBe(false);
    expect(v.safeParse(hireDate(today), '1899-12-31').success).toBe(false);
  });
});

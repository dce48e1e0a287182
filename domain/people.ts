/** Rules for teams and employees: what a valid name, email or hire date is. Plain functions. */
import { z } from 'zod';

export const LIMITS = {
  name: 120,
  email: 254,
  description: 2000,
  search: 100,
} as const;

export const personName = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(LIMITS.name, `Names are at most ${LIMITS.name} characters.`);

export const teamName = z
  .string()
  .trim()
  .min(1, 'Enter a team name.')
  .max(LIMITS.name, `Team names are at most ${LIMITS.name} characters.`);

export const description = z
  .string()
  .trim()
  .max(LIMITS.description, `Descriptions are at most ${LIMITS.description} characters.`)
  .transform((value) => (value === '' ? null : value));

/** Emails are compared and stored trimmed and lower-cased. */
export const email = z
  .string()
  .trim()
  .max(LIMITS.email, `Email addresses are at most ${LIMITS.email} characters.`)
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address, like ana.silva@example.com.' }));

/** A hire date between 1900 and one year from `today` (people are often added before day one). */
export function hireDate(today: Date = new Date()) {
  const latest = new Date(today.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
  return z
    .string()
    .refine((value) => value >= '1900-01-01', 'Hire dates start in 1900 or later.')
    .refine((value) => value <= latest, `A hire date can be at most a year ahead (${latest}).`);
}

/** Turns a free-text search into a LIKE pattern that matches it literally (escape char: \). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A URL-safe slug from a company name: "Acme Ltd." becomes "acme-ltd". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

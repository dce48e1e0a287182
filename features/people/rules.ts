/** Rules for teams and employees: what a valid name, email or hire date is. Plain functions. */
import * as v from 'valibot';
import { requiredText } from '../../domain/text.ts';

export const LIMITS = {
  name: 120,
  email: 254,
  description: 2000,
  search: 100,
} as const;

export const personName = requiredText(LIMITS.name, 'Enter a name.', `Names are at most ${LIMITS.name} characters.`);

export const teamName = requiredText(LIMITS.name, 'Enter a team name.', `Team names are at most ${LIMITS.name} characters.`);

/** Optional free text; an empty string clears it (stored as null). */
export const description = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.description, `Descriptions are at most ${LIMITS.description} characters.`),
  v.transform((value) => (value === '' ? null : value)),
);

/** Emails are compared and stored trimmed and lower-cased. */
export const email = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.email, `Email addresses are at most ${LIMITS.email} characters.`),
  v.toLowerCase(),
  v.email('Enter a valid email address, like ana.silva@example.com.'),
);

/** A hire date between 1900 and one year from `today` (people are often added before day one). */
export function hireDate(today: Date) {
  const latest = new Date(today.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
  return v.pipe(
    v.string(),
    v.check((value) => value >= '1900-01-01', 'Hire dates start in 1900 or later.'),
    v.check((value) => value <= latest, `A hire date can be at most a year ahead (${latest}).`),
  );
}

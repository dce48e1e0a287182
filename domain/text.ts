/**
 * Text rules every feature shares: a required, bounded text and a literal LIKE pattern. Plain
 * functions; features' own rules (people, suggestions, meetings, voice) build on them.
 */
import * as v from 'valibot';

/** A required, trimmed text of at most `max` characters. */
export function requiredText(max: number, emptyMessage: string, tooLongMessage: string) {
  return v.pipe(v.string(), v.trim(), v.nonEmpty(emptyMessage), v.maxLength(max, tooLongMessage));
}

/** Turns a free-text search into a LIKE pattern that matches it literally (escape char: \). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

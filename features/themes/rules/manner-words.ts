/**
 * Words that say how something went (how long it took, whether it turned up) without saying what
 * it was: "took forever", "three weeks", "never turned up", "late". On their own they file a text
 * under waiting time or delivery; next to the thing that took long ("the refund took forever",
 * "waited three weeks for the engineer") that thing is the subject, and the matcher
 * (rules/matcher.ts) lets them count for it instead. A fact of English, not of a tenant's rules, so
 * it applies to every taxonomy, edited or not. Written as lemmas (rules/lemmas.ts).
 */
const MANNER_WORDS = new Set([
  // time and speed
  'wait', 'take', 'forever', 'age', 'eternity', 'slow', 'slowly', 'quick', 'quickly', 'fast', 'speedy', 'prompt', 'promptly',
  'immediately', 'instantly', 'swift', 'rapid', 'sluggish', 'delay', 'late', 'early', 'long', 'while', 'time', 'half',
  'second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'year', 'an', 'a', 'so', 'too', 'still', 'keep', 'leave',
  // turning up, or not
  'turn', 'up', 'show', 'arrive', 'come', 'never', 'not', 'no',
]);

/** True when a lemma only says how something went: see MANNER_WORDS. Numbers count as manner. */
export function isMannerWord(lemma: string, isNumber: boolean): boolean {
  return isNumber || MANNER_WORDS.has(lemma);
}

/**
 * Words that tie a manner phrase to what follows it: "waited three weeks FOR a refund", "still
 * waiting ON the engineer", "took ages TO install".
 */
export const LINKING_WORDS: ReadonlySet<string> = new Set(['for', 'on', 'to', 'till', 'until']);

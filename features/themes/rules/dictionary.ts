/**
 * Tables keyed by what customers write: the lemma tables, and the learned words' counts and classes.
 * Why not a plain object: it inherits Object.prototype, so looking up the word "constructor" finds a
 * function, and a customer who wrote it made tokenizing throw (and a tenant's theme keyed
 * "constructor" read as learned). A dictionary has no prototype: a key is there only if it was put there.
 *
 * @example
 * const IRREGULAR = dictionary({ took: 'take' });
 * IRREGULAR['constructor']; // undefined
 */
export function dictionary<T>(entries: Readonly<Record<string, T>> | Iterable<readonly [string, T]> = {}): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  const pairs = Symbol.iterator in entries ? entries : Object.entries(entries);
  for (const [key, value] of pairs) table[key] = value;
  return table;
}

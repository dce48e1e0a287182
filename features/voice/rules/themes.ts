/**
 * Themes: the key phrases of customers' words, so that variants of one phrase count as one theme:
 * "waiting times" and "wait times" (key "wait time"), "waited" and "waiting" (key "wait"). A pair
 * such as "waited ages" is its own theme (see the README's example, checked against the API).
 *
 * How: words are lower-cased, English stop words are dropped (npm `stopword`), the rest are
 * reduced to their Porter stem (npm `stemmer`: "waiting", "waits" -> "wait"). Candidate phrases are
 * single stems and pairs of adjacent stems; a pair counts more than a single word. A theme's key is
 * its stems ("wait time"); its label is the words a person used ("waiting times").
 *
 * Limits: no synonyms ("queue" and "line" stay apart), no spelling correction, English only, and
 * short texts give few phrases. Deterministic: the same text always gives the same themes.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * Function words the library's short English list (108 words) lacks, and words that carry no theme
 * in customer feedback. Larger lists (e.g. stopwords-iso) also drop words that matter here, such as
 * "order", "long" and "line".
 */
const EXTRA_STOP_WORDS = [
  'when', 'while', 'during', 'again', 'since', 'until', 'though', 'although', 'yet', 'already', 'ever', 'quite', 'rather',
  'seemed', 'seem', 'seems', 'felt', 'made', 'make', 'said', 'told', 'asked', 'went', 'came', 'come', 'go', 'get', 'got',
  'would', 'could', 'should', 'one', 'thing', 'things', 'lot', 'bit', 'today', 'day', 'always', 'never', 'still', 'even',
  'back', 'us', 'im', 'ive', 'dont', 'didnt', 'wasnt', 'isnt', 'wont', 'cant', 'also', 'just', 'really', 'very', 'so',
  'customer', 'customers', 'service', 'time',
];
const STOP = new Set([...eng, ...EXTRA_STOP_WORDS]);

export interface Theme {
  /** Stemmed key that groups variants, e.g. "wait". */
  key: string;
  /** Words as written, e.g. "waiting". */
  label: string;
}

/** Lower-case word tokens, apostrophes removed ("didn't" -> "didnt"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[a-z][a-z0-9]*/g) ?? [];
}

/**
 * The key phrases of one text, best first: at most `max`. Adjacent content words form a pair;
 * a stop word (or a one-letter word) between two words breaks the pair. `ignore` are further words
 * to skip, e.g. the name of the employee a quote is about (a name is not a theme).
 */
export function themesOf(text: string, max = 3, ignore: readonly string[] = []): Theme[] {
  const skip = new Set(ignore.flatMap((words) => tokenize(words)));
  const scores = new Map<string, { theme: Theme; score: number; first: number }>();
  const add = (key: string, label: string, score: number, position: number) => {
    const existing = scores.get(key);
    if (existing) existing.score += score;
    else scores.set(key, { theme: { key, label }, score, first: position });
  };
  let previous: { stem: string; word: string } | null = null;
  tokenize(text).forEach((word, position) => {
    if (word.length < 2 || STOP.has(word) || skip.has(word)) {
      previous = null;
      return;
    }
    const stem = stemmer(word);
    add(stem, word, 1, position);
    if (previous && previous.stem !== stem) add(`${previous.stem} ${stem}`, `${previous.word} ${word}`, 2.5, position);
    previous = { stem, word };
  });
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  // A pair makes its own single words redundant.
  const chosen: Theme[] = [];
  for (const { theme } of ranked) {
    if (chosen.length >= max) break;
    const parts = theme.key.split(' ');
    const covered = chosen.some((picked) => picked.key.split(' ').some((part) => parts.length === 1 && part === theme.key));
    if (!covered) chosen.push(theme);
  }
  return chosen;
}

/** The theme key for a user-typed theme filter ("Waiting Times" -> "wait time"). */
export function themeKey(text: string): string {
  return tokenize(text)
    .filter((word) => !STOP.has(word))
    .map((word) => stemmer(word))
    .join(' ');
}

/** Themes across many texts with how many texts mention each, most common first. */
export function commonThemes(texts: string[], max = 10): (Theme & { count: number })[] {
  const counts = new Map<string, Theme & { count: number }>();
  for (const text of texts) {
    for (const theme of themesOf(text, 5)) {
      const entry = counts.get(theme.key);
      if (entry) entry.count++;
      else counts.set(theme.key, { ...theme, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, max);
}

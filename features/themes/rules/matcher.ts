/**
 * Which theme of a taxonomy a customer's text is about: `classifyThemes` gives one primary theme and,
 * only where the text really says two things, a secondary one. `unmatchedPhrases` lists what the
 * text says that no theme covers, for spotting emerging themes.
 *
 * How a text is scored against a theme (all on lemmas, see rules/lemmas.ts):
 * - each distinct term found counts 1; a weak term, written `~coffee`, counts WEAK_WEIGHT: a word
 *   that names what the text is about without saying what was wrong or right with it (products,
 *   people), so it decides only when nothing stronger is said; in a clause with a word that judges
 *   ("lovely staff", "the coffee was awful": |valence| >= 2 in the sentiment lexicon) it counts
 *   JUDGED_WEAK_WEIGHT, as the customer is judging that thing (so does "was like": "the porridge was
 *   like paste");
 * - a phrase found counts its number of words (2 for "wrong order"), and its words do not count again
 *   as terms. A phrase's words may have up to two other words between them ("took absolute ages"
 *   matches "take age"); `...` allows any distance within the sentence ("ordered ... got" matches
 *   "ordered a black oven and got a silver one"); the short gap never skips a number ("cancelled on me
 *   three times" is not "on time"); `#` is any number ("# minute" matches "twenty
 *   minutes" and "40 mins", and counts no weight of its own; a number word in a rule, "first wash",
 *   is a number too); the term `£` is any amount of money;
 * - in a sentence with "but", what follows it counts 1.5x and what precedes it 0.75x: "lovely staff
 *   but the coffee was awful" is about the coffee;
 * - negation does not change what a text is about: "they will not refund me" is a refunds complaint,
 *   "not rude at all" and "no wait at all" are about staff attitude and waiting, which sentiment
 *   (rules/sentiment.ts) reads as good. Tried on the development texts, counting negated terms half
 *   only lost texts whose negated word was the subject ("not expensive considering the quality");
 * - an exclude found in a sentence vetoes the theme for that whole sentence ("can't wait to come back");
 * - words of seven letters or more also match a term one typing slip away ("delievery", "warrenty");
 * - manner words (rules/manner-words.ts: "took forever", "three weeks", "never turned up") count for
 *   another theme's subject when one comes before them in their clause ("the refund took forever")
 *   or right after a linking word that follows them ("waited three weeks for a refund"), not for
 *   their own theme (waiting time, delivery). A subject is a term or phrase that is not weak, not
 *   manner and not money: "twenty minutes for a £4 latte" stays waiting time.
 * A theme needs a score of MIN_SCORE (one term, or two weak ones). Then the learned words
 * (rules/learned.ts) re-rank: see rankThemes. The primary theme is the highest score (ties: the theme
 * mentioned first, then taxonomy order). A secondary theme needs at least SECONDARY_RATIO of the
 * primary's rule score and SECONDARY_MIN_SCORE.
 *
 * Names, numbers and filler are never themes, by construction: the matcher only ever returns themes
 * of the taxonomy it is given, never words of the text. Numbers only help phrases such as "# minute".
 */
import type { ThemeClassification, ThemeDefinition, ThemeMatch } from './definition.ts';
import { dictionary } from './dictionary.ts';
import { matchKey, type Token, tokenize } from './lemmas.ts';
import { learnedFeatures, type LearnedWords, classLikelihoods } from './learned.ts';
import { LEARNED_WORDS } from './learned-words.ts';
import { isMannerWord, LINKING_WORDS } from './manner-words.ts';
import { isEvaluative } from './sentiment.ts';
import { isStopWord } from './stop-words.ts';

/** A secondary theme must score at least this share of the primary's score... */
export const SECONDARY_RATIO = 0.6;
/** ...and at least this much on its own (a single stray word is not a second subject). */
export const SECONDARY_MIN_SCORE = 2;
/** A theme needs more than one weak term ("thanks guys" is not about staff attitude). */
export const MIN_SCORE = 0.5;
const WEAK_WEIGHT = 0.3;
/** A weak term in a clause that judges something ("lovely staff", "the coffee was awful") is its subject. */
const JUDGED_WEAK_WEIGHT = 0.8;
const AFTER_BUT = 1.5;
const BEFORE_BUT = 0.75;
/** A phrase step that may skip any number of words within the sentence. */
const ANY_GAP = '...';
const PHRASE_GAP = 2;
const FUZZY_MIN_LENGTH = 7;
/**
 * How much the learned words (rules/learned.ts) weigh against the rules: a likelihood of 1 counts as
 * 3 terms. Chosen on the development texts the rules were not written from, each scored with words
 * learned without it: 1.5 was set when the words were learned from a few hundred texts; with 2,900
 * they know more than the rules where the two disagree (pairwise F1 0.822 at 1.5, 0.846 at 3, flat
 * from 2.5 to 4; on 3,144 texts after six more batches 0.841 and 0.860).
 */
const LEARNED_WEIGHT = 3;
/** How likely the learned words must make a theme for it to be in the running although no rule matched it. */
const LEARNED_SURE = 0.85;
/** "waited three weeks for": the linking word at most this many words after a manner phrase... */
const LINK_REACH = 2;

interface CompiledTheme {
  readonly definition: ThemeDefinition;
  /** Term key -> weight (1, or WEAK_WEIGHT for `~term`). */
  readonly terms: ReadonlyMap<string, number>;
  /** Terms long enough for the one-edit typo tolerance. */
  readonly longTerms: readonly string[];
  readonly phrases: readonly (readonly string[])[];
  readonly excludes: readonly (readonly string[])[];
}

/** Key of an amount of money ("£3.80", "$12"): a price theme can list it as the term `£`. */
const MONEY = '£';

const keysOf = (phrase: string): string[] =>
  phrase.trim() === MONEY ? [MONEY] :
  // A number word in a rule ("first wash", "half hour") is any number, as it is in the text.
  phrase.split(ANY_GAP).map((part) => tokenize(part.replace(/[#~]/g, (c) => (c === '#' ? ' 0 ' : ' '))).map((token) => (token.isNumber ? '#' : matchKey(token.lemma))))
    .reduce<string[]>((keys, part, i) => (i === 0 ? part : [...keys, ANY_GAP, ...part]), []);

const compiled = new WeakMap<readonly ThemeDefinition[], readonly CompiledTheme[]>();

function compile(themes: readonly ThemeDefinition[]): readonly CompiledTheme[] {
  const cached = compiled.get(themes);
  if (cached) return cached;
  const result = themes.map((definition) => {
    const phrases = definition.phrases.map(keysOf).filter((keys) => keys.length > 0);
    // A one-word phrase is a term; a term written as two words ("mix up") is a phrase.
    const written = [...definition.terms.map(keysOf), ...phrases].filter((keys) => keys.length > 0);
    const terms = new Map<string, number>();
    definition.terms.forEach((term) => {
      const keys = keysOf(term);
      if (keys.length === 1 && keys[0]) terms.set(keys[0], term.trim().startsWith('~') ? WEAK_WEIGHT : 1);
    });
    phrases.forEach((keys) => { if (keys.length === 1 && keys[0]) terms.set(keys[0], 1); });
    return {
      definition,
      terms,
      longTerms: [...terms.keys()].filter((term) => term.length >= FUZZY_MIN_LENGTH),
      phrases: written.filter((keys) => keys.length > 1),
      excludes: definition.excludes.map(keysOf).filter((keys) => keys.length > 0),
    };
  });
  compiled.set(themes, result);
  return result;
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

interface Hit {
  readonly weight: number;
  readonly position: number;
  readonly tokens: readonly Token[];
  /** Only manner words ("took forever", "three weeks"): see rules/manner-words.ts. */
  readonly manner: boolean;
  /** Names what the text is about ("refund", "engineer", "wrong order"): not weak, not manner, not money. */
  readonly subject: boolean;
}

interface PreparedText {
  readonly tokens: readonly Token[];
  readonly keys: readonly string[];
}

function prepare(text: string): PreparedText {
  const tokens = tokenize(text);
  const keyOf = (token: Token): string => (token.isNumber ? (/^[£$€]/.test(token.surface) ? MONEY : '#') : matchKey(token.lemma));
  return { tokens, keys: tokens.map(keyOf) };
}

/** Token positions of a phrase starting at `start`, its words at most PHRASE_GAP apart within one sentence. */
function matchPhrase(text: PreparedText, phrase: readonly string[], start: number, gap: number): number[] | null {
  if (text.keys[start] !== phrase[0]) return null;
  const sentence = text.tokens[start]?.sentence;
  const positions = [start];
  let at = start;
  let reach = gap;
  for (const key of phrase.slice(1)) {
    if (key === ANY_GAP) { reach = Number.POSITIVE_INFINITY; continue; }
    let found = -1;
    for (let next = at + 1; next <= at + 1 + reach && next < text.keys.length; next++) {
      if (text.tokens[next]?.sentence !== sentence) break;
      if (text.keys[next] === key) { found = next; break; }
      // A short gap does not skip a number: "cancelled on me three times" is not "on time".
      if (reach === gap && text.keys[next] === '#') break;
    }
    if (found < 0) return null;
    positions.push(found);
    at = found;
    reach = gap;
  }
  return positions;
}

/** 1.5 after a "but" in the token's sentence, 0.75 before it, else 1. */
function contrastWeight(text: PreparedText, position: number): number {
  const token = text.tokens[position];
  const but = text.tokens.find((other) => other.sentence === token?.sentence && other.lemma === 'but');
  if (!token || !but) return 1;
  return token.index > but.index ? AFTER_BUT : BEFORE_BUT;
}

/** Verbs that make "like" a judgement: "was like dishwater", "tastes like cardboard", "looks like it was dropped". */
const COMPARING_VERBS = new Set(['be', 'taste', 'look', 'smell', 'feel', 'sound']);

/** True when the token at `i` is a "like" that compares the clause's subject to something ("the porridge was like paste"). */
function isComparison(text: PreparedText, i: number): boolean {
  const previous = text.tokens[i - 1];
  return text.tokens[i]?.lemma === 'like' && !!previous && previous.clause === text.tokens[i]?.clause && COMPARING_VERBS.has(previous.lemma);
}

function hitsOf(text: PreparedText, theme: CompiledTheme): Hit[] {
  const vetoed = new Set<number>();
  for (const exclude of theme.excludes) {
    for (let start = 0; start < text.keys.length; start++) {
      if (matchPhrase(text, exclude, start, 0)) vetoed.add(text.tokens[start]?.sentence ?? -1);
    }
  }
  const used = new Set<number>();
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const phrase of theme.phrases) {
    for (let start = 0; start < text.keys.length; start++) {
      const positions = matchPhrase(text, phrase, start, PHRASE_GAP);
      if (!positions || positions.some((p) => used.has(p))) continue;
      if (vetoed.has(text.tokens[start]?.sentence ?? -1)) continue;
      positions.forEach((p) => used.add(p));
      const id = phrase.join(' ');
      if (seen.has(id)) continue;
      seen.add(id);
      const words = phrase.filter((key) => key !== '#' && key !== ANY_GAP).length;
      const tokens = positions.map((p) => text.tokens[p]).filter((t): t is Token => !!t);
      const manner = isManner(text, tokens);
      hits.push({ weight: Math.max(words, 1) * contrastWeight(text, start), position: start, tokens, manner, subject: !manner && !phrase.includes(MONEY) });
    }
  }
  text.keys.forEach((key, position) => {
    if (used.has(position) || key === '#' || isStopWord(text.tokens[position]?.lemma ?? '')) return;
    const token = text.tokens[position];
    if (!token || vetoed.has(token.sentence)) return;
    const term = theme.terms.has(key) ? key
      : key.length >= FUZZY_MIN_LENGTH ? theme.longTerms.find((candidate) => oneEditApart(candidate, key)) : undefined;
    if (!term || seen.has(term)) return;
    seen.add(term);
    const termWeight = theme.terms.get(term) ?? 1;
    const judged = termWeight === WEAK_WEIGHT
      && text.tokens.some((other, i) => other.clause === token.clause && (isEvaluative(text.keys[i] ?? '') || isComparison(text, i)));
    const weight = (judged ? JUDGED_WEAK_WEIGHT : termWeight) * contrastWeight(text, position);
    const manner = isManner(text, [token]);
    hits.push({ weight, position, tokens: [token], manner, subject: !manner && termWeight !== WEAK_WEIGHT && term !== MONEY });
  });
  return hits;
}

const evidenceOf = (hits: readonly Hit[]): string[] =>
  [...hits].sort((a, b) => a.position - b.position).map((hit) =>
    hit.tokens.map((token) => token.surface).filter((surface, i, all) => surface !== all[i - 1]).join(' '));

// An amount of money (prepare's MONEY key) says what something cost, not how it went: "£95 for
// installing" is about price.
const isManner = (text: PreparedText, tokens: readonly Token[]): boolean =>
  tokens.every((token) => text.keys[token.index] !== MONEY && isMannerWord(token.lemma, token.isNumber));

interface ThemeHits { readonly theme: CompiledTheme; readonly order: number; readonly hits: readonly Hit[] }

/**
 * The linking word a manner phrase is "for" ("waited three weeks FOR"): the first one after it in its
 * clause, past more manner words and at most LINK_REACH other words.
 */
function linkAfter(text: PreparedText, last: Token): Token | undefined {
  let others = 0;
  for (const token of text.tokens.slice(last.index + 1)) {
    if (token.clause !== last.clause) return undefined;
    if (LINKING_WORDS.has(token.lemma)) return token;
    if (!isMannerWord(token.lemma, token.isNumber) && ++others > LINK_REACH) return undefined;
  }
  return undefined;
}

/** What a linking word links to: the first word after it that is not a stop word or a number ("for my replacement"). */
function objectAfter(text: PreparedText, link: Token): Token | undefined {
  return text.tokens.slice(link.index + 1).find((token) => !token.isNumber && !isStopWord(token.lemma));
}

/**
 * True when a manner hit ("took forever") is about another theme's subject in its sentence: the
 * subject comes before it ("the refund took forever", "the engineer never turned up"), or follows it
 * in the same clause after a linking word ("waited three weeks for a refund").
 */
function aboutAnotherSubject(text: PreparedText, hit: Hit, all: readonly ThemeHits[], order: number): boolean {
  const first = hit.tokens[0];
  const last = hit.tokens[hit.tokens.length - 1];
  if (!first || !last) return false;
  const link = linkAfter(text, last);
  return all.some((other) => other.order !== order && other.hits.some((subject) => {
    const at = subject.tokens[0];
    if (!subject.subject || !at || at.sentence !== first.sentence) return false;
    if (at.index < first.index) return at.clause === first.clause;
    return !!link && at.clause === link.clause && at.index === objectAfter(text, link)?.index;
  }));
}

/**
 * Each theme's hits, where a manner hit about another theme's subject counts for that subject
 * instead: "the refund took forever" is about the refund, not about waiting.
 */
function attributedHits(text: PreparedText, themes: readonly CompiledTheme[]): ThemeHits[] {
  const all = themes.map((theme, order) => ({ theme, order, hits: hitsOf(text, theme) }));
  return all.map(({ theme, order, hits }) => ({
    theme, order, hits: hits.filter((hit) => !hit.manner || !aboutAnotherSubject(text, hit, all, order)),
  }));
}

interface Scored { readonly match: ThemeMatch; readonly first: number; readonly order: number }

function scoreAll(text: PreparedText, themes: readonly ThemeDefinition[]): Scored[] {
  return attributedHits(text, compile(themes))
    .map(({ theme, order, hits }) => {
      const score = Math.round(hits.reduce((sum, hit) => sum + hit.weight, 0) * 100) / 100;
      const first = Math.min(...hits.map((hit) => hit.position));
      const { key, label } = theme.definition;
      return { match: { key, label, score, evidence: evidenceOf(hits) }, first, order };
    })
    .filter((scored) => scored.match.score >= MIN_SCORE)
    .sort((a, b) => b.match.score - a.match.score || a.first - b.first || a.order - b.order);
}

interface Ranked { readonly match: ThemeMatch; readonly ruleScore: number }

/**
 * The themes in the running, ranked: those the rules found, plus any theme the learned words
 * (rules/learned.ts) make at least LEARNED_SURE likely although no rule matched it. Each scores its
 * rule score plus LEARNED_WEIGHT times its likelihood, so the rules decide where the words are
 * unsure and the words can overrule a single stray term ("cold" in "got a refund for the cold soup").
 * A theme only the words found carries the text's words it was learned from as evidence. Only among
 * themes the words know: where a tenant's own theme is in the running, its rules alone decide.
 */
function rankThemes(text: PreparedText, themes: readonly ThemeDefinition[], learned: LearnedWords): Ranked[] {
  const ruled = scoreAll(text, themes);
  if (ruled.some((scored) => !learned.classes[scored.match.key])) {
    return ruled.map((scored) => ({ match: scored.match, ruleScore: scored.match.score }));
  }
  // Over every theme the words know, not only the tenant's: the words of a retired theme ("filthy")
  // keep their likelihood there instead of flowing to whichever active theme is left.
  const likelihoods = classLikelihoods(learned, learnedFeatures(text.tokens), Object.keys(learned.classes));
  const found = new Set(ruled.map((scored) => scored.match.key));
  const learnedOnly = themes.flatMap((theme, order): Scored[] => {
    if (found.has(theme.key) || (likelihoods.get(theme.key) ?? 0) < LEARNED_SURE) return [];
    const counts = learned.classes[theme.key]?.counts ?? dictionary<number>();
    const evidence = text.tokens.filter((token, i) => (counts[text.keys[i] ?? ''] ?? 0) > 0 && !isStopWord(token.lemma)).map((token) => token.surface);
    // Ties go to what the rules found: a theme of the words alone counts as mentioned last.
    return [{ match: { key: theme.key, label: theme.label, score: 0, evidence, learnedOnly: true }, first: Number.POSITIVE_INFINITY, order }];
  });
  return [...ruled, ...learnedOnly]
    .map((scored) => ({
      scored,
      score: Math.round((scored.match.score + LEARNED_WEIGHT * (likelihoods.get(scored.match.key) ?? 0)) * 100) / 100,
    }))
    .sort((a, b) => b.score - a.score || a.scored.first - b.scored.first || a.scored.order - b.scored.order)
    .map(({ scored, score }) => ({ match: { ...scored.match, score }, ruleScore: scored.match.score }));
}

export interface ClassifyOptions {
  /**
   * The learned words to re-rank with (rules/learned.ts); measurements pass a model trained without
   * the texts they score.
   * @default LEARNED_WORDS, trained on the development texts
   */
  readonly learned?: LearnedWords;
}

/** The primary theme of a text and, where it really says two things, a secondary one. */
export function classifyThemes(text: string, themes: readonly ThemeDefinition[], options: ClassifyOptions = {}): ThemeClassification {
  const [primary, ...others] = rankThemes(prepare(text), themes, options.learned ?? LEARNED_WORDS);
  if (!primary) return { primary: null, secondary: null };
  // A second subject is judged on what the rules found in the text: learned words only rank.
  const [second] = [...others].sort((a, b) => b.ruleScore - a.ruleScore);
  const secondary = second && second.ruleScore >= SECONDARY_MIN_SCORE && second.ruleScore >= primary.ruleScore * SECONDARY_RATIO
    ? second.match : null;
  return { primary: primary.match, secondary };
}

/** A phrase no theme covers: `phrase` is its lemmas (the grouping key), `words` as the customer wrote them. */
export interface CandidatePhrase {
  readonly phrase: string;
  readonly words: string;
}

export interface UnmatchedOptions {
  /** Names to leave out, e.g. the tenant's employees ("Ana Silva"): a name is never a theme. */
  readonly ignore?: readonly string[];
  /** Longest phrase in words (default 3). */
  readonly maxWords?: number;
}

/**
 * Candidate phrases from the sentences of a text that matched no theme: runs of 1 to 3 content words
 * (no stop words or filler, no numbers, no names: capitalised mid-sentence, or in `ignore`), as
 * lemmas. Counting them across many texts surfaces what customers talk about that the taxonomy misses.
 */
export function unmatchedPhrases(text: string, themes: readonly ThemeDefinition[], options: UnmatchedOptions = {}): CandidatePhrase[] {
  const prepared = prepare(text);
  const matchedSentences = new Set<number>();
  for (const { hits } of attributedHits(prepared, compile(themes))) {
    // Only themes the text would be filed under: a lone weak term leaves its sentence unmatched.
    if (hits.reduce((sum, hit) => sum + hit.weight, 0) < MIN_SCORE) continue;
    for (const hit of hits) hit.tokens.forEach((token) => matchedSentences.add(token.sentence));
  }
  const ignored = new Set((options.ignore ?? []).flatMap((name) => tokenize(name).map((token) => token.lemma)));
  const maxWords = options.maxWords ?? 3;
  const isContent = (token: Token): boolean =>
    !token.isNumber && !token.capitalisedMidSentence && !ignored.has(token.lemma) && token.lemma.length > 2
    && /^[a-z]+$/.test(token.lemma) && !isStopWord(token.lemma) && !matchedSentences.has(token.sentence);
  const result = new Map<string, CandidatePhrase>();
  let run: Token[] = [];
  const flush = () => {
    for (let size = 1; size <= maxWords; size++) {
      for (let start = 0; start + size <= run.length; start++) {
        const words = run.slice(start, start + size);
        const phrase = words.map((token) => token.lemma).join(' ');
        if (!result.has(phrase)) result.set(phrase, { phrase, words: words.map((token) => token.surface.toLowerCase()).join(' ') });
      }
    }
    run = [];
  };
  prepared.tokens.forEach((token, i) => {
    const previous = prepared.tokens[i - 1];
    if (previous && previous.clause !== token.clause) flush();
    if (isContent(token)) run.push(token);
    else flush();
  });
  flush();
  return [...result.values()];
}

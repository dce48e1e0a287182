/**
 * Word associations learned from the labelled development texts (features/themes/labelled/): for
 * each theme of the default taxonomy and trade packs, how often each lemma appears in texts filed
 * under it. The matcher (rules/matcher.ts) uses them to rank the themes its rules found, and to bring
 * in a theme the words are sure of where no rule matched it. The same counting, over how the
 * customer felt, gives the learned sentiment words that rules/sentiment.ts weighs with its lexicon.
 *
 * Why: rules list the words their writer thought of. On texts by writers who had seen neither the
 * rules nor the labelled texts, rules alone file about one in five under the wrong theme, mostly
 * where a text holds words of two themes ("£95 on top for installing the oven") or the words that
 * decide it are in no rule ("kettle packed in"). The words of 3,800 labelled texts know more than the
 * rules about which theme wins: on the 3,144 of them the rules were not written from, each scored
 * with words learned without it, pairwise F1 is 0.64 for rules alone and 0.86 with the learned words.
 *
 * The model is multinomial naive Bayes over a text's distinct lemmas (no stop words or numbers) and
 * pairs of neighbouring lemmas ("cold soup", "take age"; kept when at least two texts have them),
 * with add-0.1 smoothing, plus a "no theme" class. Chosen on texts the rules were not written from,
 * scored with words learned without them (README "Generalising the theme rules"). It is trained by
 * `npm run themes:learn`, which writes rules/learned-words.ts; a test fails when that file and the
 * labelled texts disagree. Held-out texts are never trained on. A tenant's own themes (added or
 * promoted) get no learned words: they are matched by their rules only. A renamed theme keeps its
 * key, and so its learned words.
 */
import { dictionary } from './dictionary.ts';
import { matchKey, type Token, tokenize } from './lemmas.ts';
import { isNegator } from './negation.ts';
import { isStopWord } from './stop-words.ts';

/** The class of texts filed under no theme. */
export const NO_THEME = '-';
/** A word never seen with a theme still counts a little (add-0.1 smoothing). */
const SMOOTHING = 0.1;
/**
 * A theme pair of lemmas, or any sentiment word, is learned only when at least this many texts have
 * it: one text's pair says nothing general, and single-text sentiment words changed nothing measured
 * (0.864 against 0.865 on 2,250 texts) but cost 4.6 KB.
 */
const MIN_TEXTS = 2;
const PAIR = ' ';

export interface LearnedClass {
  /** Texts filed under the class. */
  readonly texts: number;
  /** Sum of `counts`. */
  readonly words: number;
  /** Lemma (match key) -> number of the class's texts it appears in. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface LearnedWords {
  readonly texts: number;
  /** Distinct lemmas over all classes. */
  readonly vocabulary: number;
  /** Theme key (or NO_THEME) -> what was learned of it. */
  readonly classes: Readonly<Record<string, LearnedClass>>;
}

export interface TrainingText {
  readonly text: string;
  readonly primary: string | null;
}

export interface SentimentTrainingText {
  readonly text: string;
  readonly sentiment: string;
}

/** The prefix of a lemma after a negation (negation.ts) in its clause. */
const NEGATED = 'not_';

/** A word that can say something: not a number, punctuation-like token or stop word. */
const carriesMeaning = (token: Token): boolean => !token.isNumber && /^[a-z]/.test(token.lemma) && !isStopWord(token.lemma);

/** The distinct lemmas of a text that can say something about its theme, and pairs of neighbouring ones. */
export function learnedFeatures(tokens: readonly Token[]): string[] {
  const keys = tokens.filter(carriesMeaning).map((token) => matchKey(token.lemma));
  const pairs = keys.slice(1).map((key, i) => `${keys[i] ?? ''}${PAIR}${key}`);
  return [...new Set([...keys, ...pairs])];
}

/**
 * The distinct lemmas of a text for reading how the customer felt: a lemma after a negation in its
 * clause is counted apart, as `not_helpful`, since "not helpful" says the opposite of "helpful".
 */
export function sentimentFeatures(tokens: readonly Token[]): string[] {
  const features = new Set<string>();
  let negatedClause = -1;
  for (const token of tokens) {
    if (isNegator(token)) negatedClause = token.clause;
    else if (carriesMeaning(token)) {
      features.add(`${token.clause === negatedClause ? NEGATED : ''}${matchKey(token.lemma)}`);
    }
  }
  return [...features];
}

/** Theme words: every text's features (learnedFeatures) counted under its primary theme, or NO_THEME. */
export function learnWords(texts: readonly TrainingText[]): LearnedWords {
  const items = texts.map((item) => ({ label: item.primary ?? NO_THEME, features: learnedFeatures(tokenize(item.text)) }));
  return learnClasses(items, (feature) => (feature.includes(PAIR) ? MIN_TEXTS : 1));
}

/** Sentiment words: every text's sentimentFeatures counted under how the customer felt. */
export function learnSentiment(texts: readonly SentimentTrainingText[]): LearnedWords {
  const items = texts.map((item) => ({ label: item.sentiment, features: sentimentFeatures(tokenize(item.text)) }));
  return learnClasses(items, () => MIN_TEXTS);
}

/** Counts each item's features under its label, keeping those at least `minTexts` texts have. Sorted, so the output is stable. */
function learnClasses(items: readonly { readonly label: string; readonly features: readonly string[] }[], minTexts: (feature: string) => number): LearnedWords {
  const counts = new Map<string, Map<string, number>>();
  const docs = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const item of items) {
    const key = item.label;
    docs.set(key, (docs.get(key) ?? 0) + 1);
    const words = counts.get(key) ?? new Map<string, number>();
    counts.set(key, words);
    for (const feature of item.features) {
      words.set(feature, (words.get(feature) ?? 0) + 1);
      vocabulary.add(feature);
    }
  }
  const textsWith = new Map<string, number>();
  for (const words of counts.values()) for (const [feature, n] of words) textsWith.set(feature, (textsWith.get(feature) ?? 0) + n);
  for (const words of counts.values()) {
    for (const feature of [...words.keys()]) {
      if ((textsWith.get(feature) ?? 0) < minTexts(feature)) {
        words.delete(feature);
        vocabulary.delete(feature);
      }
    }
  }
  const classes = dictionary<LearnedClass>();
  for (const key of [...docs.keys()].sort()) {
    const words = [...(counts.get(key) ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    classes[key] = { texts: docs.get(key) ?? 0, words: words.reduce((sum, [, n]) => sum + n, 0), counts: dictionary(words) };
  }
  return { texts: items.length, vocabulary: vocabulary.size, classes };
}

/**
 * How likely each of `keys` (and NO_THEME) is for a text of these features (learnedFeatures or
 * sentimentFeatures), 0..1 summing to 1 over them. Keys the model never saw get nothing. Only words
 * the model knows count: an unknown word says nothing, and a text of none gets the classes' priors.
 */
export function classLikelihoods(model: LearnedWords, textFeatures: readonly string[], keys: readonly string[]): Map<string, number> {
  const known = knownClasses(model, keys);
  return likelihoodsOver(model, known, knownFeatures(model, known, textFeatures));
}

/** classLikelihoods, or null when the model knows none of the text's features (only priors would speak). */
export function wordLikelihoods(model: LearnedWords, textFeatures: readonly string[], keys: readonly string[]): Map<string, number> | null {
  const known = knownClasses(model, keys);
  const features = knownFeatures(model, known, textFeatures);
  return features.length === 0 ? null : likelihoodsOver(model, known, features);
}

/** `keys` and NO_THEME, once each, where the model has the class. */
const knownClasses = (model: LearnedWords, keys: readonly string[]): string[] =>
  [...keys, NO_THEME].filter((key, i, all) => model.classes[key] && all.indexOf(key) === i);

/** The features some class of `known` has counted. */
const knownFeatures = (model: LearnedWords, known: readonly string[], textFeatures: readonly string[]): string[] =>
  textFeatures.filter((feature) => known.some((key) => model.classes[key]?.counts[feature] !== undefined));

function likelihoodsOver(model: LearnedWords, known: readonly string[], features: readonly string[]): Map<string, number> {
  const logs = known.map((key) => {
    const learned = model.classes[key];
    if (!learned) return Number.NEGATIVE_INFINITY;
    let log = Math.log((learned.texts + 1) / (model.texts + known.length));
    for (const feature of features) {
      log += Math.log(((learned.counts[feature] ?? 0) + SMOOTHING) / (learned.words + SMOOTHING * model.vocabulary));
    }
    return log;
  });
  const max = Math.max(...logs);
  const total = logs.reduce((sum, log) => sum + Math.exp(log - max), 0);
  return new Map(known.map((key, i) => [key, Math.exp((logs[i] ?? max) - max) / total]));
}

/**
 * How well the matcher and the sentiment scorer agree with hand labels (features/themes/labelled/).
 *
 * Themes are measured as a grouping, the way a manager uses them ("these 12 complaints are one
 * problem"): over every pair of texts, a pair is together in the labels when both have the same
 * primary theme, and together in the output when the matcher gave both the same primary theme.
 * Pairwise precision = pairs together in both / pairs together in the output; recall = pairs
 * together in both / pairs together in the labels; F1 their harmonic mean. Texts without a theme
 * (null) are together with nothing. Per theme: precision and recall of the primary theme per text.
 *
 * Sentiment is measured per text as the label (positive, neutral, negative) of the score against
 * the hand label: accuracy and macro F1 over the three labels.
 */
export interface PairwiseScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Pairs together in both, in the output only, in the labels only. */
  readonly truePairs: number;
  readonly falsePairs: number;
  readonly missedPairs: number;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const harmonic = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Pairwise agreement of two groupings of the same texts (index i of each is text i). */
export function pairwiseScores(expected: readonly (string | null)[], actual: readonly (string | null)[]): PairwiseScores {
  if (expected.length !== actual.length) throw new Error('expected and actual must label the same texts');
  let truePairs = 0;
  let falsePairs = 0;
  let missedPairs = 0;
  for (let i = 0; i < expected.length; i++) {
    for (let j = i + 1; j < expected.length; j++) {
      const labelled = expected[i] != null && expected[i] === expected[j];
      const found = actual[i] != null && actual[i] === actual[j];
      if (labelled && found) truePairs++;
      else if (found) falsePairs++;
      else if (labelled) missedPairs++;
    }
  }
  const precision = ratio(truePairs, truePairs + falsePairs);
  const recall = ratio(truePairs, truePairs + missedPairs);
  return { precision, recall, f1: harmonic(precision, recall), truePairs, falsePairs, missedPairs };
}

export interface ClassScores {
  readonly key: string;
  /** Texts labelled with it. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Precision and recall per label (null, "no theme", is left out), most frequent label first. */
export function perClassScores(expected: readonly (string | null)[], actual: readonly (string | null)[]): ClassScores[] {
  const keys = [...new Set([...expected, ...actual].filter((key): key is string => key != null))];
  return keys
    .map((key) => {
      let hits = 0;
      let predicted = 0;
      let support = 0;
      expected.forEach((label, i) => {
        if (label === key) support++;
        if (actual[i] === key) predicted++;
        if (label === key && actual[i] === key) hits++;
      });
      const precision = ratio(hits, predicted);
      const recall = ratio(hits, support);
      return { key, support, precision, recall, f1: harmonic(precision, recall) };
    })
    .sort((a, b) => b.support - a.support || a.key.localeCompare(b.key));
}

export interface LabelScores {
  readonly accuracy: number;
  /** Mean F1 over the labels that occur. */
  readonly macroF1: number;
}

/** Accuracy and macro F1 of a labelling (e.g. sentiment) against the expected labels. */
export function labelScores<T extends string>(expected: readonly T[], actual: readonly T[]): LabelScores {
  const correct = expected.filter((label, i) => label === actual[i]).length;
  const classes = perClassScores(expected, actual).filter((scores) => scores.support > 0);
  const macroF1 = classes.length === 0 ? 1 : classes.reduce((sum, scores) => sum + scores.f1, 0) / classes.length;
  return { accuracy: ratio(correct, expected.length), macroF1 };
}

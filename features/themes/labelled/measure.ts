/**
 * Runs the matcher and the sentiment scorer over a labelled set and scores them against the labels
 * (rules/evaluation.ts): shared by the quality test (themes.quality.test.ts) and `npm run bench`.
 */
import { type ClassScores, labelScores, type LabelScores, type PairwiseScores, pairwiseScores, perClassScores } from '../rules/evaluation.ts';
import { learnSentiment, learnWords, type LearnedWords } from '../rules/learned.ts';
import { classifyThemes } from '../rules/matcher.ts';
import { type SentimentLabel, sentimentLabel, sentimentOf } from '../rules/sentiment.ts';
import { taxonomyFor } from '../rules/taxonomy.ts';
import type { LabelledText } from './types.ts';

export interface Measurement {
  readonly texts: number;
  readonly themes: PairwiseScores;
  /** Share of texts whose primary theme (or "none") is exactly the label. */
  readonly primaryAccuracy: number;
  readonly perTheme: readonly ClassScores[];
  /** Sentiment from the words and the rating the customer gave. */
  readonly sentiment: LabelScores;
  /** Sentiment from the words alone, against the same labels. */
  readonly sentimentWordsOnly: LabelScores;
  /** Texts the matcher filed differently from the label, for reading. */
  readonly misses: readonly { readonly text: string; readonly expected: string | null; readonly actual: string | null }[];
  readonly sentimentMisses: readonly { readonly text: string; readonly rating: number; readonly expected: SentimentLabel; readonly actual: SentimentLabel }[];
}

/** The learned words to classify with; measurements pass models trained without the texts they score. */
export interface MeasureModels {
  /** @default LEARNED_WORDS */
  readonly themes?: LearnedWords;
  /** @default LEARNED_SENTIMENT */
  readonly sentiment?: LearnedWords;
}

interface Output { readonly theme: string | null; readonly withRating: SentimentLabel; readonly wordsOnly: SentimentLabel }

function outputOf(item: LabelledText, models: MeasureModels): Output {
  return {
    theme: classifyThemes(item.text, taxonomyFor(item.trade), { learned: models.themes }).primary?.key ?? null,
    withRating: sentimentLabel(sentimentOf({ text: item.text, rating: item.rating }, { learned: models.sentiment })),
    wordsOnly: sentimentLabel(sentimentOf({ text: item.text }, { learned: models.sentiment })),
  };
}

/** Scores the matcher and the sentiment scorer on `texts`, with the committed learned words unless `models` says otherwise. */
export function measure(texts: readonly LabelledText[], models: MeasureModels = {}): Measurement {
  return scoreOutputs(texts, texts.map((item) => outputOf(item, models)));
}

function scoreOutputs(texts: readonly LabelledText[], outputs: readonly Output[]): Measurement {
  const expected = texts.map((item) => item.primary);
  const actual = outputs.map((output) => output.theme);
  const expectedSentiment = texts.map((item) => item.sentiment);
  const withRating = outputs.map((output) => output.withRating);
  return {
    texts: texts.length,
    themes: pairwiseScores(expected, actual),
    primaryAccuracy: expected.filter((key, i) => key === actual[i]).length / Math.max(1, texts.length),
    perTheme: perClassScores(expected, actual),
    sentiment: labelScores(expectedSentiment, withRating),
    sentimentWordsOnly: labelScores(expectedSentiment, outputs.map((output) => output.wordsOnly)),
    misses: texts.flatMap((item, i) => (expected[i] === actual[i] ? [] : [{ text: item.text, expected: expected[i] ?? null, actual: actual[i] ?? null }])),
    sentimentMisses: texts.flatMap((item, i) => {
      const got = withRating[i] ?? 'neutral';
      return got === item.sentiment ? [] : [{ text: item.text, rating: item.rating, expected: item.sentiment, actual: got }];
    }),
  };
}

/**
 * The development texts measured fairly: in `folds` rounds, each text is scored with theme and
 * sentiment words learned from the other folds only, so no text is scored by words learned from
 * itself. (The rules and the lexicon were still written from some of these texts: only the held-out
 * sets measure wording they never saw.)
 */
export function crossValidated(texts: readonly LabelledText[], folds = 5): Measurement {
  const outputs: Output[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = texts.filter((_, i) => i % folds !== fold);
    const models = { themes: learnWords(training), sentiment: learnSentiment(training) };
    texts.forEach((item, i) => { if (i % folds === fold) outputs[i] = outputOf(item, models); });
  }
  return scoreOutputs(texts, outputs);
}

const pct = (value: number): string => value.toFixed(2);

/** A plain-text table of one measurement, as `npm run bench` and the quality test print it. */
export function formatMeasurement(name: string, m: Measurement): string {
  const lines = [
    `${name}: ${m.texts} texts`,
    `  primary themes, pairwise: precision ${pct(m.themes.precision)}  recall ${pct(m.themes.recall)}  F1 ${pct(m.themes.f1)}` +
      `  (pairs: ${m.themes.truePairs} right, ${m.themes.falsePairs} wrongly grouped, ${m.themes.missedPairs} missed)`,
    `  primary theme exactly right: ${pct(m.primaryAccuracy)}`,
    `  sentiment with rating: accuracy ${pct(m.sentiment.accuracy)}  macro F1 ${pct(m.sentiment.macroF1)}`,
    `  sentiment, words only: accuracy ${pct(m.sentimentWordsOnly.accuracy)}  macro F1 ${pct(m.sentimentWordsOnly.macroF1)}`,
    '  theme                 texts  precision  recall',
    ...m.perTheme.map((c) => `  ${c.key.padEnd(22)}${String(c.support).padStart(5)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}`),
  ];
  return lines.join('\n');
}

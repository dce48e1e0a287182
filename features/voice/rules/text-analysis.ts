/**
 * The text analysis of the customer voice, in one place: what is computed from a customer's words
 * when a record is written (sentiment, themes, candidate phrases for emerging themes).
 *
 * The analysis itself belongs to the themes feature (the tenant's taxonomy, the matcher and the
 * sentiment formula in features/themes/rules); voice receives it as a `TextAnalyser`, built by
 * features/themes/service.ts from the tenant's active taxonomy once per request or batch, so voice's
 * writers neither read the taxonomy themselves nor depend on how texts are classified.
 */
/** A theme of the tenant's taxonomy, as a record refers to it. */
export interface ThemeRef {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  /** Filed by learned words where no rule matched: the record's words still count towards emerging themes. */
  readonly learnedOnly?: boolean;
}

/** What the customer told us besides their words. */
export interface ToldScores {
  readonly rating?: number | null;
  readonly satisfaction?: number | null;
  readonly nps?: number | null;
}

export interface TextAnalyser {
  /** The primary theme and, where the text really says two things, a secondary one (0 to 2 themes). */
  themesOf(text: string): readonly ThemeRef[];
  /** Candidate phrases (lemmas, and the words as written) of the sentences no theme's rules matched. `ignore`: names. */
  unmatchedPhrases(text: string, ignore: readonly string[]): readonly { phrase: string; words: string }[];
  /** -1..1 from the words and what the customer told us. */
  sentimentOf(text: string, told?: ToldScores): number;
}

/** At most this many candidate phrases are kept per record (the longest texts would flood the counts). */
export const PHRASES_PER_RECORD = 12;

/**
 * Sentiment of one survey-call answer: its words only. The call's satisfaction and NPS are about
 * the whole visit, so they weigh in the call's sentiment, not in each answer's (one call can hold a
 * happy answer and an unhappy one, and each answer's label says which).
 */
export function answerSentiment(analyser: TextAnalyser, answer: string): number {
  return analyser.sentimentOf(answer);
}

/** A call's sentiment: all its answers read as one text, with its satisfaction and NPS. */
export function callSentiment(analyser: TextAnalyser, answers: readonly string[], told: ToldScores): number {
  return analyser.sentimentOf(answers.join('\n'), told);
}

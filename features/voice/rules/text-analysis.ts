/**
 * The text analysis of the customer voice, in one place: what is computed from a customer's words
 * when a record is written (sentiment, themes), and how a theme someone types is turned into the key
 * that filters and complaint trends read (feedback_themes.theme). Writers (records.ts for feedback,
 * the survey-call service for answers) and readers call these functions only, so a new theme
 * detector or sentiment model replaces their bodies without touching the callers.
 */
import { meanSentiment, sentimentOf } from './sentiment.ts';
import { themeKey, themesOf, type Theme } from './themes.ts';

export { sentimentLabel, type SentimentLabel } from './sentiment.ts';
export type { Theme } from './themes.ts';

/** Themes stored per feedback record (its `themes` column and its feedback_themes rows). */
export const THEMES_PER_RECORD = 3;

/** Typed theme filters are cut to this length before they are keyed. */
const THEME_FILTER_MAX_CHARS = 200;

export interface FeedbackTextAnalysis {
  /** -1 to 1. */
  sentiment: number;
  /** Best first, at most THEMES_PER_RECORD. */
  themes: Theme[];
}

/**
 * Sentiment and themes of one feedback body, as stored when the record is written. `ignoreWords`
 * are words that are no theme in this text (the name of the employee a quote is about).
 */
export function analyseFeedbackText(body: string, ignoreWords: readonly string[] = []): FeedbackTextAnalysis {
  return { sentiment: sentimentOf(body), themes: themesOf(body, THEMES_PER_RECORD, ignoreWords) };
}

/** Sentiment of one survey-call answer. */
export function answerSentiment(answer: string): number {
  return sentimentOf(answer);
}

/** A call's sentiment: the mean of its answers' (0 without answers). */
export function callSentiment(answers: string[]): number {
  return meanSentiment(answers);
}

/** The stored theme key a typed theme filter matches ("Waiting Times" -> "wait time"). */
export function themeFilterKey(typed: string): string {
  return themeKey(typed.slice(0, THEME_FILTER_MAX_CHARS));
}

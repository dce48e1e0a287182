/**
 * Sentiment of a customer's words, from the AFINN-165 lexicon (npm `sentiment`): each known word
 * has a score from -5 to 5, a preceding negation ("not", "n't") flips it, and the sum is divided by
 * the number of words. We squash that per-word score into -1..1 with tanh, so one strong word in a
 * short answer counts, and one mild word in a long complaint does not dominate it.
 *
 * Limits: a word list knows no sarcasm ("great, another hour on hold"), no domain words ("cold" is
 * neutral in AFINN, though a cold latte is a complaint) and English only.
 */
import Sentiment from 'sentiment';

const analyzer = new Sentiment();

/** -1 (very negative) to 1 (very positive); 0 for text with no lexicon words. */
export function sentimentOf(text: string): number {
  const { comparative } = analyzer.analyze(text);
  return Math.round(Math.tanh(comparative * 2) * 1000) / 1000;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export function sentimentLabel(score: number): SentimentLabel {
  if (score > 0.1) return 'positive';
  if (score < -0.1) return 'negative';
  return 'neutral';
}

/** Mean sentiment of several texts (e.g. a call's answers); 0 when there are none. */
export function meanSentiment(texts: string[]): number {
  if (texts.length === 0) return 0;
  const total = texts.reduce((sum, text) => sum + sentimentOf(text), 0);
  return Math.round((total / texts.length) * 1000) / 1000;
}

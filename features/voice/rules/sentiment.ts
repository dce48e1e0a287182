/**
 * Sentiment labels. The score itself is computed by the themes feature (features/themes/rules/
 * sentiment.ts: the customer's rating, satisfaction and NPS weighed with their words), handed to
 * voice's writers as part of the tenant's TextAnalyser (text-analysis.ts). It replaced the
 * AFINN-165 word list (npm `sentiment`), which read a call rated 5 with NPS 10 as negative.
 */
export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** Above 0.1 positive, below -0.1 negative, else neutral (the same cut as the themes feature's). */
export function sentimentLabel(score: number): SentimentLabel {
  if (score > 0.1) return 'positive';
  if (score < -0.1) return 'negative';
  return 'neutral';
}

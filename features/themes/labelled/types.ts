/**
 * A hand-labelled customer text: what a service manager reading it would file it under, and how
 * the customer felt. The labels are the ground truth that features/themes/rules/evaluation.ts
 * measures the matcher and the sentiment scorer against.
 */
import type { Trade } from '../rules/definition.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface LabelledText {
  readonly text: string;
  readonly trade: Trade;
  /** The theme a manager would file it under; null for praise without a theme, or off-topic text. */
  readonly primary: string | null;
  /** Only where the text really says two things. */
  readonly secondary: string | null;
  /** The star rating the customer gave with it, 1..5. */
  readonly rating: 1 | 2 | 3 | 4 | 5;
  readonly sentiment: SentimentLabel;
}

/** Compact row as written in the labelled files: [text, primary, secondary, rating, sentiment]. */
export type Row = readonly [string, string | null, string | null, 1 | 2 | 3 | 4 | 5, SentimentLabel];

export function labelled(trade: Trade, rows: readonly Row[]): LabelledText[] {
  return rows.map(([text, primary, secondary, rating, sentiment]) => ({ text, trade, primary, secondary, rating, sentiment }));
}

import { describe, expect, it } from 'vitest';
import { DEVELOPMENT } from './labelled/development.ts';
import { HELD_OUT } from './labelled/held-out.ts';
import { HELD_OUT_INDEPENDENT } from './labelled/held-out-independent.ts';
import { crossValidated, formatMeasurement, measure } from './labelled/measure.ts';
import { pairwiseScores } from './rules/evaluation.ts';
import { TRADES } from './rules/definition.ts';

// The labelled sets are the measure of the matcher (issue 12): at least 300 texts, and held-out parts
// the rules were not written from. The issue aims at pairwise F1 of 0.85 on them: the held-out part
// (written with the first development texts) reaches 0.89, the independent part (written by someone
// who saw neither the rules nor the other texts) 0.87 (README "Complaint themes and sentiment").
// Each floor is a little under what the matcher reaches, to catch regressions; the independent
// part's is the aim itself.
const ISSUE_AIM_F1 = 0.85;
const HELD_OUT_F1_FLOOR = 0.87;
const INDEPENDENT_F1_FLOOR = ISSUE_AIM_F1;
describe('theme and sentiment quality on hand-labelled texts', () => {
  it('has at least 300 labelled texts, 100 held out, in every trade', () => {
    expect(DEVELOPMENT.length + HELD_OUT.length).toBeGreaterThanOrEqual(300);
    for (const part of [HELD_OUT, HELD_OUT_INDEPENDENT]) {
      expect(part.length).toBeGreaterThanOrEqual(100);
      for (const trade of TRADES) expect(part.filter((item) => item.trade === trade).length).toBeGreaterThanOrEqual(30);
    }
  });

  it(`groups the held-out texts like the labels: pairwise F1 >= ${HELD_OUT_F1_FLOOR} (the issue aims at ${ISSUE_AIM_F1})`, () => {
    const heldOut = measure(HELD_OUT);
    console.log(formatMeasurement('held-out', heldOut));
    expect(heldOut.themes.f1).toBeGreaterThanOrEqual(HELD_OUT_F1_FLOOR);
    expect(heldOut.sentiment.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it(`groups the independent held-out texts like the labels: pairwise F1 >= ${INDEPENDENT_F1_FLOOR}`, () => {
    const independent = measure(HELD_OUT_INDEPENDENT);
    console.log(formatMeasurement('independent held-out', independent));
    expect(independent.themes.f1).toBeGreaterThanOrEqual(INDEPENDENT_F1_FLOOR);
    expect(independent.sentiment.accuracy).toBeGreaterThanOrEqual(0.9);
    // From the words alone (survey answers, feedback without a rating): 0.63 with the lexicon alone.
    expect(independent.sentimentWordsOnly.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('groups the development texts like the labels, also with learned words trained without the text scored', () => {
    const development = measure(DEVELOPMENT);
    console.log(formatMeasurement('development', development));
    expect(development.themes.f1).toBeGreaterThanOrEqual(0.9);
    expect(development.sentiment.accuracy).toBeGreaterThanOrEqual(0.9);
    const fair = crossValidated(DEVELOPMENT);
    expect(fair.themes.f1).toBeGreaterThanOrEqual(0.84);
    expect(fair.sentimentWordsOnly.accuracy).toBeGreaterThanOrEqual(0.84);
  });

  it('scores pairwise agreement as the issue defines it', () => {
    // Two texts grouped by both, one pair only by the matcher, none without a theme.
    const scores = pairwiseScores(['a', 'a', 'b', null], ['x', 'x', 'x', null]);
    expect([scores.truePairs, scores.falsePairs, scores.missedPairs]).toEqual([1, 2, 0]);
    expect(scores.precision).toBeCloseTo(1 / 3);
    expect(scores.recall).toBe(1);
    expect(pairwiseScores([null, null], [null, null]).f1).toBe(1);
  });
});

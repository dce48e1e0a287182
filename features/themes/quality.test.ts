import { describe, expect, it } from 'vitest';
import { DEVELOPMENT } from './labelled/development.ts';
import { HELD_OUT } from './labelled/held-out.ts';
import { formatMeasurement, measure } from './labelled/measure.ts';
import { pairwiseScores } from './rules/evaluation.ts';
import { TRADES } from './rules/definition.ts';

// The labelled sets are the measure of the matcher (issue 12): at least 300 texts, a held-out part of
// at least 100 that the rules were not written from, and pairwise F1 of primary themes of 0.85 or
// better on it. `npm run bench` prints the same tables.
describe('theme and sentiment quality on hand-labelled texts', () => {
  it('has at least 300 labelled texts, 100 held out, in every trade', () => {
    expect(DEVELOPMENT.length + HELD_OUT.length).toBeGreaterThanOrEqual(300);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(100);
    for (const trade of TRADES) expect(HELD_OUT.filter((item) => item.trade === trade).length).toBeGreaterThanOrEqual(30);
  });

  it('groups the held-out texts like the labels: pairwise F1 >= 0.85', () => {
    const heldOut = measure(HELD_OUT);
    console.log(formatMeasurement('held-out', heldOut));
    expect(heldOut.themes.f1).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.sentiment.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('does as well on the development texts', () => {
    const development = measure(DEVELOPMENT);
    console.log(formatMeasurement('development', development));
    expect(development.themes.f1).toBeGreaterThanOrEqual(0.85);
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

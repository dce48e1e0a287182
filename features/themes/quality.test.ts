import { describe, expect, it } from 'vitest';
import { DEVELOPMENT } from './labelled/development.ts';
import { HELD_OUT } from './labelled/held-out.ts';
import { formatMeasurement, measure } from './labelled/measure.ts';
import { pairwiseScores } from './rules/evaluation.ts';
import { TRADES } from './rules/definition.ts';

// The labelled sets are the measure of the matcher (issue 12): at least 300 texts, and a held-out part
// of at least 100 that the rules were not written from. The issue aims at pairwise F1 of 0.85 on it;
// the rules reach 0.79 (README "Complaint themes and sentiment"), so this asserts a floor just under
// what they reach, to catch regressions, and says the aim is not met. `npm run bench` prints the tables.
const HELD_OUT_F1_FLOOR = 0.78;
const ISSUE_AIM_F1 = 0.85;
describe('theme and sentiment quality on hand-labelled texts', () => {
  it('has at least 300 labelled texts, 100 held out, in every trade', () => {
    expect(DEVELOPMENT.length + HELD_OUT.length).toBeGreaterThanOrEqual(300);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(100);
    for (const trade of TRADES) expect(HELD_OUT.filter((item) => item.trade === trade).length).toBeGreaterThanOrEqual(30);
  });

  it(`groups the held-out texts like the labels: pairwise F1 >= ${HELD_OUT_F1_FLOOR} (the issue aims at ${ISSUE_AIM_F1})`, () => {
    const heldOut = measure(HELD_OUT);
    console.log(formatMeasurement('held-out', heldOut));
    if (heldOut.themes.f1 < ISSUE_AIM_F1) console.log(`held-out pairwise F1 ${heldOut.themes.f1.toFixed(2)} is below the issue's aim of ${ISSUE_AIM_F1}`);
    expect(heldOut.themes.f1).toBeGreaterThanOrEqual(HELD_OUT_F1_FLOOR);
    expect(heldOut.sentiment.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('groups the development texts like the labels: pairwise F1 >= 0.85', () => {
    const development = measure(DEVELOPMENT);
    console.log(formatMeasurement('development', development));
    expect(development.themes.f1).toBeGreaterThanOrEqual(ISSUE_AIM_F1);
    expect(development.sentiment.accuracy).toBeGreaterThanOrEqual(0.9);
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

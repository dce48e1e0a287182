/**
 * `npm run bench:themes` (part of `npm run bench`): how well the theme matcher and the sentiment
 * scorer (features/themes/rules/) agree with the hand-labelled texts in features/themes/labelled/:
 * the development part (read while writing the rules, and what the learned words are trained on),
 * the same cross-validated (each text scored with learned words trained without it), the held-out
 * part (written with the development texts, never used to tune) and the independent held-out part
 * (written by someone who saw neither the rules nor the other texts). Prints pairwise precision/recall/F1 of primary themes, per-theme precision/recall and
 * sentiment accuracy. Pure functions: no Worker, no database. Also times classification.
 *
 * Options: --misses (list the development texts filed differently from their label; never the held-out ones).
 */
import { parseArgs } from 'node:util';
import { DEVELOPMENT } from '../features/themes/labelled/development.ts';
import { HELD_OUT } from '../features/themes/labelled/held-out.ts';
import { HELD_OUT_INDEPENDENT } from '../features/themes/labelled/held-out-independent.ts';
import { crossValidated, formatMeasurement, measure } from '../features/themes/labelled/measure.ts';
import { classifyThemes } from '../features/themes/rules/matcher.ts';
import { sentimentOf } from '../features/themes/rules/sentiment.ts';
import { taxonomyFor } from '../features/themes/rules/taxonomy.ts';

const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false } } });

const parts = [
  ['development (learned words trained on these)', () => measure(DEVELOPMENT), true],
  ['development, 5-fold cross-validated', () => crossValidated(DEVELOPMENT), false],
  ['held-out', () => measure(HELD_OUT), false],
  ['independent held-out', () => measure(HELD_OUT_INDEPENDENT), false],
] as const;
for (const [name, measured, isDevelopment] of parts) {
  const measurement = measured();
  console.log(formatMeasurement(name, measurement));
  // Misfiled texts only for the development part: reading the held-out texts would tune the rules to them.
  if (values.misses && isDevelopment) {
    for (const miss of measurement.misses) console.log(`  theme  ${miss.expected ?? '-'} -> ${miss.actual ?? '-'}: ${miss.text}`);
    for (const miss of measurement.sentimentMisses) console.log(`  mood   ${miss.expected} -> ${miss.actual} (rated ${miss.rating}): ${miss.text}`);
  }
  console.log('');
}

const all = [...DEVELOPMENT, ...HELD_OUT, ...HELD_OUT_INDEPENDENT];
const rounds = 20;
const started = performance.now();
for (let round = 0; round < rounds; round++) {
  for (const item of all) {
    classifyThemes(item.text, taxonomyFor(item.trade));
    sentimentOf({ text: item.text, rating: item.rating });
  }
}
const perText = (performance.now() - started) / (rounds * all.length);
console.log(`classify + sentiment: ${(perText * 1000).toFixed(0)} µs per text (${all.length} texts x ${rounds} rounds)`);

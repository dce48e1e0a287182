import { describe, expect, it } from 'vitest';
import { learnWords } from './rules/learned.ts';
import { sentimentLabel, sentimentOf } from './rules/sentiment.ts';

const label = (text: string, told: { rating?: number; nps?: number; satisfaction?: number } = {}) => sentimentLabel(sentimentOf({ text, ...told }));

describe('sentimentOf', () => {
  it('reads words that name an object property ("constructor") like any other word', () => {
    expect(label('The constructor was lovely and so helpful')).toBe('positive');
    expect(Number.isFinite(sentimentOf({ text: Object.getOwnPropertyNames(Object.prototype).join(' ') }))).toBe(true);
  });

  it('a call rated 5 with NPS 10 is never negative, whatever the words', () => {
    for (const text of ['Terrible, awful, rude, dirty, the worst', 'Never again', 'The queue was long and the coffee cold', '']) {
      expect(sentimentOf({ text, satisfaction: 5, nps: 10 })).toBeGreaterThan(0.1);
      expect(sentimentOf({ text, rating: 5 })).toBeGreaterThan(0.1);
    }
  });

  it('weighs what the customer told us above the words', () => {
    expect(label('Lovely staff', { rating: 1 })).toBe('negative');
    expect(label('The coffee was fine', { rating: 3 })).toBe('neutral');
    expect(label('It was ok', { nps: 2 })).toBe('negative');
    expect(sentimentOf({ text: 'Great service', rating: 5 })).toBeGreaterThan(sentimentOf({ text: 'Great service', rating: 4 }));
  });

  it('reads praise and complaints from the words alone', () => {
    expect(label('Priya was wonderful, so friendly and helpful!')).toBe('positive');
    expect(label('The delivery was late and the driver was rude.')).toBe('negative');
    expect(label('Popped in with the kids after swimming.')).toBe('neutral');
    expect(label('The latte was cold and the croissant stale')).toBe('negative');
  });

  it('reads complaints no lexicon word names from the learned words, and leaves unknown words neutral', () => {
    const lexiconOnly = { learned: learnWords([]) };
    expect(sentimentOf({ text: 'Kettle packed in after a month' }, lexiconOnly)).toBe(0);
    expect(label('Kettle packed in after a month')).toBe('negative');
    expect(label('The jumper bobbled after two washes')).toBe('negative');
    expect(sentimentOf({ text: 'Zorbly quuxes' })).toBe(0);
    // The cost: words customers mostly complain about tilt a plain statement negative.
    expect(label('We ordered a latte at nine.', {})).toBe('negative');
    expect(sentimentLabel(sentimentOf({ text: 'We ordered a latte at nine.' }, lexiconOnly))).toBe('neutral');
  });

  it('handles negation within the clause', () => {
    expect(label('The coffee was not good')).toBe('negative');
    expect(label('The barista was not rude at all')).toBe('positive');
    expect(label('Never again.')).toBe('negative');
    expect(label('No wait at all')).toBe('positive');
    expect(label("Can't fault them")).toBe('positive');
    expect(sentimentOf({ text: 'not bad' })).toBeLessThan(sentimentOf({ text: 'good' }));
  });

  it('turns plain sarcasm markers negative', () => {
    expect(label('Great, another 40 minute wait.')).toBe('negative');
    expect(label('Thanks for nothing.')).toBe('negative');
    expect(label('Lovely service as always /s')).toBe('negative');
    expect(label('Yeah right, "fresh" bread.')).toBe('negative');
    expect(label('Brilliant, my new oven is broken on day one. Just brilliant.')).toBe('negative');
    // Praise with a comma is not sarcasm when nothing in the text complains.
    expect(label('Great, thanks so much for sorting it!')).toBe('positive');
  });

  it('weighs the clause after "but" more, and intensifiers more than softeners', () => {
    expect(label('Lovely staff but the coffee was awful')).toBe('negative');
    expect(sentimentOf({ text: 'very rude' })).toBeLessThan(sentimentOf({ text: 'a bit rude' }));
  });

  it('stays within -1..1', () => {
    const scores = ['awful '.repeat(50), 'great '.repeat(50)].map((text) => sentimentOf({ text, rating: 3 }));
    for (const score of scores) expect(Math.abs(score)).toBeLessThanOrEqual(1);
  });
});

// The one label cut: the API's sentimentLabel fields (schema/feedback.ts, survey-calls.ts) use it too.
describe('sentiment labels', () => {
  it('cut at ±0.1', () => {
    expect(sentimentLabel(0.05)).toBe('neutral');
    expect(sentimentLabel(0.2)).toBe('positive');
    expect(sentimentLabel(-0.2)).toBe('negative');
  });
});

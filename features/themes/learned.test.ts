import { describe, expect, it } from 'vitest';
import { DEVELOPMENT } from './labelled/development.ts';
import { HELD_OUT } from './labelled/held-out.ts';
import { HELD_OUT_INDEPENDENT } from './labelled/held-out-independent.ts';
import type { ThemeDefinition } from './rules/definition.ts';
import { classLikelihoods, learnedFeatures, learnSentiment, learnWords, NO_THEME, sentimentFeatures } from './rules/learned.ts';
import { packLearned, unpackLearned } from './rules/learned-packing.ts';
import { LEARNED_SENTIMENT, LEARNED_WORDS } from './rules/learned-words.ts';
import { tokenize } from './rules/lemmas.ts';
import { classifyThemes } from './rules/matcher.ts';
import { taxonomyFor } from './rules/taxonomy.ts';

const features = (text: string) => learnedFeatures(tokenize(text));

// A tiny model, so each case says exactly what the words were learned from.
const model = learnWords([
  { text: 'The flapjack cabinet was bare again', primary: 'stock-availability' },
  { text: 'Cabinet empty by ten, no flapjacks', primary: 'stock-availability' },
  { text: 'The fee for the card was steep', primary: 'price-value' },
  { text: 'Came in with my mum', primary: null },
]);
const theme = (key: string, terms: string[]): ThemeDefinition => ({ key, label: key, terms, phrases: [], excludes: [] });

describe('learned theme words', () => {
  it('is trained on the development texts only, and the committed file is current (else run `npm run themes:learn`)', () => {
    expect(LEARNED_WORDS).toEqual(learnWords(DEVELOPMENT));
    expect(LEARNED_SENTIMENT).toEqual(learnSentiment(DEVELOPMENT));
    expect(LEARNED_WORDS.texts).toBe(DEVELOPMENT.length);
    const trained = new Set(DEVELOPMENT.map((item) => item.text));
    // Writers working apart wrote a few generic lines twice ("All good thanks."): none has a theme.
    const shared = [...HELD_OUT, ...HELD_OUT_INDEPENDENT].filter((item) => trained.has(item.text));
    expect(shared.filter((item) => item.primary !== null)).toEqual([]);
    expect(shared.length).toBeLessThanOrEqual(3);
  });

  it('is written packed, each feature once with the classes that have it, and unpacks to what was learned', () => {
    const packed = packLearned(model);
    expect(packed.classes).toEqual([[NO_THEME, 1], ['price-value', 1], ['stock-availability', 2]]);
    expect(packed.features).toBe('bare|cabinet|card|empty|fee|flapjack|mum|steep');
    // "cabinet": 2 texts of column 2 (stock); "card": 1 of column 1 (price).
    expect(packed.counts).toBe('21;22;11;21;11;22;01;11');
    expect(unpackLearned(packed)).toEqual(model);
    const tooMany = learnWords(Array.from({ length: 37 }, (_, i) => ({ text: 'cold', primary: `theme-${i}` })));
    expect(() => packLearned(tooMany)).toThrow('at most 36 classes');
    expect(() => packLearned({ texts: 1, vocabulary: 1, classes: { a: { texts: 1, words: 1, counts: { '': 1 } } } })).toThrow('is empty or holds');
  });

  it('counts each text\'s distinct lemmas and neighbouring pairs under its theme, without stop words or numbers', () => {
    expect(features('The CABINETS and 3 flapjacks again')).toEqual(['cabinet', 'flapjack', 'cabinet flapjack']);
    // Pairs only one text has ("flapjack cabinet", "cabinet empty") are dropped: they say nothing general.
    expect(model.classes['stock-availability']).toEqual({ texts: 2, words: 6, counts: { bare: 1, cabinet: 2, empty: 1, flapjack: 2 } });
    expect(model.classes[NO_THEME]?.texts).toBe(1);
  });

  it('counts a lemma after a negation in its clause apart for sentiment, and keeps only words two texts have', () => {
    expect(sentimentFeatures(tokenize('Not helpful at all, but the cake was good'))).toEqual(['not_helpful', 'cake', 'good']);
    // The lexicon's negations too (negation.ts): "hardly", "without", "nor" turn what follows around.
    expect(sentimentFeatures(tokenize('Hardly friendly. Left without help, nor a smile'))).toEqual(['not_friendly', 'leave', 'not_help', 'not_smile']);
    const sentiment = learnSentiment([
      { text: 'Not helpful', sentiment: 'negative' }, { text: 'Not helpful again', sentiment: 'negative' }, { text: 'Helpful staff', sentiment: 'positive' },
    ]);
    expect(sentiment.classes['negative']?.counts).toEqual({ not_helpful: 2 });
    expect(sentiment.classes['positive']?.counts).toEqual({});
  });

  it('gives likelihoods that sum to 1 and follow the words; unknown words change nothing', () => {
    const keys = ['stock-availability', 'price-value', 'waiting-time'];
    const cabinet = classLikelihoods(model, features('the cabinet was empty and bare'), keys);
    expect([...cabinet.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(cabinet.get('stock-availability')).toBeGreaterThan(0.8);
    // A theme the model never saw gets no likelihood at all.
    expect(cabinet.has('waiting-time')).toBe(false);
    expect(classLikelihoods(model, features('zebra quantum'), keys)).toEqual(classLikelihoods(model, [], keys));
  });
});

describe('classifyThemes with learned words', () => {
  const themes = [theme('price-value', ['card']), theme('stock-availability', ['flapjack']), theme('waiting-time', ['queue'])];

  it('re-ranks the themes the rules found: equal rule scores go to what the words say', () => {
    // Rules: "card" and "flapjack" score 1 each, and the first mentioned would win.
    expect(classifyThemes('Card machine fine, the flapjack cabinet was bare', themes, { learned: learnWords([]) }).primary?.key).toBe('price-value');
    expect(classifyThemes('Card machine fine, the flapjack cabinet was bare', themes, { learned: model }).primary?.key).toBe('stock-availability');
  });

  it('lets a theme no rule found compete when the words are sure of it (likelihood >= 0.85)', () => {
    // Rules find only "card" (price); the words are sure the cabinet is the subject.
    const text = 'Paid by card, the cabinet was empty and bare';
    expect(classifyThemes(text, themes, { learned: learnWords([]) }).primary?.key).toBe('price-value');
    expect(classifyThemes(text, themes, { learned: model }).primary).toMatchObject({ key: 'stock-availability', learnedOnly: true, evidence: ['cabinet', 'empty', 'bare'] });
    // Less sure ("bare" alone), the rules' theme stays.
    expect(classifyThemes('Paid by card, the cabinet was bare', themes, { learned: model }).primary?.key).toBe('price-value');
  });

  it('files a text no rule matched only when the words make one theme likely, with those words as evidence', () => {
    const filed = classifyThemes('Cabinet empty, bare again', themes, { learned: model });
    expect(filed.primary).toMatchObject({ key: 'stock-availability', evidence: ['Cabinet', 'empty', 'bare'] });
    expect(filed.primary?.score).toBeGreaterThanOrEqual(1.5 * 0.85);
    // Less sure (0.75 < 0.85): not filed.
    expect(classifyThemes('Bare', themes, { learned: model }).primary).toBeNull();
    // Words of the "no theme" class, or nothing known: no theme.
    expect(classifyThemes('Came in with my mum', themes, { learned: model }).primary).toBeNull();
    expect(classifyThemes('Lovely afternoon', themes, { learned: model }).primary).toBeNull();
  });

  it('never proposes a theme the tenant does not have (retired or never added)', () => {
    const withoutStock = themes.filter((candidate) => candidate.key !== 'stock-availability');
    expect(classifyThemes('Cabinet empty, bare again', withoutStock, { learned: model }).primary).toBeNull();
  });

  it('leaves the decision to the rules when a tenant\'s own theme is in the running', () => {
    const own = [...themes, theme('parking', ['parking'])];
    // "parking" is the tenant's theme (no learned words): first mentioned wins, as with rules alone.
    expect(classifyThemes('Parking was bare, the flapjack cabinet too', own, { learned: model }).primary?.key).toBe('parking');
  });

  it('uses the committed words by default', () => {
    // Rules alone file it under food (the cold soup); the words of the refunds texts say refund.
    const text = 'Got a refund for the cold soup without any questions.';
    expect(classifyThemes(text, taxonomyFor('cafe'), { learned: learnWords([]) }).primary?.key).toBe('food-drink-quality');
    expect(classifyThemes(text, taxonomyFor('cafe')).primary?.key).toBe('refunds-returns');
  });
});

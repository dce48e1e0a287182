import { describe, expect, it } from 'vitest';
import type { ThemeDefinition } from './rules/definition.ts';
import { learnWords } from './rules/learned.ts';
import { classifyThemes, oneEditApart, unmatchedPhrases } from './rules/matcher.ts';
import { DEFAULT_THEMES, taxonomyFor, TRADE_PACKS } from './rules/taxonomy.ts';

const cafe = taxonomyFor('cafe');
const retail = taxonomyFor('retail');
const appliances = taxonomyFor('appliances');
const primaryOf = (text: string, themes: readonly ThemeDefinition[] = cafe) => classifyThemes(text, themes).primary?.key ?? null;

describe('classifyThemes', () => {
  it('reads words that name an object property ("constructor") like any other word', () => {
    // The word tables and learned counts are keyed by what customers write: a plain object would
    // find Object.prototype's "constructor" there, and tokenizing threw.
    expect(primaryOf('The constructor at the desk was rude', retail)).toBe('staff-attitude');
    const own: ThemeDefinition = { key: 'constructor', label: 'Constructor', terms: ['constructor'], phrases: [], excludes: [] };
    expect(classifyThemes('The constructor never came back', [own, ...retail]).primary).toMatchObject({ key: 'constructor', score: 1 });
    const words = Object.getOwnPropertyNames(Object.prototype).join(' ');
    expect(() => classifyThemes(words, retail)).not.toThrow();
    expect(unmatchedPhrases('Bought a constructor kit for my son', retail).map((phrase) => phrase.phrase)).toContain('constructor kit');
  });

  it('groups differently worded complaints under one theme', () => {
    const waiting = ['We waited forever', 'Took ages to get served', 'The queue barely moved', 'Stood there for 25 mins', 'Painfully slow service'];
    expect(waiting.map((text) => primaryOf(text))).toEqual(waiting.map(() => 'waiting-time'));
    const accuracy = ['Got the wrong drink', 'They forgot my muffin', 'Ordered a latte and got a mocha', 'My order was missing a sandwich'];
    expect(accuracy.map((text) => primaryOf(text))).toEqual(accuracy.map(() => 'order-accuracy'));
  });

  it('does not let a phrase skip a number between its words', () => {
    // "on me three times" is a count, not "on time"; the repair is the subject.
    expect(primaryOf('Engineer has cancelled on me three times now.', appliances)).toBe('repairs-warranty');
    expect(primaryOf('The van arrived right on time.', appliances)).toBe('delivery');
  });

  it('matches lemmas and phrases, and says which words matched', () => {
    const { primary } = classifyThemes('It took absolute ages and we waited 40 minutes', cafe);
    expect(primary?.key).toBe('waiting-time');
    expect(primary?.label).toBe('Waiting time');
    expect(primary?.evidence).toEqual(['took ages', 'waited', '40 minutes']);
  });

  it('tolerates a typing slip in long words', () => {
    expect(primaryOf('The delievery was a day late', retail)).toBe('delivery');
    expect(primaryOf('My warrenty claim was refused', appliances)).toBe('repairs-warranty');
    expect(oneEditApart('warrenty', 'warranty')).toBe(true);
    expect(oneEditApart('filters', 'fitter')).toBe(false);
  });

  it('keeps the topic of a negated word: negation changes the sentiment, not the subject', () => {
    expect(primaryOf('The staff were not rude at all')).toBe('staff-attitude');
    expect(primaryOf('They will not refund me', retail)).toBe('refunds-returns');
    expect(primaryOf('No wait at all, but the latte was stale and lukewarm')).toBe('food-drink-quality');
  });

  it('lets an exclude veto a theme in its sentence', () => {
    expect(primaryOf('Cannot wait to come back!')).toBeNull();
    expect(primaryOf('We will return soon, lovely afternoon', retail)).toBeNull();
    expect(primaryOf('I want to return these shoes', retail)).toBe('refunds-returns');
  });

  it('gives a secondary theme only when the text says two things', () => {
    const two = classifyThemes('We waited 30 minutes and then they got the order wrong', cafe);
    expect([two.primary?.key, two.secondary?.key]).toEqual(['waiting-time', 'order-accuracy']);
    const one = classifyThemes('The queue took forever, twenty minutes for a tea', cafe);
    expect(one.primary?.key).toBe('waiting-time');
    expect(one.secondary).toBeNull();
  });

  it('weighs what follows "but" more: the complaint after praise is the subject', () => {
    expect(primaryOf('Lovely friendly staff but the refund took six weeks', retail)).toBe('refunds-returns');
  });

  it('files how long something took under the thing that took long, not under waiting', () => {
    // The subject before the manner words in their clause, or after them past "for", "on", "to".
    expect(primaryOf('Refund took forever to come through', retail)).toBe('refunds-returns');
    expect(primaryOf('waited 3 weeks for a refund on a faulty toaster', appliances)).toBe('refunds-returns');
    expect(primaryOf('Fitter didnt turn up for the install', appliances)).toBe('installation');
    expect(primaryOf('Still waiting on the engineer, two weeks now', appliances)).toBe('repairs-warranty');
    // Alone, or next to a product (a weak term) or a price, the same words are waiting time.
    expect(primaryOf('Took forever, twenty minutes for a latte')).toBe('waiting-time');
    expect(primaryOf('Waited 20 minutes for a £4 coffee')).toBe('waiting-time');
    expect(primaryOf('Never turned up', retail)).toBe('delivery');
    // Only what the linking word links to: a subject further on in the clause is not what was waited for.
    expect(primaryOf('Waited half an hour for two coffees on a quiet Tuesday')).toBe('waiting-time');
    // A subject in another clause is not what took long: each clause keeps its own.
    const two = classifyThemes('The refund came through fine, but we waited 40 minutes at the till', retail);
    expect(two.primary?.key).toBe('waiting-time');
    expect(two.primary?.evidence).toEqual(['waited', '40 minutes', 'till']);
  });

  it('reads a number word in a rule as any number, as in the text', () => {
    // "first wash" and "one turned up" are rules with number words; the text's "first"/"one" are numbers.
    expect(classifyThemes('Faded on the very first wash', retail).primary?.evidence).toEqual(['Faded', 'first wash']);
    expect(primaryOf('Ordered a navy jumper, a bright green one turned up.', retail)).toBe('order-accuracy');
    // A fiver is money, not a number: the price theme names it.
    expect(primaryOf('Soup, sandwich and a drink for a fiver, cannot argue with that')).toBe('price-value');
  });

  it('files no theme for chat that only mentions a receipt, a neighbour or a van, or says "cracking"', () => {
    const empty = { learned: learnWords([]) };
    for (const text of ['Filled this in because the receipt asked me to', 'Cracking little spot, never lets us down', 'Is there anywhere nearby to park a van?']) {
      expect(classifyThemes(text, retail, empty).primary).toBeNull();
    }
    // Beside what they are about, they still count.
    expect(primaryOf('Refused to refund without a receipt', retail)).toBe('refunds-returns');
    expect(primaryOf('Parcel left with a neighbour without asking', retail)).toBe('delivery');
  });

  it('reads "was like" as judging the thing named, like an evaluative word', () => {
    expect(primaryOf('Porridge was like wallpaper paste.')).toBe('food-drink-quality');
    expect(primaryOf('Porridge with a friend.')).toBeNull();
  });

  it('never returns names, numbers or filler: only themes of the taxonomy it is given', () => {
    const keys = new Set(cafe.map((theme) => theme.key));
    for (const text of ['Ana remembered', 'Two weeks, man', 'um like literally whatever lol', 'Tomasz Tomasz Tomasz 42']) {
      const { primary, secondary } = classifyThemes(text, cafe);
      for (const match of [primary, secondary]) if (match) expect(keys.has(match.key)).toBe(true);
    }
    // No rule matches this praise; the learned words file it under staff attitude, and the name is
    // at most evidence, never the theme.
    expect(classifyThemes('Ana remembered my name, lovely', cafe, { learned: learnWords([]) }).primary).toBeNull();
    expect(classifyThemes('Ana remembered my name, lovely', cafe).primary).toMatchObject({ key: 'staff-attitude', learnedOnly: true });
    expect(classifyThemes('', cafe)).toEqual({ primary: null, secondary: null });
  });

  it('uses the trade pack: cafe food, retail sizing, appliance installation and repairs', () => {
    expect(primaryOf('The croissant was stale')).toBe('food-drink-quality');
    expect(primaryOf('The jeans are far too tight, size runs small', retail)).toBe('sizing-fit');
    expect(primaryOf('The fitter plumbed it in wrong', appliances)).toBe('installation');
    expect(primaryOf('The engineer could not fix the fault', appliances)).toBe('repairs-warranty');
    expect(taxonomyFor(null)).toBe(DEFAULT_THEMES);
    for (const pack of Object.values(TRADE_PACKS)) for (const key of Object.keys(pack.extraRules)) expect(DEFAULT_THEMES.some((t) => t.key === key)).toBe(true);
  });

  it('has stable unique keys and plain labels in every taxonomy', () => {
    for (const themes of [cafe, retail, appliances]) {
      const keys = themes.map((theme) => theme.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const theme of themes) {
        expect(theme.key).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(theme.label).toMatch(/^[A-Z]/);
      }
    }
  });
});

describe('unmatchedPhrases', () => {
  it('lists lemmatised 1-3 word phrases of sentences no theme matched, without names, numbers or filler', () => {
    const phrases = unmatchedPhrases('The music was really loud. Honestly Ana played jazz records 3 times. The coffee was stale.', cafe, { ignore: ['Ana Silva'] });
    const keys = phrases.map((p) => p.phrase);
    expect(keys).toEqual(expect.arrayContaining(['music', 'loud', 'play jazz record', 'jazz record']));
    expect(keys.some((key) => /ana|honestly|really|\d|stale|coffee/.test(key))).toBe(false);
    expect(phrases.find((p) => p.phrase === 'play jazz record')?.words).toBe('played jazz records');
  });

  it('returns nothing for text a theme covers', () => {
    expect(unmatchedPhrases('We waited forty minutes in the queue', cafe)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lemmatise, matchKey, tokenize } from './rules/lemmas.ts';

const lemmas = (text: string) => tokenize(text).map((token) => token.lemma);

describe('lemmas', () => {
  it('looks words up in its tables only where the tables have them ("constructor" is no misspelling)', () => {
    expect(lemmas("The constructor's valueof __proto__")).toEqual(['the', 'constructor', 'valueof', 'proto']);
  });

  it('reduces verb and plural forms to one lemma', () => {
    expect(['waited', 'waiting', 'waits', 'wait'].map(lemmatise)).toEqual(['wait', 'wait', 'wait', 'wait']);
    expect(['queued', 'queuing', 'queues'].map(lemmatise)).toEqual(['queue', 'queue', 'queue']);
    expect(['refunded', 'refunds'].map(lemmatise)).toEqual(['refund', 'refund']);
    expect(['charged', 'charging', 'charges'].map(lemmatise)).toEqual(['charge', 'charge', 'charge']);
    expect(['stopped', 'cancelled', 'installed', 'called'].map(lemmatise)).toEqual(['stop', 'cancel', 'install', 'call']);
    expect(['tried', 'replies', 'deliveries'].map(lemmatise)).toEqual(['try', 'reply', 'delivery']);
  });

  it('knows irregular forms and common misspellings', () => {
    expect(['took', 'brought', 'paid', 'broken', 'forgot', 'was'].map(lemmatise)).toEqual(['take', 'bring', 'pay', 'break', 'forget', 'be']);
    expect(['recieved', 'delievery', 'warrenty', 'mins'].map(lemmatise)).toEqual(['receive', 'delivery', 'warranty', 'minute']);
    expect(['qeue', 'frendly', 'stank', 'arived'].map(lemmatise)).toEqual(['queue', 'friendly', 'stink', 'arrive']);
    // Slang praise is not the verb: "a cracking little spot" has no crack in it.
    expect(['cracking', 'cracked', 'orderd'].map(lemmatise)).toEqual(['cracking', 'crack', 'order']);
    // Irregular past forms customers use of staff and goods: "the driver swore", "it shrank".
    expect(['swore', 'shrank', 'shrunk', 'blew', 'stuck'].map(lemmatise)).toEqual(['swear', 'shrink', 'shrink', 'blow', 'stick']);
  });

  it('reads letters held down for emphasis as one', () => {
    expect(lemmas('sooo slowww, loooong queue')).toEqual(['so', 'slow', 'long', 'queue']);
    expect(['coffee', 'too', 'speedy'].map(lemmatise)).toEqual(['coffee', 'too', 'speedy']);
  });

  it('keeps a base form and its inflections on one match key, without merging different words', () => {
    expect(matchKey(lemmatise('tasted'))).toBe(matchKey(lemmatise('taste')));
    expect(matchKey(lemmatise('rescheduled'))).toBe(matchKey(lemmatise('reschedule')));
    expect(matchKey(lemmatise('caring'))).not.toBe(matchKey(lemmatise('car')));
    expect(matchKey(lemmatise('rated'))).not.toBe(matchKey(lemmatise('rat')));
  });

  it('expands negated contractions, with or without the apostrophe', () => {
    expect(lemmas("I didn't get it")).toEqual(['i', 'do', 'not', 'get', 'it']);
    expect(lemmas('they cant and wont')).toEqual(['they', 'can', 'not', 'and', 'will', 'not']);
    expect(lemmas('It’s Ana’s cup')).toEqual(['it', 'ana', 'cup']);
  });

  it('marks numbers, sentences, clauses and mid-sentence capitals (likely names)', () => {
    const tokens = tokenize('Paid £4.50 at 9am, but Tomasz forgot. Twenty minutes!');
    expect(tokens.filter((t) => t.isNumber).map((t) => t.surface)).toEqual(['£4.50', '9am', 'Twenty']);
    expect(tokens.find((t) => t.surface === 'Tomasz')?.capitalisedMidSentence).toBe(true);
    expect(tokens.find((t) => t.surface === 'Paid')?.capitalisedMidSentence).toBe(false);
    const [paid, forgot, twenty] = ['Paid', 'forgot', 'Twenty'].map((word) => tokens.find((t) => t.surface === word));
    expect(paid?.sentence).toBe(forgot?.sentence);
    expect(twenty?.sentence).toBe((forgot?.sentence ?? 0) + 1);
    expect(forgot?.clause).toBeGreaterThan(paid?.clause ?? 0);
  });

  it('splits hyphenated words without ending the clause; a spaced dash ends it', () => {
    const [self, checkout] = tokenize('self-checkout');
    expect([self?.lemma, checkout?.lemma]).toEqual(['self', 'checkout']);
    expect(self?.clause).toBe(checkout?.clause);
    const [slow, quick] = tokenize('slow - quick');
    expect(quick?.clause).toBe((slow?.clause ?? 0) + 1);
  });
});

/**
 * Words that turn what follows them in their clause around ("not helpful", "never again", "hardly
 * friendly"): one list for the lexicon (sentiment.ts) and the learned sentiment words (learned.ts),
 * so both read the same negations. The surface form counts too, where the lemma table maps a word
 * elsewhere.
 */
import type { Token } from './lemmas.ts';

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'hardly', 'barely', 'nothing', 'nobody', 'none', 'neither', 'nor']);

export const isNegator = (token: Token): boolean => NEGATORS.has(token.lemma) || NEGATORS.has(token.surface.toLowerCase());

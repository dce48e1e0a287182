/**
 * Tokens and lemmas of English customer text, so that the theme rules and the sentiment lexicon can
 * be written once per word: "waited", "waiting" and "waits" are all `wait`, "took" is `take`,
 * "recieved" is `receive`, "didn't" is `do not`.
 *
 * Why hand-written instead of an NLP library: the rules need only a lemma that is the same for every
 * form of a word, plus sentence and clause boundaries for negation; a small table of irregular forms,
 * common misspellings and suffix rules gives that in a few KB, where an English lemmatiser with a
 * dictionary costs hundreds of KB of Worker bundle. Both sides of a match (the text and a theme's
 * terms) go through the same function, so a lemma that is not a dictionary word ("excit") still
 * matches; `matchKey` irons out the remaining silent-e differences ("tast" vs "taste").
 *
 * Limits: English only, no part-of-speech tagging ("left" is always `leave`, never the side), no
 * spelling correction beyond the table (the matcher adds a one-edit tolerance for long words).
 */
import { dictionary } from './dictionary.ts';

export interface Token {
  /** The word as written (apostrophes kept, original case). */
  readonly surface: string;
  /** Lower-case lemma: `wait` for "Waited". Numbers keep their digits. */
  readonly lemma: string;
  /** Position among all tokens of the text. */
  readonly index: number;
  /** Sentences end at . ! ? ; and line breaks. */
  readonly sentence: number;
  /** Clauses also end at commas and at contrast words ("but", "although"): negation stops there. */
  readonly clause: number;
  /** Digits (12, 8.30, 9am, £80) or a number word (two, twenty). */
  readonly isNumber: boolean;
  /** Written with a capital letter where a sentence does not start: likely a name ("asked Tomasz"). */
  readonly capitalisedMidSentence: boolean;
  /** First token of its sentence. */
  readonly sentenceStart: boolean;
}

/** Misspellings customers type often, to the word they meant. Lower-case, no apostrophes. */
const MISSPELLINGS = dictionary<string>({
  recieve: 'receive', recieved: 'received', reciept: 'receipt', reciepts: 'receipts', completly: 'completely',
  definately: 'definitely', defintely: 'definitely', wierd: 'weird', seperate: 'separate', freind: 'friend',
  expresso: 'espresso', capuccino: 'cappuccino', cappucino: 'cappuccino', latee: 'latte',
  delivary: 'delivery', delievery: 'delivery', deliverey: 'delivery', deliverd: 'delivered', ordred: 'ordered',
  waitting: 'waiting', wating: 'waiting', waitng: 'waiting', queing: 'queuing', queueing: 'queuing', que: 'queue',
  rediculous: 'ridiculous', ridiculus: 'ridiculous', dissapointed: 'disappointed', disapointed: 'disappointed',
  dissappointed: 'disappointed', disapointing: 'disappointing', dissapointing: 'disappointing', refound: 'refund',
  horible: 'horrible', horrable: 'horrible', terible: 'terrible', exelent: 'excellent', excelent: 'excellent',
  excellant: 'excellent', realy: 'really', verry: 'very', brocken: 'broken', broked: 'broken', damadged: 'damaged',
  damged: 'damaged', instalation: 'installation', instalations: 'installations',
  installion: 'installation', enginner: 'engineer', engeneer: 'engineer', warrenty: 'warranty', waranty: 'warranty',
  garantee: 'guarantee', guarentee: 'guarantee', gaurantee: 'guarantee', receit: 'receipt', availible: 'available',
  avaliable: 'available', tommorow: 'tomorrow', accross: 'across', untill: 'until', beleive: 'believe',
  mins: 'minutes', min: 'minute', hrs: 'hours', hr: 'hour', secs: 'seconds', ppl: 'people', thx: 'thanks',
  thanx: 'thanks', ty: 'thanks', pls: 'please', plz: 'please', u: 'you', ur: 'your', cuz: 'because', coz: 'because',
  rudeness: 'rude', stuf: 'stuff', appologise: 'apologise', resturant: 'restaurant',
  buisness: 'business', tecnician: 'technician', techician: 'technician', machiene: 'machine', fridgefreezer: 'fridge',
  refunf: 'refund', parcle: 'parcel', pacakge: 'package', pakage: 'package',
  // more of the slips phone typing makes in this domain's words
  servise: 'service', sevice: 'service', custmer: 'customer', costumer: 'customer', delivry: 'delivery', staf: 'staff',
  frendly: 'friendly', freindly: 'friendly', friendley: 'friendly', helpfull: 'helpful', unhelpfull: 'unhelpful',
  qeue: 'queue', queu: 'queue', cofee: 'coffee', coffe: 'coffee', expencive: 'expensive', expensve: 'expensive',
  retun: 'return', retrun: 'return', refun: 'refund', quailty: 'quality', qaulity: 'quality', qualty: 'quality',
  warrantee: 'warranty', instal: 'install', instaled: 'installed', delivred: 'delivered', arived: 'arrived',
  arrvied: 'arrived', scrached: 'scratched', scratced: 'scratched', sise: 'size', availabe: 'available', stok: 'stock',
  ordr: 'order', orderd: 'ordered', oderd: 'ordered', recived: 'received', wrond: 'wrong', wrnog: 'wrong', misssing: 'missing', forgoten: 'forgotten', attitute: 'attitude',
  attitue: 'attitude', manger: 'manager', sandwhich: 'sandwich', sandwitch: 'sandwich', capucino: 'cappuccino',
  dirtey: 'dirty', filthey: 'filthy', clen: 'clean', damadge: 'damage',
  broekn: 'broken', reciet: 'receipt', receipe: 'receipt', engeener: 'engineer', technition: 'technician',
  apointment: 'appointment', appoinment: 'appointment', collegue: 'colleague', resturaunt: 'restaurant',
});

/** Contractions without their apostrophe (as typed on phones): the negation must survive. */
const NEGATED_CONTRACTIONS = dictionary<string>({
  dont: 'do', didnt: 'did', doesnt: 'does', isnt: 'is', wasnt: 'was', werent: 'were', arent: 'are', havent: 'have',
  hasnt: 'has', hadnt: 'had', couldnt: 'could', wouldnt: 'would', shouldnt: 'should', cant: 'can', wont: 'will',
  cannot: 'can', aint: 'is', mustnt: 'must', neednt: 'need',
});

/** Irregular forms to their lemma. Regular forms go through the suffix rules below. */
const IRREGULAR = dictionary<string>({
  // "Cracking" is praise ("a cracking little spot"), not a crack.
  cracking: 'cracking',
  swore: 'swear', sworn: 'swear', drove: 'drive', driven: 'drive', rode: 'ride', ridden: 'ride', shaken: 'shake',
  stuck: 'stick', shrank: 'shrink', shrunk: 'shrink', spoilt: 'spoil', dealt: 'deal', fed: 'feed', blew: 'blow',
  blown: 'blow', grew: 'grow', flew: 'fly', forgave: 'forgive', mistook: 'mistake', overheard: 'overhear',
  leant: 'lean', learnt: 'learn', dreamt: 'dream',
  took: 'take', taken: 'take', came: 'come', went: 'go', gone: 'go', brought: 'bring', bought: 'buy', sent: 'send',
  left: 'leave', paid: 'pay', said: 'say', told: 'tell', got: 'get', gotten: 'get', made: 'make', gave: 'give',
  given: 'give', broke: 'break', broken: 'break', fell: 'fall', fallen: 'fall', found: 'find', thought: 'think',
  kept: 'keep', felt: 'feel', stood: 'stand', sold: 'sell', ran: 'run', spent: 'spend', was: 'be', were: 'be',
  is: 'be', are: 'be', been: 'be', am: 'be', being: 'be', had: 'have', has: 'have', having: 'have', did: 'do',
  does: 'do', done: 'do', forgot: 'forget', forgotten: 'forget', children: 'child', men: 'man', women: 'woman',
  people: 'person', feet: 'foot', teeth: 'tooth', knives: 'knife', shelves: 'shelf', ate: 'eat', eaten: 'eat',
  drank: 'drink', drunk: 'drink', hung: 'hang', stank: 'stink', stunk: 'stink',
  quieter: 'quiet', louder: 'loud', faster: 'fast', quicker: 'quick', slower: 'slow', bigger: 'big', smaller: 'small',
  thinner: 'thin', longer: 'long', shorter: 'short', friendlier: 'friendly', tastier: 'tasty', dirtier: 'dirty', lost: 'lose', meant: 'mean', wore: 'wear', worn: 'wear', tore: 'tear',
  torn: 'tear', threw: 'throw', thrown: 'throw', shook: 'shake', stole: 'steal', stolen: 'steal', wrote: 'write',
  written: 'write', spoke: 'speak', spoken: 'speak', knew: 'know', known: 'know', saw: 'see', seen: 'see',
  began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', heard: 'hear', held: 'hold', led: 'lead',
  met: 'meet', sat: 'sit', slept: 'sleep', spilt: 'spill', smelt: 'smell', burnt: 'burn', built: 'build',
  caught: 'catch', taught: 'teach', fought: 'fight', sought: 'seek', won: 'win', hit: 'hit', cost: 'cost', put: 'put',
  shut: 'shut', set: 'set', cut: 'cut', let: 'let', hurt: 'hurt', quit: 'quit', bent: 'bend', lent: 'lend',
  understood: 'understand', froze: 'freeze', frozen: 'freeze', woke: 'wake', rang: 'ring', rung: 'ring',
  died: 'die', lied: 'lie', tied: 'tie', lying: 'lie', dying: 'die', tying: 'tie', better: 'good', best: 'good',
  worse: 'bad', worst: 'bad', less: 'less', least: 'less', more: 'more', most: 'more', its: 'it', his: 'his',
  this: 'this', us: 'we', news: 'news', always: 'always', perhaps: 'perhaps', series: 'series',
  thanks: 'thanks', glasses: 'glass', clothes: 'clothes', goods: 'goods', jeans: 'jeans', trousers: 'trousers',
  wages: 'wage', sometimes: 'sometimes', towards: 'towards', afterwards: 'afterwards', minus: 'minus', bus: 'bus',
  gas: 'gas', goes: 'go', yes: 'yes', whereas: 'whereas', during: 'during', nothing: 'nothing', something: 'something',
  anything: 'anything', everything: 'everything', thing: 'thing', morning: 'morning', evening: 'evening',
  ceiling: 'ceiling', pudding: 'pudding', wedding: 'wedding', icing: 'icing', bring: 'bring', sibling: 'sibling',
  ring: 'ring', king: 'king', sing: 'sing', spring: 'spring', string: 'string', hundred: 'hundred', need: 'need',
  speed: 'speed', feed: 'feed', seed: 'seed', bleed: 'bleed', red: 'red', bed: 'bed', shed: 'shed', naked: 'naked', wicked: 'wicked', only: 'only', early: 'early', family: 'family', supply: 'supply', reply: 'reply',
  apply: 'apply', ugly: 'ugly', holy: 'holy', jelly: 'jelly', belly: 'belly', bully: 'bully', silly: 'silly',
  july: 'july', italy: 'italy', fly: 'fly', daily: 'day', friendly: 'friendly', lovely: 'lovely', likely: 'likely',
  unfriendly: 'unfriendly', elderly: 'elderly', lonely: 'lonely', costly: 'costly', smelly: 'smelly', monthly: 'month',
  weekly: 'week', hourly: 'hour', yearly: 'year', happily: 'happy', easily: 'easy', sadly: 'sad', badly: 'bad', rudest: 'rude', slowest: 'slow', longest: 'long', cleanest: 'clean',
  cheapest: 'cheap', nicest: 'nice', ages: 'age', sized: 'size', sizes: 'size', sizing: 'size', cookies: 'cookie', pies: 'pie', ties: 'tie', lies: 'lie',
  dies: 'die', movies: 'movie', species: 'species', raised: 'raise', seemed: 'seem', ceased: 'cease', biased: 'bias',
  focused: 'focus', focusing: 'focus', focuses: 'focus', bonuses: 'bonus', buses: 'bus', statuses: 'status',
  caused: 'cause', causes: 'cause', used: 'use', uses: 'use', using: 'use', closed: 'close', closing: 'close',
});

/** Base words ending in a silent e whose suffix-stripped form loses it ("charg" -> "charge"). */
const SILENT_E = new Set([
  'taste', 'waste', 'paste', 'haste', 'charge', 'change', 'exchange', 'arrange', 'damage', 'manage', 'package',
  'engage', 'judge', 'refuse', 'excuse', 'cause', 'promise', 'choose', 'please', 'raise', 'realise', 'realize',
  'apologise', 'apologize', 'advise', 'surprise', 'purchase', 'increase', 'release', 'nurse', 'pause', 'ignore',
  'explore', 'adore', 'compare', 'prepare', 'declare', 'complete', 'delete', 'update', 'create', 'locate', 'quote',
  'operate', 'separate', 'appreciate', 'communicate', 'educate', 'estimate', 'indicate', 'frustrate', 'irritate',
  'infuriate', 'rate', 'state', 'dislike', 'argue', 'continue', 'value', 'issue', 'queue', 'rescue', 'overcharge',
  'recharge', 'replace', 'receive', 'deserve', 'observe', 'solve', 'resolve', 'involve', 'remove', 'improve',
  'approve', 'believe', 'achieve', 'relieve', 'welcome', 'become', 'overcome', 'recognise', 'recognize', 'organise',
  'organize', 'criticise', 'compromise', 'collapse', 'rinse', 'tease', 'cease', 'lease', 'chase', 'phrase', 'praise',
  'house', 'rehouse', 'bruise', 'guarantee', 'scrape', 'shape', 'escape', 'tape', 'drape', 'leave', 'serve', 'arrive',
  'retire', 'require', 'inquire', 'enquire', 'acquire', 'admire', 'desire', 'expire', 'hire', 'fire', 'tire', 'wire',
  'cure', 'secure', 'ensure', 'measure', 'pressure', 'treasure', 'endure', 'store', 'score', 'restore',
  'bore', 'care', 'share', 'scare', 'stare', 'dare', 'spare', 'decline', 'combine', 'define', 'line',
  'shine', 'dine', 'whine', 'fine', 'mine', 'smile', 'file', 'pile', 'style', 'handle', 'bundle', 'settle', 'struggle',
  'juggle', 'puzzle', 'tackle', 'trouble', 'double', 'bubble', 'scramble', 'crumble', 'tumble', 'fumble', 'grumble',
  'wrinkle', 'sparkle', 'chuckle', 'giggle', 'wobble', 'rattle', 'battle', 'bottle', 'title', 'nestle', 'whistle',
  'jostle', 'sample', 'trample', 'topple', 'couple', 'dazzle', 'sizzle', 'fizzle', 'drizzle', 'guzzle', 'nuzzle',
  'close', 'use', 'lose', 'pose', 'nose', 'hose', 'dose', 'rose', 'suppose', 'propose', 'dispose', 'impose',
  'oppose', 'expose', 'compose', 'note', 'vote', 'hate', 'date', 'late', 'plate', 'skate', 'grate', 'crate',
  'make', 'take', 'bake', 'fake', 'wake', 'shake', 'time', 'like', 'hope', 'wipe', 'type', 'pipe', 'ripe',
]);

/** Number words, which are never themes and are numbers for the matcher ("twenty minutes"). */
const NUMBER_WORDS = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fourty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'half', 'dozen', 'couple',
  'first', 'second', 'third', 'fourth', 'fifth', 'once', 'twice',
]);

const CONTRAST_WORDS = new Set(['but', 'although', 'though', 'however', 'yet', 'whereas', 'except']);

const VOWEL = /[aeiouy]/;
const vowelGroups = (word: string): number => (word.match(/[aeiouy]+/g) ?? []).length;

/** The stem after a suffix was cut: undo consonant doubling, restore a silent e. */
function repairStem(stem: string): string {
  const last = stem.at(-1) ?? '';
  const beforeLast = stem.at(-2) ?? '';
  if (last === beforeLast && !VOWEL.test(last)) {
    // "stopp" -> "stop", "cancell" -> "cancel"; but "call", "miss", "buzz" keep the double.
    // "cancell" and "travell" (British doubling after e) lose one l; "install", "call" and "fill" keep both.
    const keepsDouble = (last === 'l' && !(/[^aeiou]ell$/.test(stem) && vowelGroups(stem) >= 2)) || last === 's' || last === 'z' || last === 'f';
    return keepsDouble ? stem : stem.slice(0, -1);
  }
  if (SILENT_E.has(`${stem}e`)) return `${stem}e`;
  // Words never end in v, z, u or c: "serv" -> "serve", "siz" -> "size", "queu" -> "queue", "pric" -> "price".
  if (/[vzuc]$/.test(stem)) return `${stem}e`;
  // One syllable ending consonant-vowel-consonant: "bak" -> "bake", "smil" -> "smile" (not "wait", "open").
  if (vowelGroups(stem) === 1 && /[^aeiouy][aeiouy][^aeiouywx]$/.test(stem) && stem.length >= 3) return `${stem}e`;
  return stem;
}

/** The lemma of one lower-case word without apostrophes. */
export function lemmatise(word: string): string {
  // Letters held down for emphasis ("sooo slowww", "loooong"): no English word has three in a row.
  const plain = word.replace(/([a-z])\1{2,}/g, '$1');
  const spelled = MISSPELLINGS[plain] ?? plain;
  const irregular = IRREGULAR[spelled];
  if (irregular) return irregular;
  const w = spelled;
  if (w.length <= 3 || /\d/.test(w) || w.endsWith('thing')) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('iest') && w.length > 6) return `${w.slice(0, -4)}y`; // friendliest -> friendly
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) return lemmatise(w.slice(0, -1));
  if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    if (stem.length >= 2 && VOWEL.test(stem)) return repairStem(stem);
    return w;
  }
  if (w.endsWith('eed') && w.length <= 5) return w;
  if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    if (w.endsWith('eed')) return w.slice(0, -1); // agreed -> agree, guaranteed -> guarantee
    if (stem.length >= 2 && VOWEL.test(stem)) return repairStem(stem);
    return w;
  }
  if (w.endsWith('ily') && w.length > 5) return `${w.slice(0, -3)}y`; // angrily -> angry
  if (w.endsWith('ly') && w.length > 5 && !w.endsWith('lly')) return lemmatise(w.slice(0, -2)); // rudely -> rude
  if (w.endsWith('lly') && w.length > 6) return w.slice(0, -2); // really -> real, carefully -> careful
  return w;
}

/**
 * The form two lemmas are compared in: the silent e dropped, so a lemma the suffix rules could not
 * restore ("tast" from "tasted") still equals its base form ("taste").
 */
export function matchKey(lemma: string): string {
  if (lemma.length <= 3 || !lemma.endsWith('e') || lemma.endsWith('ee')) return lemma;
  const stem = lemma.slice(0, -1);
  // Where the suffix rules restore the e themselves ("caring" -> "care"), keep it: "care" is not "car".
  return repairStem(stem) === lemma ? lemma : stem;
}

// A word (letters with inner apostrophes), a number with an optional currency sign and unit ("£80",
// "8.30", "9am"), sarcasm's "/s", or punctuation that ends a sentence or a clause. A hyphen inside a
// word ("self-checkout") splits it into two words but ends no clause; a dash between words does.
const WORD = /[£$€]?\d+(?:[.,:]\d+)*(?:am|pm|p|k|st|nd|rd|th|h|m|mins?)?|[a-z]+(?:['’][a-z]+)*|\/s\b|[.!?;\n]+|,|(?<=\s)-(?=\s)|[–—]/giu;

/** Tokens with lemmas, sentence and clause positions. Apostrophe contractions expand: "didn't" -> did not. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let sentenceStart = true;
  const push = (surface: string, lower: string, isNumber: boolean) => {
    const capitalised = /^[A-Z]/.test(surface) && !sentenceStart && lower !== 'i';
    tokens.push({
      surface, lemma: isNumber ? lower : lemmatise(lower), index: tokens.length, sentence, clause, isNumber,
      capitalisedMidSentence: capitalised, sentenceStart,
    });
    sentenceStart = false;
  };
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    if (/^[.!?;\n]+$/.test(raw)) {
      if (!sentenceStart) { sentence++; clause++; }
      sentenceStart = true;
      continue;
    }
    if (raw === ',' || /^[-–—]$/.test(raw)) { clause++; continue; }
    if (raw === '/s') { push(raw, '/s', false); continue; }
    if (/\d/.test(raw)) { push(raw, raw.toLowerCase(), true); continue; }
    const lower = raw.toLowerCase().replace(/’/g, "'");
    if (CONTRAST_WORDS.has(lower)) clause++;
    const [head = lower, clitic] = lower.split("'");
    if (clitic === 't' && head.endsWith('n')) {
      // didn't -> did not; can't -> ca n't -> can not; won't -> will not.
      const base = head === 'won' ? 'will' : head === 'can' || head === 'ca' ? 'can' : head.slice(0, -1);
      push(raw, base, false);
      push(raw, 'not', false);
      continue;
    }
    const bare = lower.replace(/'/g, '');
    const negated = NEGATED_CONTRACTIONS[bare];
    if (negated) {
      push(raw, negated, false);
      push(raw, 'not', false);
      continue;
    }
    // Possessives and other clitics ('s, 're, 've, 'll, 'd, 'm) carry no theme or sentiment.
    push(raw, head, NUMBER_WORDS.has(head));
  }
  return tokens;
}

/** Lemmas of a phrase as written in a rule ("took ages" -> ["take", "age"]). */
export function lemmasOf(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.lemma);
}

/**
 * The default complaint and praise themes every tenant starts with, and the trade packs the demo
 * tenants use. A theme is what a service manager files a comment under ("Waiting time"), not the
 * customer's words: the rules list the words and phrases customers use for it. Terms and phrases
 * are written as plain English; the matcher lemmatises them (rules/lemmas.ts), so "wait" also
 * matches "waited" and "waiting", and "take ages" matches "took ages".
 *
 * Writing rules: a term is a word that on its own says the theme ("rude", "refund"); a weak term
 * (`~coffee`, `~staff`) names the subject without saying anything about it, and decides only when
 * nothing stronger is said; a word that only says it next to another word goes into a phrase
 * ("wrong order"; `#` is any number: "# minute"; `...` any distance in the sentence: "order ... get").
 * Phrases weigh more than terms (see rules/matcher.ts). Excludes veto the theme in that sentence ("can't wait to
 * come back" is not about waiting). Keys are stable slugs; labels are what people read.
 */
import type { ThemeDefinition, Trade } from './definition.ts';

type Rules = Omit<ThemeDefinition, 'key' | 'label'>;
const theme = (key: string, label: string, rules: Partial<Rules>): ThemeDefinition => ({
  key, label, terms: rules.terms ?? [], phrases: rules.phrases ?? [], excludes: rules.excludes ?? [],
});

export const DEFAULT_THEMES: readonly ThemeDefinition[] = [
  theme('waiting-time', 'Waiting time', {
    terms: ['wait', 'queue', 'slow', 'forever', 'ages', 'eternity', 'delay', 'understaffed', 'quick', 'fast', 'speedy', '~till', '~serve',
      'promptly', 'prompt', 'hold', 'immediately', 'instantly', 'sluggish', 'dawdle', 'rush', 'backlog', 'swift', 'rapid', 'hurry'],
    phrases: ['take forever', 'take age', 'take so long', 'take too long', 'too long', 'so long', 'long line',
      'out the door', '# till', '# checkout', 'till open', 'nobody serve', 'no one serve', '# minute', '# min',
      '# hour', 'half hour', 'an hour', 'on hold', 'short staffed', 'no wait', 'within a minute', 'in a minute',
      'straight away', 'right away', 'hang about', 'hang around', 'round the block', 'keep wait', 'leave wait', 'get serve', 'be serve',
      'stand around', 'stand there', 'get through', 'nobody on the till', 'no one on the till', 'no staff on', 'a while', 'long time', 'in seconds'],
    excludes: ['can not wait', 'cannot wait', 'wait to come back', 'hold up well'],
  }),
  theme('order-accuracy', 'Order accuracy', {
    terms: ['wrong', 'mistake', 'forget', 'incorrect', 'instead', 'mixup', 'missing', 'correct', 'accurate'],
    phrases: ['wrong order', 'order wrong', 'wrong item', 'wrong drink', 'wrong colour', 'wrong model', 'not what i order',
      'instead of', 'leave out', 'leave off', 'someone else', 'somebody else', 'mix up', 'mixed up', 'get it wrong', 'item missing', 'missing item', 'send the wrong', 'get the wrong', 'wrong size', 'order ... get', 'get ... order',
      'order ... receive', 'order ... send', 'order ... come', 'ask for ... get', 'ask for ... give', 'give ... ask for', 'get ... ask for', 'without ... order', 'make with', 'pay for ... hand', 'not in the bag',
      'receive ... buy', 'get ... buy', 'buy ... get', 'buy ... receive', 'different model', 'request ... get', 'request ... give',
      'want ... get', 'send ... order', 'order ... send', 'not in the box', 'not in the parcel', 'arrive without', 'send without', 'order ... right', 'get it right', 'get ... right', 'someone elses', 'mess up', 'muddle', 'confuse', 'not what i ask', 'exactly what i ask', 'exactly as',
      'different colour', 'order ... spot on', 'order ... correct', 'order ... bring', 'arrive but not', 'right model', 'right colour', 'not the ... one', 'one turn up'],
  }),
  theme('staff-attitude', 'Staff attitude', {
    terms: ['rude', 'friendly', 'unfriendly', 'polite', 'impolite', 'helpful', 'unhelpful', 'attitude', 'manners',
      'welcoming', 'smile', 'patient', 'impatient', 'kind', '~staff', '~barista', '~assistant', '~cashier', '~waiter',
      '~waitress', '~salesman', '~saleswoman', '~salesperson', '~manager', 'ignore', 'accuse', 'miserable', 'dismissive', 'condescending', 'arrogant', 'abrupt',
      'snappy', 'grumpy', 'moody', 'shout', 'yell', 'pushy', 'knowledgeable', 'cheerful', 'courteous', 'attentive',
      'caring', 'disrespectful', 'respectful', 'star', 'gem', 'legend', 'professional', '~lady', '~guy', '~team',
      'patronising', 'sarcastic', 'hello', 'surly', 'slam', '~lad', '~woman', '~girl', '~man', 'nuisance', 'acknowledge', 'sigh',
      'huddle', 'blame', 'laugh', 'uninterested', 'disinterested', 'curt', 'brusque', 'offhand', 'snotty', 'snooty',
      'stroppy', 'hostile', 'aggressive', 'unwelcome', 'unwelcoming', 'glare', 'stare', 'charming', 'chatty',
      'belittle', 'insult', 'clueless', 'incompetent', 'unprofessional', 'untrained', 'inexperienced',
      'friendliness', 'helpfulness', 'politeness', 'smiley', 'bubbly', 'awkward', 'cheeky', 'mock', 'judge', 'argue', 'argumentative',
      'confrontational', 'superstar', 'clueless', 'hero', 'angel', 'pleasant', 'unpleasant', 'genuine', 'warmth', 'empathy', 'reassure', 'reassuring', 'suspicious', 'accommodating', 'considerate', 'thoughtful', 'apologetic', 'welcome', 'greet', 'swear', 'lecture',
      '~chap', '~bloke', '~fella', '~gentleman', '~employee', '~worker', '~colleague', '~server', '~rep', '~agent', '~advisor', '~adviser',
      '~receptionist', '~operator', '~security', '~guard', '~shop assistant', '~person'],
    phrases: ['above and beyond', 'out of her way', 'out of his way', 'out of their way', 'look down', 'talk down', 'on her phone', 'on his phone', 'on their phone', 'not be bother', 'know nothing',
      'short with', 'roll ... eye', 'talk over', 'credit to', 'offer help', 'laugh at', 'less interested', 'not interested',
      'hang up on', 'put the phone down', 'know ... stuff', 'know their stuff', 'treat ... like', 'follow ... round', 'follow ... around', 'make ... feel',
      'could not care less', 'no apology', 'so helpful', 'extra mile', 'too much trouble', 'no idea', 'could not tell', 'could not answer', 'could not help', 'bend over backwards',
      'passive aggressive', 'no clue'],
    excludes: ['can not argue', 'no complaint'],
  }),
  theme('delivery', 'Delivery', {
    terms: ['delivery', 'deliver', 'courier', 'driver', '~parcel', 'tracking', 'dispatch', 'shipping', 'postman', '~van',
      'slot', 'reschedule', 'late', '~arrive', 'doorstep', '~neighbour', 'signature', 'shipment', 'lorry', 'dpd', 'evri', 'hermes', 'ups', 'post', 'postage', 'ship', 'eta', 'redelivery', 'collect'],
    phrases: ['never arrive', 'not arrive', 'arrive late', 'arrive early', 'out for delivery', 'not turn up', 'never turn up', 'on time', 'no sign of', 'wrong address', 'wrong building', 'wrong house', 'never come', 'wait in',
      'next day', 'leave outside', 'carry ... upstairs', 'over the fence', 'safe place', '# week', 'arrive ... early', 'arrive ... earlier', 'day early', 'day earlier', 'leave ... rain', 'royal mail', 'delivery man'],
  }),
  theme('product-condition', 'Product condition', {
    terms: ['damage', 'dent', 'scratch', 'crack', 'smash', 'crush', 'shatter', 'stain', 'rip', 'hole', 'spill', 'chip',
      'squash', 'soak', 'scuff', 'smudge', 'squish', 'warp', 'mark', 'packing', 'packaging', 'batter', 'bash', 'bent', 'torn', 'tear', 'wet', 'ruin', 'chipped', 'bruise', 'tamper', 'secondhand'],
    phrases: ['arrive broken', 'come broken', 'broken on arrival', 'in pieces', 'perfect condition', 'good condition', 'on arrival', 'in bits', 'out of the box', 'in two piece', 'in # piece', 'already open', 'second hand'],
  }),
  theme('refunds-returns', 'Refunds and returns', {
    terms: ['refund', 'return', 'exchange', '~receipt', 'reimburse', 'compensation', 'chargeback', 'replace', 'replacement',
      'swap', 'reimbursement', 'credit'],
    phrases: ['money back', 'credit note', 'refuse ... exchange', 'return policy', 'returns policy', 'no receipt', 'restocking fee', 'send back', 'take back', 'bring back', 'store credit'],
    excludes: ['will return', 'definitely return', 'be return', 'return soon'],
  }),
  theme('price-value', 'Price and value', {
    terms: ['price', 'expensive', 'overpriced', 'pricey', 'cost', 'value', 'overcharge', 'afford', 'ripoff',
      'robbery', 'bargain', 'discount', 'cheaper', 'deal', 'charge', 'fee', 'quid', 'pound', 'expense', '£', 'promotion', 'percent',
      'cheap', 'cheapest', 'competitor', 'extortionate', 'steep', 'fiver', 'tenner', 'reasonable', 'affordable', 'pricing', 'pricy', 'pricier', 'costly', 'inflate', 'markup', 'save', 'saving', 'budget'],
    phrases: ['rip off', 'worth it', 'not worth', 'value for money', 'price match', 'hidden charge', 'delivery charge', 'free delivery', 'charge extra', 'pay extra',
      'full price', 'on sale', 'mark up', 'worth the money', 'for the money', 'for what it is', 'for what you get', 'in the sale', 'bit much', 'too much', 'much money', 'special offer', 'offer ... apply'],
  }),
  theme('cleanliness', 'Cleanliness', {
    terms: ['clean', 'dirty', 'filthy', 'sticky', 'mess', 'messy', 'spotless', 'tidy', 'untidy', 'smell', 'stink',
      'dust', 'dusty', 'grime', 'grimy', 'grubby', 'crumb', 'litter', 'bin', 'mouse', 'rat', 'hygiene', 'unhygienic', 'toilet',
      'loo', 'bathroom', 'mould', 'cockroach', 'floor', 'mud', 'unwashed', 'minging', 'manky', 'grotty', 'gleam', 'gleaming',
      'spotlessly', 'pristine', 'filth', 'grease', 'stench', 'pong', 'fly', 'vomit', 'soap', 'sanitiser', 'disinfect', 'wipe', 'hoover', 'sweep', 'hanger', 'cobweb', 'overflow', 'scruffy', 'shabby', 'neglect', 'pigsty', 'sanitary'],
    phrases: ['not wash', 'not clean', 'wipe down', 'clear ... table', 'clean up', 'run down'],
  }),
  theme('digital-channels', 'Digital channels (app, website, payment)', {
    terms: ['app', 'website', 'site', 'online', 'web', 'login', 'password', 'contactless', 'payment', 'crash', 'bug',
      'glitch', 'error', 'chatbot', 'email', 'notification', 'basket', 'qr', 'wifi', 'cash', 'stamp', 'loyalty', 'code', 'page', 'paypal',
      'redeem', 'decline', 'declined', 'search', 'browser', 'download', 'portal', 'apple pay', 'google pay', 'online chat', 'internet', 'scanner', 'kiosk',
      'touchscreen', 'terminal', 'self checkout', 'self-checkout', 'subscription', 'sms', 'automated', 'promo', 'google'],
    phrases: ['card machine', 'card reader', 'log in', 'log out', 'chat bot', 'live chat', 'order ahead', 'mobile order',
      'online checkout', 'pay online', 'discount code', 'promo code', 'voucher code', 'log into', 'sign in', 'sign into', 'sign up',
      'go round in circle', 'time out', 'keep freeze', 'app freeze', 'screen freeze', 'page freeze', 'freeze ... pay', 'book online', 'booking system', 'text message', 'keep crash', 'will not load', 'not load'],
  }),
  theme('product-quality', 'Product quality', {
    terms: ['quality', 'flimsy', 'defective', 'faulty', 'shoddy', 'durable', 'sturdy', 'stitching', 'seam', 'material',
      'fabric', 'snap', 'leak', 'noisy', 'quiet', 'fade', 'shrink', 'bobble', 'peel', 'perish', 'thin', 'zip', 'wear',
      'rubbish', 'cotton', 'wool', 'leather', 'reliable', 'unreliable', 'powerful', 'suction', 'performance', 'rattle', 'vibrate',
      'shake', 'wobble', 'squeak', 'buzz', 'hum', 'judder', 'overheat', 'rust', 'fray', 'robust', 'solid', 'sturdy', 'lightweight', 'break', 'plasticky', 'tacky', 'dodgy',
      'temperamental', 'malfunction', 'unravel', 'pill', 'lining', 'flake', 'split',
      'junk', 'tat', 'craftsmanship', 'durability', 'well-made'],
    phrases: ['fall apart', 'cheaply made', 'badly made', 'well made', 'poor quality', 'stop working', 'not work', 'colour run', 'burn out', 'see through', 'break after', 'break within', 'break the first',
      'crack after', 'snap after', 'first use', 'first wash', 'break on',
      'not last', 'wear out', 'fall off', 'come off', 'come apart', 'die after', 'die within', 'pack up', 'pack in', 'conk out', 'give up',
      'wash well', 'work well', 'work great', 'work perfectly', 'stop work', 'go wrong', 'after # month', 'after # wash', 'after # wear',
      'within # month', 'within a fortnight', 'after a fortnight', 'within # week', 'first week', 'first month', 'within a week', 'within a month', 'after a week', 'after a month', 'long lasting', 'hard wearing', 'built to last'],
  }),
  theme('stock-availability', 'Stock and availability', {
    terms: ['stock', 'unavailable', 'availability', 'restock', 'available', 'shelf', 'backorder', 'discontinue', 'shortage', 'range', 'choice', 'selection', 'limited', 'preorder', 'pre-order'],
    phrases: ['coming soon', 'out of ... again', 'sell out', 'sold out', 'out of stock', 'run out', 'none left', 'in stock', 'nothing in', 'never have ... in', 'no left', 'empty shelf', 'run low', 'none in', 'no more', 'have any', 'have none', 'ran out',
      'no ... left', 'nothing left', 'bare shelf', 'not in stock', 'back in stock'],
  }),
];

/** Extra rules for a default theme, and themes of the trade's own. */
export interface TradePack {
  readonly extraRules: Readonly<Record<string, Partial<Rules>>>;
  readonly themes: readonly ThemeDefinition[];
}

export const TRADE_PACKS: Readonly<Record<Trade, TradePack>> = {
  cafe: {
    extraRules: {
      'order-accuracy': { phrases: ['extra shot', 'wrong milk'] },
      'product-condition': { terms: ['leak'] },
      delivery: { terms: ['catering'] },
      'stock-availability': { phrases: ['run out of', 'nothing left'] },
    },
    themes: [
      theme('food-drink-quality', 'Food and drink quality', {
        terms: ['taste', 'tasteless', 'flavour', 'bland', 'stale', 'burnt', 'bitter', 'sour', 'watery', 'weak', 'cold',
          'lukewarm', 'tepid', 'soggy', 'undercooked', 'overcooked', 'raw', 'greasy', 'delicious', 'tasty', 'yummy',
          'fresh', 'foam', 'froth', 'warm', 'scald', 'scalding', 'chewy', 'rubbery', 'inedible', 'hard', 'sweet', 'salty', 'overpower', 'smooth', 'rich', 'moist', 'creamy', 'portion', 'recipe', 'flavourless', 'mushy', 'strong', 'flavoursome', 'hair', 'mouldy', 'curdle', 'stew', 'dry', '~coffee', '~latte', '~cappuccino', '~espresso',
          '~croissant', '~cake', '~sandwich', '~pastry', '~scone', '~muffin', '~tea', '~brew', '~bread', '~food',
          '~drink', '~bean', '~egg', '~bacon', '~pie', '~wrap', '~bun', '~cheese', '~fruit', '~brownie', '~porridge', '~bagel', '~cookie', '~biscuit', '~flapjack', '~smoothie', '~juice', '~roll', '~breakfast', '~lunch', '~meal', '~soup', '~salad', '~toast', '~panini', '~chocolate', '~milk'],
        phrases: ['taste like', 'taste off', 'rock hard', '# day old', 'day old', 'past its best'],
      }),
    ],
  },
  retail: {
    extraRules: {
      cleanliness: { phrases: ['fitting room ... dirty', 'changing room ... dirty'] },
    },
    themes: [
      theme('sizing-fit', 'Sizing and fit', {
        terms: ['size', 'fit', 'tight', 'loose', 'baggy', 'snug', 'petite', 'length', 'waist', 'pinch', 'roomy', 'sleeve', 'hem', 'flattering', 'cut', 'oversized', 'narrow', 'wide', 'measurement', 'huge', 'tiny', 'swamp', 'drown'],
        phrases: ['too long', 'too tight', 'too loose', 'too small', 'too big', 'true to size', 'size up', 'size down', 'run small', 'run large', 'too short',
          'come up small', 'come up big', 'size guide', 'in the leg'],
        excludes: ['fitting room', 'wrong size'],
      }),
    ],
  },
  appliances: {
    extraRules: {
      cleanliness: { excludes: ['dishwasher', 'washing machine', 'vacuum', 'hoover'] },
      'product-quality': { terms: ['loud', 'heat', 'damp', 'motor', 'seal', 'cold', 'freeze', 'stop', 'temperature', 'spin', 'drum', 'efficient', 'bake', 'evenly', 'perform'] },
    },
    themes: [
      theme('installation', 'Installation', {
        terms: ['install', 'installation', 'installer', 'fitter', 'fit', 'plumb', 'plumber', 'connect', 'mount',
          'removal', 'disposal', 'flood', 'fitting', 'level', 'pipe', 'hose', 'socket', 'wiring', 'electrician', 'vent', 'integrate',
          'disconnect', 'uninstall'],
        phrases: ['hook up', 'set up', 'take ... away', 'old one', 'haul away', 'take the old'],
      }),
      theme('repairs-warranty', 'Repairs and warranty', {
        terms: ['repair', 'repairman', 'technician', 'engineer', 'fix', 'warranty', 'guarantee', 'claim', 'fault', 'part', 'void', 'callout', 'diagnose', 'mend', 'insurance', 'cover', 'appointment'],
        excludes: ['can not fault'],
        phrases: ['call out', 'service visit', 'care plan', 'protection plan', 'error code', 'break down', 'not covered', 'extended guarantee'],
      }),
    ],
  },
};

const merge = (base: ThemeDefinition, extra: Partial<Rules> | undefined): ThemeDefinition =>
  extra
    ? {
      ...base,
      terms: [...base.terms, ...(extra.terms ?? [])],
      phrases: [...base.phrases, ...(extra.phrases ?? [])],
      excludes: [...base.excludes, ...(extra.excludes ?? [])],
    }
    : base;

const byTrade = new Map<Trade, readonly ThemeDefinition[]>();

/**
 * A trade's taxonomy: the default themes with the pack's extra rules, then the pack's own themes.
 * The same array for the same trade, so the matcher compiles its rules once (it caches by array).
 */
export function taxonomyFor(trade: Trade | null): readonly ThemeDefinition[] {
  if (!trade) return DEFAULT_THEMES;
  const cached = byTrade.get(trade);
  if (cached) return cached;
  const pack = TRADE_PACKS[trade];
  const themes = [...DEFAULT_THEMES.map((base) => merge(base, pack.extraRules[base.key])), ...pack.themes];
  byTrade.set(trade, themes);
  return themes;
}

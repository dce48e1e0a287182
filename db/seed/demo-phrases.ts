/**
 * What customers of the demo trades say, built compositionally so a quarter of it reads like
 * people and not like a list: an opener, a theme's core sentence with its slots filled, sometimes
 * a detail about the customer, and a closer. Every service theme has cores in each trade's own
 * words (a café's oat latte, an appliance store's delivery slot). Deterministic: the caller passes
 * the seeded PRNG, so the same seed writes the same texts.
 */

/** The service themes every trade's texts cover (the labels a service manager would use). */
export const SERVICE_THEMES = [
  'waiting_time',
  'order_accuracy',
  'staff_attitude',
  'delivery',
  'product_condition',
  'refunds',
  'price_value',
  'cleanliness',
  'digital_channels',
  'product_quality',
  'trade_specific',
] as const;
export type ServiceTheme = (typeof SERVICE_THEMES)[number];

export type Trade = 'cafe' | 'appliances';

/** A uniform PRNG in [0, 1): the seed generator's. */
export type Random = () => number;

interface TradeLexicon {
  /** Complaint sentences per theme; `{slot}` is filled from `fillers`. */
  complaints: Record<ServiceTheme, string[]>;
  /** Praise sentences per theme; `{who}` is a first name (mentions) or a description (answers). */
  praise: Record<ServiceTheme, string[]>;
  /** Complaints about one named employee (`{who}`), for mentions in survey calls. */
  complaintsAbout: string[];
  /** How a customer who does not know a name describes the person who served them. */
  someone: string[];
  ideas: string[];
  fillers: Record<string, string[]>;
  /** Details about the customer that make a text theirs. */
  details: string[];
}

const COMPLAINT_OPENERS = [
  '', '', '', '', 'Not happy. ', 'Honestly, ', 'Second time this month: ', 'I have to say it: ', 'Just so you know, ',
  'Bit disappointed today. ', 'Sorry to complain, but ', 'Quick feedback: ', 'Well. ', 'Not for the first time, ',
];
const COMPLAINT_CLOSERS = [
  '', '', '', '', ' Please sort this out.', ' Really disappointing.', ' Not what I expect from you.', ' I hope someone reads this.',
  ' Would appreciate a call back.', ' Please pass this on.', ' It spoiled my day a bit.', ' Not great.', ' Fix it, please.',
];
const IDEA_OPENERS = ['', '', 'Idea: ', 'Suggestion: ', 'Small thing, but: ', 'Just a thought: ', 'From a regular: '];
const IDEA_CLOSERS = ['', '', ' Thanks!', ' Would make my week.', ' Others would use it too.', ' Just an idea.'];
const PRAISE_OPENERS = ['', '', '', '', 'Just wanted to say: ', 'Honestly, ', 'Credit where it is due: ', 'Lovely experience. ', 'Big thank you! ', 'As always, '];
const PRAISE_CLOSERS = ['', '', '', '', ' Thank you!', ' Will be back.', ' Made my day.', ' Keep it up.', ' Ten out of ten.', ' Please tell them.', ' Really appreciated.'];

const LEXICONS: Record<Trade, TradeLexicon> = {
  cafe: {
    complaints: {
      waiting_time: [
        'I waited {minutes} minutes for a {drink} {time}.',
        'The queue {time} was out the door and only one till was open.',
        'My mobile order took {minutes} minutes even though the app said five.',
        'Waited ages for a warmed-up {food}, {minutes} minutes in the end.',
        'Long wait at {place} {time} and nobody acknowledged the queue.',
        'Stood at the pickup counter for {minutes} minutes while drinks for people behind me came out first.',
      ],
      order_accuracy: [
        'I asked for a {drink} with {milk} and got dairy.',
        'Ordered a {drink} and a {food}, and the {food} never came.',
        'Got someone else’s {drink} and only noticed at the office.',
        'The extra shot I paid for was missing from my {drink}.',
        'Wrong name on the cup and the wrong drink inside it.',
        'I ordered decaf for my {companion} and it was clearly not decaf.',
      ],
      staff_attitude: [
        'The barista {time} was rude when I asked for {milk}.',
        'Staff at {place} were chatting and ignored the queue.',
        'I was made to feel like a nuisance for asking about allergens.',
        'Nobody said hello or thank you, it felt very cold {time}.',
        'When I said my {drink} was wrong I got an eye roll.',
      ],
      delivery: [
        'My bean subscription arrived {days} late.',
        'The catering order for our office came {minutes} minutes after the meeting started.',
        'The courier left our coffee order at the wrong door.',
        'The event cart turned up late and our guests were already leaving.',
        'The delivery driver could not find us and the {food} went cold.',
      ],
      product_condition: [
        'The {food} was squashed flat in the bag.',
        'The lid was not on properly and the {drink} spilled all over my bag.',
        'The bag of beans I bought was already open.',
        'My {food} was stale, clearly from yesterday.',
        'The takeaway cup leaked from the seam.',
      ],
      refunds: [
        'I was charged twice for a {drink} and still have not had the refund.',
        'I asked for a refund on a cold {drink} and was told to come back tomorrow.',
        'The refund for our cancelled catering order has been pending for {days}.',
        'The card machine charged me but the order failed, and nobody could refund it.',
      ],
      price_value: [
        '{price} for a {drink} is too much for the size of it.',
        'Prices went up again and the {food} got smaller.',
        'Paying extra for {milk} every single time feels unfair.',
        'The breakfast deal is not a deal any more.',
      ],
      cleanliness: [
        'Tables at {place} were sticky and covered in crumbs.',
        'The toilets were dirty {time}.',
        'The bins by the door were overflowing.',
        'Milk was spilled on the counter and nobody wiped it for ages.',
        'The window seats had dirty cups on them the whole time I was there.',
      ],
      digital_channels: [
        'The app crashed when I tried to pay for my {drink}.',
        'Loyalty points from my last {visits} visits never showed up in the app.',
        'The app said my order was ready but it was not.',
        'I cannot log in to the app since the update.',
        'The website still shows the old opening hours for {place}.',
      ],
      product_quality: [
        'My {drink} was lukewarm and tasted burnt.',
        'The {drink} was watery, nothing like usual.',
        'The {food} was dry and tasteless.',
        'The coffee tasted bitter, as if the machine had not been cleaned.',
        'The {drink} had no foam at all and was barely warm.',
      ],
      trade_specific: [
        'Could not find a seat at {place} {time}, half the tables had laptops on them.',
        'You ran out of {milk} again by ten.',
        'The music was so loud I could not hear my {companion}.',
        'There was no allergen information for the {food}.',
        'The wifi at {place} kept dropping, hard to work there.',
      ],
    },
    praise: {
      waiting_time: [
        '{who} got the queue moving fast, even {time}.',
        'My {drink} was ready before I had even paid, thanks to {who}.',
        'Huge queue {time} but {who} had it cleared in minutes.',
      ],
      order_accuracy: [
        '{who} remembered my usual {drink} without asking.',
        'The order was spot on: {drink} exactly how I like it, thanks to {who}.',
        '{who} double-checked the allergy note on my {companion}’s order.',
      ],
      staff_attitude: [
        '{who} was so friendly and made my morning.',
        '{who} stayed calm and kind during a crazy rush.',
        '{who} chatted with my {companion} and made us feel at home.',
        '{who} noticed I was in a hurry and got me out the door fast.',
      ],
      delivery: [
        'The catering arrived early and {who} set it all up for us.',
        '{who} brought the event cart right on time and served everyone with a smile.',
      ],
      product_condition: [
        'Everything arrived hot and neatly packed, {who} even added napkins.',
        'The beans were fresh and beautifully packed, thanks to {who}.',
      ],
      refunds: [
        '{who} refunded my spilled {drink} straight away and made a fresh one.',
        '{who} sorted the double charge on my card without any fuss.',
      ],
      price_value: [
        'Great value: the loyalty stamp got me a free {drink}, and {who} explained how it works.',
        '{who} pointed me to the breakfast deal, good value.',
      ],
      cleanliness: [
        'The tables were spotless and {who} kept wiping them all morning.',
        '{who} cleaned up my {companion}’s spilled juice in seconds.',
      ],
      digital_channels: [
        'The app order was ready at the exact time it said, and {who} had it waiting.',
        '{who} walked me through the app and fixed my missing points.',
      ],
      product_quality: [
        'Best {drink} in town, {who} really knows the machine.',
        'The new seasonal blend is wonderful, {who} let me taste it first.',
        'My {food} was warm and fresh, and the {drink} was perfect.',
      ],
      trade_specific: [
        '{who} recommended a new bean and it was wonderful.',
        '{who} found us a table by the window even {time}.',
        '{who} made a {drink} with {milk} without charging extra for once.',
      ],
    },
    complaintsAbout: [
      '{who} seemed distracted and got my {drink} wrong.',
      '{who} was a bit curt when I asked for {milk}.',
      '{who} forgot the extra shot I paid for.',
      '{who} kept me waiting while finishing a chat {time}.',
      '{who} gave me the wrong change and argued about it.',
      '{who} served my {food} cold and shrugged when I said so.',
    ],
    someone: ['the barista', 'the young man at the till', 'the woman on the coffee machine', 'your staff', 'the team on shift', 'the person who served me'],
    ideas: [
      'Please bring back the {drink} with {milk}.',
      'A quiet corner without music would be great for working at {place}.',
      'Let us pre-order for the cupping sessions in the app.',
      'Could {place} open half an hour earlier for commuters?',
      'A reusable cup discount would get me to bring mine.',
      'Put the allergen list on the app next to each {food}.',
      'Sell the {food} in a box of four to take home.',
    ],
    fillers: {
      drink: ['flat white', 'oat latte', 'cappuccino', 'cortado', 'iced americano', 'chai latte', 'double espresso', 'mocha', 'matcha latte', 'filter coffee', 'hot chocolate', 'galão'],
      food: ['almond croissant', 'banana bread', 'cheese toastie', 'pastel de nata', 'cinnamon bun', 'avocado toast', 'blueberry muffin', 'ham sandwich'],
      milk: ['oat milk', 'soy milk', 'almond milk', 'skimmed milk', 'lactose-free milk'],
      minutes: ['ten', 'twelve', 'fifteen', 'twenty', 'almost twenty-five', '18'],
      time: ['at eight', 'in the lunch rush', 'on Saturday morning', 'just after nine', 'before my ferry', 'at about four', 'on Sunday afternoon', 'this morning'],
      place: ['Harbour Street', 'the Riverside kiosk', 'the Old Town roastery', 'the market stall', 'the ferry terminal café'],
      companion: ['daughter', 'husband', 'wife', 'colleague', 'mum', 'friend', 'partner', 'son'],
      days: ['three days', 'a week', 'five days', 'two weeks', 'ten days'],
      price: ['€4.20', '€4.50', '€3.90', '€5'],
      visits: ['three', 'four', 'five', 'six'],
    },
    details: [
      ' I come in every weekday.', ' I was on my way to work.', ' I was with my {companion}.', ' I had a ferry to catch.',
      ' This was at {place}.', ' I am a regular there.', ' It was my first visit.', ' I paid with the app.', ' We were a group of six.',
      ' It was {time}.',
    ],
  },
  appliances: {
    complaints: {
      waiting_time: [
        'I waited {minutes} minutes on hold to book a repair.',
        'Nobody came to help us in {place} for {minutes} minutes.',
        'Collecting my click and collect order took {minutes} minutes.',
        'The repair took {days} longer than promised.',
        'We waited in for the whole {slot} and the engineer came at the very end.',
      ],
      order_accuracy: [
        'We ordered the {colour} {appliance} and got a different colour.',
        'The wrong model of {appliance} was delivered.',
        'The installation kit I paid for was not in the order.',
        'The invoice listed a warranty I never asked for.',
        'The {appliance} came without the {part} shown on the website.',
      ],
      staff_attitude: [
        'The salesman at {place} pushed the extended warranty far too hard.',
        'The delivery crew were rude when I asked them to take their shoes off.',
        'The agent on the phone hung up on me.',
        'Staff at {place} did not know anything about the {appliance}.',
        'I was talked down to when I asked about energy ratings.',
      ],
      delivery: [
        'The {appliance} did not come in the {slot} and nobody called.',
        'Our delivery was moved {times} without any warning.',
        'The driver left the {large} in the driveway in the rain.',
        'The delivery arrived outside the booked slot.',
        'The crew would not carry the {large} upstairs although we paid for it.',
      ],
      product_condition: [
        'The {appliance} arrived with a dent in the {part}.',
        'The box was torn and the {part} was scratched.',
        'Parts were missing from the {appliance} when we unpacked it.',
        'The {appliance} was delivered damaged and looked like an ex-display model.',
      ],
      refunds: [
        'The refund for my returned {appliance} has not arrived after {days}.',
        'I was charged the {fee} twice and the refund is still pending.',
        'I returned the {appliance} within thirty days and was refused a refund.',
        'The store credit I was promised instead of a refund never showed up.',
      ],
      price_value: [
        'The same {appliance} is {amount} cheaper online than in {place}.',
        'The {fee} was not mentioned until checkout.',
        'Price match was refused even with the advert in my hand.',
        'The extended warranty costs almost as much as the {appliance}.',
      ],
      cleanliness: [
        'The installers left packaging and mud all over the kitchen.',
        'The showroom at {place} was dusty and the display fridges were dirty.',
        'The technician left grease on the floor and the worktop.',
        'Old packaging was left in our hallway for us to deal with.',
      ],
      digital_channels: [
        'The website crashed at checkout, twice.',
        'The delivery tracking link never updated.',
        'The online chat closed before anyone answered.',
        'The app showed the {appliance} in stock but it was not.',
        'I never got the text message with the delivery slot.',
      ],
      product_quality: [
        'The {appliance} stopped working after {days}.',
        'The {appliance} is much louder than the one on display.',
        'The door seal on the {appliance} already leaks.',
        'The {appliance} shows an error code every other day.',
      ],
      trade_specific: [
        'The installer did not connect the {plumbed} to the water supply.',
        'The technician did not bring the right part and has to come back.',
        'The warranty claim for my {appliance} has been open for {days}.',
        'The engineer missed the repair appointment without calling.',
        'Nobody took the old {large} away although recycling was booked.',
      ],
    },
    praise: {
      waiting_time: [
        '{who} booked the repair in one short call.',
        '{who} saw us waiting in {place} and came over straight away.',
        '{who} came to fix it the day after I called.',
      ],
      order_accuracy: [
        '{who} checked the model number with me twice, and the right {appliance} arrived.',
        '{who} made sure the installation kit was in the order.',
      ],
      staff_attitude: [
        '{who} explained every option without any sales pressure.',
        '{who} was patient with my {companion} and showed how the {appliance} works.',
        '{who} was polite and cheerful from start to finish.',
      ],
      delivery: [
        '{who} called ahead to say the crew was running early, which was great.',
        'The {large} came right at the start of the {slot}, and {who} was careful with our floors.',
        '{who} and the crew carried the {large} up three flights without a complaint.',
      ],
      product_condition: [
        '{who} unpacked the {appliance} with us to check it was perfect.',
        'The {appliance} arrived in perfect condition, {who} wrapped everything well.',
      ],
      refunds: [
        '{who} processed my refund on the spot.',
        '{who} sorted out my warranty claim in one phone call.',
      ],
      price_value: [
        '{who} price-matched the {appliance} without any argument.',
        '{who} found us a cheaper model that does everything we need.',
      ],
      cleanliness: [
        '{who} protected our floors and cleaned up after the installation.',
        'The crew, with {who} in charge, took all the packaging away.',
      ],
      digital_channels: [
        '{who} answered on the chat within a minute and booked the repair.',
        'The tracking link worked perfectly and {who} texted when they were close.',
      ],
      product_quality: [
        'The {appliance} is brilliant, exactly as {who} described it.',
        'The {appliance} {who} recommended is quiet and works perfectly.',
      ],
      trade_specific: [
        '{who} went the extra mile and fixed the door alignment too.',
        '{who} fixed the {appliance} on the first visit.',
        '{who} took the old {large} for recycling without being asked.',
      ],
    },
    complaintsAbout: [
      '{who} rushed the installation and left packaging behind.',
      '{who} did not know the return policy and gave me wrong information.',
      '{who} never called back as promised.',
      '{who} argued with me about the {slot}.',
      '{who} scratched the {part} while fitting the {appliance}.',
      '{who} told me the {appliance} was in stock when it was not.',
    ],
    someone: ['the salesman', 'the delivery crew', 'the engineer', 'the lady on the phone', 'your technician', 'the young man in the showroom'],
    ideas: [
      'Send a text with the driver’s location on delivery day.',
      'Offer evening delivery slots for people who work.',
      'Let us book repairs through the chat.',
      'Show the energy cost per year next to each {appliance}.',
      'Let us pick a two-hour window instead of the whole {slot}.',
      'Offer to take the old {large} away at checkout.',
    ],
    fillers: {
      appliance: ['washing machine', 'fridge freezer', 'dishwasher', 'tumble dryer', 'oven', 'induction hob', 'microwave', 'coffee machine', 'TV', 'cordless vacuum', 'range hood', 'chest freezer'],
      large: ['washing machine', 'fridge freezer', 'dishwasher', 'tumble dryer', 'range cooker', 'chest freezer', 'American fridge'],
      plumbed: ['washing machine', 'dishwasher', 'American fridge', 'washer dryer'],
      part: ['door', 'side panel', 'control panel', 'handle', 'top', 'glass front'],
      colour: ['white', 'black', 'stainless steel', 'silver', 'graphite'],
      minutes: ['twenty', 'thirty', 'forty', 'forty-five', 'almost an hour of', '35'],
      days: ['three days', 'a week', 'ten days', 'two weeks', 'three weeks', 'a month'],
      slot: ['morning slot', '8 to 12 slot', 'afternoon slot', 'evening slot', 'all-day slot'],
      times: ['twice', 'three times', 'again'],
      place: ['the North showroom', 'the South showroom', 'the Lakeview store', 'your website', 'the click and collect desk'],
      fee: ['delivery fee', 'installation fee', 'haul-away fee', 'service call fee'],
      amount: ['$40', '$89', '$120', '$60', '$150'],
      companion: ['mum', 'dad', 'husband', 'wife', 'neighbour', 'grandmother', 'roommate'],
    },
    details: [
      ' We had taken the day off for it.', ' I work from home so I was in all day.', ' We have a newborn at home.', ' It was for my {companion}.',
      ' We bought it at {place}.', ' I have been a customer for years.', ' It was our first purchase from you.', ' We live on the third floor.',
      ' The order number is on my receipt.', ' I paid for express delivery.',
    ],
  },
};

/** What the person who resolved a complaint wrote, per theme, in words that fit both trades. */
const RESOLUTIONS: Record<ServiceTheme, string[]> = {
  waiting_time: ['Apologised for the wait and explained the staffing that day.', 'Called back, apologised for the wait and sent a voucher.', 'Added a second person at the busy hour; told the customer.'],
  order_accuracy: ['Apologised and replaced the order.', 'Refunded the wrong item and sent the right one.', 'Corrected the order and added a goodwill voucher.'],
  staff_attitude: ['Apologised; spoke with the staff member involved.', 'Called the customer back; the team lead discussed it with the team.', 'Sent a personal apology from the store manager.'],
  delivery: ['Rebooked for the next morning and waived the fee.', 'Apologised for the late delivery and refunded the delivery charge.', 'Spoke to the courier and confirmed a new time with the customer.'],
  product_condition: ['Replaced the damaged item.', 'Offered a replacement or a discount; customer chose the replacement.', 'Collected the damaged item and refunded it in full.'],
  refunds: ['Refund processed; confirmed by email.', 'Found the stuck refund and paid it with an apology.', 'Refunded the double charge the same day.'],
  price_value: ['Explained the pricing and applied the current offer.', 'Price-matched and refunded the difference.', 'Passed the feedback on prices to the managers; offered a voucher.'],
  cleanliness: ['Apologised; cleaning checks added to the shift list.', 'Cleaned up and apologised in person.', 'Raised it with the cleaning team; followed up with the customer.'],
  digital_channels: ['Fixed in the app; points added by hand.', 'Logged the bug with IT and helped the customer by phone.', 'Sent the customer the right link and confirmed it works.'],
  product_quality: ['Replaced it and apologised.', 'Refunded and passed the fault to the supplier.', 'Booked a check of the equipment and refunded the customer.'],
  trade_specific: ['Called the customer back and fixed it the same day.', 'Booked a new visit at a time that suits them.', 'Apologised and arranged what was missing.'],
};

const pickFrom = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/**
 * Fills `{slot}`s from the trade's fillers, `{who}` from `who`. A slot used twice (also across the
 * core and its detail, which share `chosen`) means the same thing twice.
 */
function fill(rand: Random, lexicon: TradeLexicon, template: string, who?: string, chosen = new Map<string, string>()): string {
  return template.replace(/\{(\w+)\}/g, (match, slot: string) => {
    const known = chosen.get(slot);
    if (known) return known;
    const options = lexicon.fillers[slot];
    const value = slot === 'who' ? (who ?? pickFrom(rand, lexicon.someone)) : options ? pickFrom(rand, options) : match;
    chosen.set(slot, value);
    return value;
  });
}

/** Upper-cases the first letter ("the barista was..." -> "The barista was..."). */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Opener + core: after an opener that runs on ("Honestly, ") the core's first letter is lower-cased,
 * unless it starts with a name, "I" or a figure (`keepCase`).
 */
function joinOpener(opener: string, core: string, keepCase: boolean): string {
  if (!opener) return sentence(core);
  const runsOn = opener.endsWith(', ') || opener.endsWith(': ') || opener.endsWith('but ');
  return opener + (runsOn && !keepCase ? core.charAt(0).toLowerCase() + core.slice(1) : sentence(core));
}

/** Whether a template's first word must keep its case: a name, "I", or a slot such as a price. */
const keepsCase = (template: string, who: string | undefined) => template.startsWith('I ') || (template.startsWith('{who}') ? who !== undefined : template.startsWith('{'));

/** The words customers of `trade` use, with the seeded PRNG. */
export function phrasesFor(trade: Trade, rand: Random) {
  const lexicon = LEXICONS[trade];
  const detail = (chosen: Map<string, string>) => (rand() < 0.4 ? fill(rand, lexicon, pickFrom(rand, lexicon.details), undefined, chosen) : '');
  return {
    /** A complaint about `theme` (a record, or what an unhappy customer answered on a call). */
    complaint(theme: ServiceTheme): string {
      const template = pickFrom(rand, lexicon.complaints[theme]);
      const chosen = new Map<string, string>();
      const core = fill(rand, lexicon, template, undefined, chosen);
      return sentence(joinOpener(pickFrom(rand, COMPLAINT_OPENERS), core, keepsCase(template, undefined)) + detail(chosen) + pickFrom(rand, COMPLAINT_CLOSERS));
    },
    /** Praise about `theme`; `who` is the employee's first name, or a description when absent. */
    praise(theme: ServiceTheme, who?: string): string {
      const template = pickFrom(rand, lexicon.praise[theme]);
      const chosen = new Map<string, string>();
      const core = fill(rand, lexicon, template, who, chosen);
      return sentence(joinOpener(pickFrom(rand, PRAISE_OPENERS), core, keepsCase(template, who)) + (rand() < 0.25 ? detail(chosen) : '') + pickFrom(rand, PRAISE_CLOSERS));
    },
    /** A complaint about one named employee (`who`: their first name). */
    complaintAbout(who: string): string {
      const chosen = new Map<string, string>();
      const core = fill(rand, lexicon, pickFrom(rand, lexicon.complaintsAbout), who, chosen);
      return sentence(joinOpener(pickFrom(rand, COMPLAINT_OPENERS), core, true) + detail(chosen) + pickFrom(rand, COMPLAINT_CLOSERS));
    },
    /** The note of whoever resolved a complaint about `theme`. */
    resolution(theme: ServiceTheme): string {
      return pickFrom(rand, RESOLUTIONS[theme]);
    },
    idea(): string {
      const template = pickFrom(rand, lexicon.ideas);
      return sentence(joinOpener(pickFrom(rand, IDEA_OPENERS), fill(rand, lexicon, template), keepsCase(template, undefined)) + pickFrom(rand, IDEA_CLOSERS));
    },
  };
}

export type Phrases = ReturnType<typeof phrasesFor>;

const FIRST_NAMES = [
  'Hannah', 'Marco', 'Siobhan', 'Ravi', 'Judith', 'Kenta', 'Amelia', 'Farah', 'Gordon', 'Aylin', 'Peter', 'Chiamaka', 'Louise', 'Sanjay', 'Maria', 'Tom',
  'Inês', 'João', 'Beatriz', 'Rui', 'Carla', 'Miguel', 'Leonor', 'Duarte', 'Sara', 'Tiago', 'Rita', 'Nuno', 'Emma', 'Noah', 'Olivia', 'Liam', 'Ava',
  'Ethan', 'Mia', 'Lucas', 'Zoe', 'Daniel', 'Grace', 'Samuel', 'Chloe', 'Isaac', 'Yusuf', 'Leila', 'Wei', 'Hiroshi', 'Anika', 'Pavel', 'Katarzyna',
  'Dmitri', 'Fatima', 'Kwabena', 'Ngozi', 'Rosa', 'Diego', 'Camila', 'Jamal', 'Tanisha', 'Brian', 'Megan', 'Kevin', 'Laura', 'Patrick', 'Aoife',
];
const LAST_NAMES = [
  'Price', 'Bellini', 'Kelly', 'Patel', 'Lowe', 'Mori', 'Grant', 'Aziz', 'Blake', 'Demir', 'Novak', 'Eze', 'Martin', 'Rao', 'Lopez', 'Fischer',
  'Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Rodrigues', 'Sousa', 'Almeida', 'Carvalho', 'Smith', 'Johnson', 'Brown', 'Walker',
  'Nguyen', 'Kim', 'Okafor', 'Mensah', 'Kowalski', 'Haddad', 'Schmidt', 'Dubois', 'Rossi', 'Jensen', 'Murphy', 'Byrne', 'Wright', 'Hughes', 'Ali',
  'Khan', 'Tanaka', 'Chen', 'Wong', 'Reyes', 'Cruz', 'Morales', 'Hernández', 'Jackson', 'Thompson', 'Young', 'Baker', 'Evans', 'Collins', 'Ward',
];

export interface DemoCustomer {
  name: string;
  /** An address at a reserved example domain, or a number from a range set aside for fiction. */
  contact: string;
}

/** ASCII for an email local part: "Inês Hernández" -> "ines.hernandez". */
const asciiLower = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

/**
 * `count` distinct customers with plausible names and contacts that reach nobody: emails at the
 * reserved example.com/.net/.org, phone numbers from Ofcom's drama range (+44 7700 900xxx) for the
 * café and the US 555-01xx fiction range for the appliance store (100 numbers, so most get email).
 */
export function demoCustomers(trade: Trade, count: number, rand: Random): DemoCustomer[] {
  const seen = new Set<string>();
  const customers: DemoCustomer[] = [];
  let usPhones = 0;
  for (let attempt = 0; customers.length < count && attempt < count * 20; attempt++) {
    const first = pickFrom(rand, FIRST_NAMES);
    const last = pickFrom(rand, LAST_NAMES);
    const name = `${first} ${last}`;
    if (seen.has(name)) continue;
    seen.add(name);
    let contact: string;
    if (trade === 'cafe' && rand() < 0.45) {
      contact = `+44 7700 900${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    } else if (trade === 'appliances' && rand() < 0.4 && usPhones < 100) {
      contact = `(312) 555-01${String(usPhones++).padStart(2, '0')}`;
    } else {
      const style = pickFrom(rand, [`${asciiLower(first)}.${asciiLower(last)}`, `${asciiLower(first)}${asciiLower(last)}`, `${asciiLower(first).charAt(0)}${asciiLower(last)}`, `${asciiLower(first)}.${asciiLower(last)}${Math.floor(rand() * 90) + 10}`]);
      contact = `${style}@${pickFrom(rand, ['example.com', 'example.net', 'example.org'])}`;
    }
    customers.push({ name, contact });
  }
  return customers;
}

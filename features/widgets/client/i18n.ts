/**
 * The widgets' words, English (default) and German. An element speaks the language of its own
 * `lang` attribute, else of its nearest ancestor with one (usually <html lang>).
 */
const en = {
  loading: 'Loading…',
  feedbackTitle: 'Who helped you today?',
  nobody: 'Nobody to rate here yet.',
  rateTitle: 'How did {name} do?',
  rating: ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'],
  rate: 'Rate {n} of 5: {label}',
  saved: 'Thank you! Your rating for {name} is saved.',
  replaced: 'Updated: your rating for {name} is now {n} of 5.',
  commentLabel: 'What went well or wrong? (optional)',
  send: 'Send comment',
  commentSaved: 'Thank you, your comment is saved.',
  someoneElse: 'Rate someone else',
  kudosTitle: 'Kudos',
  noKudos: 'No kudos yet.',
  forPeople: 'for {names}',
  customer: 'A customer',
  colleague: 'A colleague',
  goalTitle: 'Team goal',
  noGoal: 'This goal is not available.',
  goalOf: '{value} of {target}',
  achieved: 'Goal reached!',
  until: 'until {date}',
  suggestTitle: 'Suggestion box',
  suggestionTitle: 'Title',
  suggestionBody: 'Your idea or what eats your time',
  category: 'Category',
  categories: ['Question I answer again and again', 'Avoidable task', 'Process takes too long', 'Idea for better service', 'Saves money', 'Other'],
  anonymous: 'Submit anonymously',
  submit: 'Submit suggestion',
  submitted: 'Thank you! Your suggestion is in.',
  followCode: 'Keep this code to follow your anonymous suggestion: {code}',
  top: 'Most supported',
  vote: 'Support: {title}',
  /** One, other (both languages here have just these two plural forms). */
  votes: ['{n} vote', '{n} votes'],
  voted: 'Supported',
  errorKey: 'This widget is set up with an invalid key.',
  errorOrigin: 'This widget is not enabled for this site (unknown or revoked key, or this site is not allowed).',
  errorNetwork: 'Cannot reach Frontline. Check your connection and try again.',
  errorRate: 'Too many requests right now. Please try again in a minute.',
  errorToken: 'Sign in again to use the suggestion box.',
  errorServer: 'Something went wrong. Please try again.',
  retry: 'Try again',
};

export type Messages = typeof en;

const de: Messages = {
  loading: 'Wird geladen…',
  feedbackTitle: 'Wer hat Ihnen heute geholfen?',
  nobody: 'Hier kann noch niemand bewertet werden.',
  rateTitle: 'Wie war {name}?',
  rating: ['Sehr schlecht', 'Schlecht', 'In Ordnung', 'Gut', 'Ausgezeichnet'],
  rate: '{n} von 5 geben: {label}',
  saved: 'Danke! Ihre Bewertung für {name} ist gespeichert.',
  replaced: 'Geändert: Ihre Bewertung für {name} ist jetzt {n} von 5.',
  commentLabel: 'Was war gut, was nicht? (freiwillig)',
  send: 'Kommentar senden',
  commentSaved: 'Danke, Ihr Kommentar ist gespeichert.',
  someoneElse: 'Jemand anderen bewerten',
  kudosTitle: 'Lob',
  noKudos: 'Noch kein Lob.',
  forPeople: 'für {names}',
  customer: 'Ein Kunde',
  colleague: 'Ein Kollege',
  goalTitle: 'Teamziel',
  noGoal: 'Dieses Ziel ist nicht verfügbar.',
  goalOf: '{value} von {target}',
  achieved: 'Ziel erreicht!',
  until: 'bis {date}',
  suggestTitle: 'Vorschlagsbox',
  suggestionTitle: 'Titel',
  suggestionBody: 'Ihre Idee oder was Ihnen Zeit raubt',
  category: 'Kategorie',
  categories: ['Immer wieder dieselbe Frage', 'Vermeidbare Aufgabe', 'Ablauf dauert zu lange', 'Idee für besseren Service', 'Spart Geld', 'Sonstiges'],
  anonymous: 'Anonym einreichen',
  submit: 'Vorschlag einreichen',
  submitted: 'Danke! Ihr Vorschlag ist eingegangen.',
  followCode: 'Mit diesem Code verfolgen Sie Ihren anonymen Vorschlag: {code}',
  top: 'Meiste Unterstützung',
  vote: 'Unterstützen: {title}',
  votes: ['{n} Stimme', '{n} Stimmen'],
  voted: 'Unterstützt',
  errorKey: 'Dieses Widget hat einen ungültigen Schlüssel.',
  errorOrigin: 'Dieses Widget ist für diese Website nicht freigeschaltet (Schlüssel unbekannt, widerrufen oder Website nicht erlaubt).',
  errorNetwork: 'Frontline ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
  errorRate: 'Gerade zu viele Anfragen. Bitte in einer Minute erneut versuchen.',
  errorToken: 'Bitte melden Sie sich erneut an, um die Vorschlagsbox zu nutzen.',
  errorServer: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.',
  retry: 'Erneut versuchen',
};

const LOCALES: Record<string, Messages> = { en, de };

/** The element's language: its own or nearest `lang`, if we have it, else English. */
export function localeOf(element: Element): string {
  const lang = (element.closest('[lang]')?.getAttribute('lang') ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return lang in LOCALES ? lang : 'en';
}

export function messagesFor(locale: string): Messages {
  return LOCALES[locale] ?? en;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

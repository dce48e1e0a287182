/**
 * A small RFC 5322 / MIME writer for the summaries: multipart/alternative with a text and an HTML
 * part, both UTF-8 in base64 (lines of 76), and RFC 2047 encoded headers where they are not ASCII.
 * Written here rather than taken from `mimetext`, whose dependencies (core-js, mime-types and
 * mime-db) would cost far more of the Worker's bundle than these 80 lines.
 */
export interface Address {
  name: string;
  address: string;
}

export interface MimeInput {
  from: Address;
  to: Address;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Id, List-Unsubscribe, ...), ASCII values. */
  headers: Record<string, string>;
  /** Date header and Message-ID seed: the job's "now", not a clock read. */
  date: Date;
  messageId: string;
}

const utf8 = new TextEncoder();

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 of the UTF-8 bytes, wrapped at 76 characters (RFC 2045). */
export function base64Lines(text: string): string {
  return (base64(utf8.encode(text)).match(/.{1,76}/g) ?? ['']).join('\r\n');
}

const isPlainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** An RFC 2047 encoded-word for non-ASCII header text (one word per 45 bytes keeps lines short). */
export function encodeWord(value: string): string {
  if (isPlainAscii(value)) return value;
  const words: string[] = [];
  let current = '';
  for (const char of value) {
    if (utf8.encode(current + char).length > 45) {
      words.push(current);
      current = '';
    }
    current += char;
  }
  words.push(current);
  return words.map((word) => `=?UTF-8?B?${base64(utf8.encode(word))}?=`).join('\r\n ');
}

export function formatAddress({ name, address }: Address): string {
  const quoted = isPlainAscii(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWord(name);
  return `${quoted} <${address}>`;
}

/** The whole message, CRLF line ends, ready for the send_email binding or an .eml file. */
export function buildMime(input: MimeInput): string {
  const boundary = `=_frontline_${input.messageId.replace(/[^a-zA-Z0-9]/g, '')}`;
  const headers: [string, string][] = [
    ['From', formatAddress(input.from)],
    ['To', formatAddress(input.to)],
    ['Subject', encodeWord(input.subject)],
    ['Date', input.date.toUTCString().replace('GMT', '+0000')],
    ['Message-ID', `<${input.messageId}@${input.from.address.split('@')[1] ?? 'frontline'}>`],
    ['MIME-Version', '1.0'],
    ...Object.entries(input.headers),
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join('\r\n');
  return [
    ...headers.map(([name, value]) => `${name}: ${value}`),
    '',
    part('text/plain', input.text),
    part('text/html', input.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Reads a part back (tests and tools): the decoded text of the first part with this content type. */
export function decodePart(mime: string, type: 'text/plain' | 'text/html'): string | null {
  const match = new RegExp(`Content-Type: ${type}; charset=UTF-8\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+?)\\r\\n--`).exec(mime);
  if (!match?.[1]) return null;
  const binary = atob(match[1].replace(/\r\n/g, ''));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** A header's raw value (first occurrence), for tests and tools. */
export function headerOf(mime: string, name: string): string | null {
  const head = mime.split('\r\n\r\n')[0] ?? '';
  const match = new RegExp(`^${name}: (.*(?:\\r\\n .*)*)`, 'mi').exec(head);
  return match?.[1] ?? null;
}

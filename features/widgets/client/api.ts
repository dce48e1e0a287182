/**
 * Talking to Frontline: trusted documents by hash (the build puts the hashes in), the publishable
 * key in the URL (so the browser's preflight names it), and errors sorted into what a person can
 * act on. Sends no cookies (`credentials: 'omit'`).
 */
declare const __DOCUMENT_IDS__: Record<string, string>;

export type Failure = 'key' | 'origin' | 'network' | 'rate' | 'token' | 'server';

export class WidgetError extends Error {
  readonly kind: Failure;
  constructor(kind: Failure) {
    super(kind);
    this.kind = kind;
  }
}

/** Where the script came from: the same Frontline serves the API. */
const script = document.currentScript as HTMLScriptElement | null;
export const API_ORIGIN = script ? new URL(script.src).origin : location.origin;

export function validKey(key: string | null): key is string {
  return Boolean(key && /^fl_pk_[0-9A-Za-z]{32}$/.test(key));
}

export async function run<T>(key: string | null, name: string, variables: Record<string, unknown>, token?: string | null): Promise<T> {
  if (!validKey(key)) throw new WidgetError('key');
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${API_ORIGIN}/graphql?key=${encodeURIComponent(key)}`, {
      method: 'POST',
      headers,
      credentials: 'omit',
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: __DOCUMENT_IDS__[name] } }, variables }),
    });
  } catch {
    throw new WidgetError(await refusedOrOffline());
  }
  if (response.status === 429) throw new WidgetError('rate');
  if (response.status === 401 && token) throw new WidgetError('token');
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: unknown[] } | null;
  if (!response.ok || !body?.data || body.errors?.length) throw new WidgetError('server');
  return body.data;
}

/**
 * A CORS refusal and a network failure look the same to a script. A no-cors request for the
 * script itself tells them apart: if Frontline answers, the network is fine and the request was
 * refused (key unknown or revoked, or this origin not allowed).
 */
async function refusedOrOffline(): Promise<Failure> {
  try {
    await fetch(`${API_ORIGIN}/widgets/v1/frontline.js`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return 'origin';
  } catch {
    return 'network';
  }
}

/** A random id for one page view (crypto, 128 bits, base64url). Never stored: no cookie, no storage. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

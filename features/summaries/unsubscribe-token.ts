/**
 * Signed unsubscribe tokens: `<base64url(tenantId:employeeId)>.<base64url(HMAC-SHA256)>` with the
 * UNSUBSCRIBE_SECRET secret. They let a recipient turn their summaries off without logging in
 * (RFC 8058 one-click), and cannot be forged for someone else. They do not expire: an old email's
 * link must keep working.
 */
const encoder = new TextEncoder();

const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

export interface UnsubscribeSubject {
  tenantId: string;
  employeeId: string;
}

export async function signUnsubscribeToken(secret: string, subject: UnsubscribeSubject): Promise<string> {
  const payload = encoder.encode(`${subject.tenantId}:${subject.employeeId}`);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), payload));
  return `${toBase64Url(payload)}.${toBase64Url(signature)}`;
}

/** The subject of a valid token, or null (malformed, or not signed with this secret). */
export async function verifyUnsubscribeToken(secret: string, token: string): Promise<UnsubscribeSubject | null> {
  const [payloadPart, signaturePart, extra] = token.split('.');
  if (!payloadPart || !signaturePart || extra !== undefined) return null;
  const payload = fromBase64Url(payloadPart);
  const signature = fromBase64Url(signaturePart);
  if (!payload || !signature) return null;
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, payload);
  if (!valid) return null;
  const [tenantId, employeeId] = new TextDecoder().decode(payload).split(':');
  return tenantId && employeeId ? { tenantId, employeeId } : null;
}

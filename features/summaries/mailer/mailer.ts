/**
 * One small interface for sending email, so the pipeline does not care who delivers it. Adapters:
 * the `send_email` binding (local development: every message becomes an .eml file), Postmark over
 * fetch (production: `send_email` only reaches verified addresses), and an in-memory mailbox for
 * the tests. Chosen by the MAIL_PROVIDER var (mailer/index.ts).
 */
import type { MimeInput } from '../email/mime.ts';

/**
 * A message ready to send: the same fields the MIME writer takes (email/mime.ts). `messageId` is
 * stable (the outbox row) for Message-ID and providers' idempotency; `date` is the job's "now".
 */
export type OutgoingEmail = MimeInput;

export interface Mailer {
  /** Resolves when the provider accepted the message; rejects with a readable reason otherwise. */
  send(email: OutgoingEmail): Promise<void>;
}

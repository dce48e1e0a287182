/**
 * One small interface for sending email, so the pipeline does not care who delivers it. Adapters:
 * the `send_email` binding (local development: every message becomes an .eml file), Postmark over
 * fetch (production: `send_email` only reaches verified addresses), and an in-memory mailbox for
 * the tests. Chosen by the MAIL_PROVIDER var (mailer/index.ts).
 */
import type { Address } from '../email/mime.ts';

export interface OutgoingEmail {
  from: Address;
  to: Address;
  subject: string;
  text: string;
  html: string;
  /** List-Id, List-Unsubscribe, List-Unsubscribe-Post. */
  headers: Record<string, string>;
  /** A stable id for the message (the outbox row), for Message-ID and providers' idempotency. */
  messageId: string;
  date: Date;
}

export interface Mailer {
  /** Resolves when the provider accepted the message; rejects with a readable reason otherwise. */
  send(email: OutgoingEmail): Promise<void>;
}

/**
 * An in-memory mailbox for the tests (MAIL_PROVIDER=memory, refused outside ENVIRONMENT=test): it
 * keeps the real MIME text the binding adapter would send, and can be told to fail, so tests read
 * exactly what a recipient would get and can exercise retries.
 */
import { buildMime } from '../email/mime.ts';
import type { Mailer, OutgoingEmail } from './mailer.ts';

export interface DeliveredEmail {
  to: string;
  from: string;
  mime: string;
  email: OutgoingEmail;
}

class Mailbox {
  delivered: DeliveredEmail[] = [];
  private failures = new Map<string, number>();

  /** The next `times` sends to `address` fail. */
  failNext(address: string, times = 1): void {
    this.failures.set(address, times);
  }

  clear(): void {
    this.delivered = [];
    this.failures.clear();
  }

  to(address: string): DeliveredEmail[] {
    return this.delivered.filter((mail) => mail.to === address);
  }

  readonly mailer: Mailer = {
    send: async (email) => {
      const left = this.failures.get(email.to.address) ?? 0;
      if (left > 0) {
        this.failures.set(email.to.address, left - 1);
        throw new Error(`Mailbox unavailable for ${email.to.address} (test failure)`);
      }
      this.delivered.push({ to: email.to.address, from: email.from.address, mime: buildMime(email), email });
    },
  };
}

export const memoryMailbox = new Mailbox();

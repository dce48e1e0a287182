/** The `send_email` binding: MIME built here, handed to Cloudflare (locally written as .eml files). */
import { EmailMessage } from 'cloudflare:email';
import { buildMime } from '../email/mime.ts';
import type { Mailer, OutgoingEmail } from './mailer.ts';

export function sendEmailBindingMailer(binding: SendEmail): Mailer {
  return {
    async send(email: OutgoingEmail) {
      const raw = buildMime({ ...email });
      await binding.send(new EmailMessage(email.from.address, email.to.address, raw));
    },
  };
}

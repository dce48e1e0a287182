/**
 * Cloudflare Email Service (Workers Paid, beta since 2026): the same `send_email` binding, called
 * with a structured message instead of raw MIME, delivers to any recipient once the sender's
 * domain is onboarded. The service writes Date, Message-ID and the MIME itself; the List-* headers
 * go in `headers` (the service accepts only whitelisted headers, List-* among them per its docs).
 */
import type { Mailer, OutgoingEmail } from './mailer.ts';

export function emailServiceMailer(binding: SendEmail): Mailer {
  return {
    async send(email: OutgoingEmail) {
      await binding.send({
        from: { email: email.from.address, name: email.from.name },
        to: email.to.address,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
      });
    },
  };
}

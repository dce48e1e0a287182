/**
 * Postmark's HTTP API over fetch (https://postmarkapp.com/developer/api/email-api): a transactional
 * provider that reaches any recipient once the sending domain is verified. Uses the "broadcast"
 * message stream by default, as Postmark asks for subscription mail.
 */
import type { Mailer, OutgoingEmail } from './mailer.ts';
import { formatAddress } from '../email/mime.ts';

export interface PostmarkConfig {
  token: string;
  messageStream?: string;
  fetch?: typeof fetch;
}

export function postmarkMailer(config: PostmarkConfig): Mailer {
  const send = config.fetch ?? fetch;
  return {
    async send(email: OutgoingEmail) {
      const response = await send('https://api.postmarkapp.com/email', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Postmark-Server-Token': config.token },
        body: JSON.stringify({
          From: formatAddress(email.from),
          To: formatAddress(email.to),
          Subject: email.subject,
          TextBody: email.text,
          HtmlBody: email.html,
          Headers: Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value })),
          MessageStream: config.messageStream ?? 'broadcast',
          Metadata: { outboxId: email.messageId },
        }),
      });
      if (!response.ok) throw new Error(`Postmark answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    },
  };
}

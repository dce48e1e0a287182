/** Picks the Mailer from configuration (MAIL_PROVIDER); see the README's deploy section. */
import type { Mailer } from './mailer.ts';
import { memoryMailbox } from './memory.ts';
import { emailServiceMailer } from './email-service.ts';
import { postmarkMailer } from './postmark.ts';
import { sendEmailBindingMailer } from './send-email-binding.ts';

export interface MailerEnv {
  ENVIRONMENT: string;
  /** "send_email" (default: raw MIME through the binding), "email_service", "postmark", or "memory" (tests only). */
  MAIL_PROVIDER?: string;
  EMAIL?: SendEmail;
  POSTMARK_TOKEN?: string;
  POSTMARK_MESSAGE_STREAM?: string;
}

export function mailerFor(env: MailerEnv): Mailer {
  const provider = env.MAIL_PROVIDER ?? 'send_email';
  if (provider === 'postmark') {
    if (!env.POSTMARK_TOKEN) throw new Error('MAIL_PROVIDER is postmark but the POSTMARK_TOKEN secret is not set.');
    return postmarkMailer({ token: env.POSTMARK_TOKEN, messageStream: env.POSTMARK_MESSAGE_STREAM });
  }
  if (provider === 'memory') {
    if (env.ENVIRONMENT !== 'test') throw new Error('MAIL_PROVIDER=memory is for the tests only.');
    return memoryMailbox.mailer;
  }
  if (provider !== 'send_email' && provider !== 'email_service') {
    throw new Error(`Unknown MAIL_PROVIDER "${provider}" (send_email, email_service, postmark).`);
  }
  if (!env.EMAIL) throw new Error(`MAIL_PROVIDER is ${provider} but there is no EMAIL binding ([[send_email]] in wrangler.toml).`);
  return provider === 'email_service' ? emailServiceMailer(env.EMAIL) : sendEmailBindingMailer(env.EMAIL);
}

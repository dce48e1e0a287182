/** The Mailer adapters: Postmark's request, configuration errors, and the MIME every adapter shares. */
import { describe, expect, it } from 'vitest';
import { buildMime, decodePart, headerOf } from '../email/mime.ts';
import { mailerFor } from './index.ts';
import type { OutgoingEmail } from './mailer.ts';
import { emailServiceMailer } from './email-service.ts';
import { postmarkMailer } from './postmark.ts';

const email: OutgoingEmail = {
  from: { name: 'Brewline Coffee', address: 'summaries@brewline.example' },
  to: { name: 'Zoë Ortega', address: 'zoe@brewline.example' },
  subject: 'Zoë, customers praised you: 2 quotes from week 2026-W47',
  text: 'Hi Zoë,\n“Great coffee” (a phone call on Tue 17 Nov)',
  html: '<p>Hi Zoë</p>',
  headers: { 'List-Id': 'Your weekly customer voice <employee-summary.brewline.example>', 'List-Unsubscribe': '<https://x.example/unsubscribe?token=t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  messageId: 'eml_123',
  date: new Date('2026-11-23T08:00:00Z'),
};

describe('postmark', () => {
  it('posts the message with its headers to the broadcast stream', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response('{"ErrorCode":0}', { status: 200 });
    }) as unknown as typeof fetch;
    await postmarkMailer({ token: 'pm-token', fetch: fetcher }).send(email);
    expect(requests[0]!.url).toBe('https://api.postmarkapp.com/email');
    expect((requests[0]!.init.headers as Record<string, string>)['X-Postmark-Server-Token']).toBe('pm-token');
    const body = JSON.parse(requests[0]!.init.body as string);
    expect(body).toMatchObject({ From: '"Brewline Coffee" <summaries@brewline.example>', Subject: email.subject, TextBody: email.text, HtmlBody: email.html, MessageStream: 'broadcast' });
    expect(body.Headers).toContainEqual({ Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' });
  });

  it('rejects with the provider answer, so the outbox records why', async () => {
    const fetcher = (async () => new Response('{"Message":"Sender signature not confirmed"}', { status: 422 })) as unknown as typeof fetch;
    await expect(postmarkMailer({ token: 't', fetch: fetcher }).send(email)).rejects.toThrow('Postmark answered 422: {"Message":"Sender signature not confirmed"}');
  });
});

describe('Cloudflare Email Service', () => {
  it('sends a structured message with the List-* headers through the binding', async () => {
    const sent: unknown[] = [];
    const binding = { send: async (message: unknown) => (sent.push(message), { messageId: 'm1' }) } as unknown as SendEmail;
    await emailServiceMailer(binding).send(email);
    expect(sent).toEqual([{
      from: { email: 'summaries@brewline.example', name: 'Brewline Coffee' }, to: 'zoe@brewline.example', subject: email.subject, text: email.text, html: email.html, headers: email.headers,
    }]);
  });
});

describe('mailerFor', () => {
  it('refuses the memory mailer outside the tests and says what is missing', () => {
    expect(() => mailerFor({ ENVIRONMENT: 'production', MAIL_PROVIDER: 'memory' })).toThrow('MAIL_PROVIDER=memory is for the tests only.');
    expect(() => mailerFor({ ENVIRONMENT: 'production', MAIL_PROVIDER: 'postmark' })).toThrow('POSTMARK_TOKEN');
    expect(() => mailerFor({ ENVIRONMENT: 'production' })).toThrow('no EMAIL binding');
    expect(() => mailerFor({ ENVIRONMENT: 'production', MAIL_PROVIDER: 'pigeon' })).toThrow('Unknown MAIL_PROVIDER "pigeon"');
  });
});

describe('MIME', () => {
  it('encodes non-ASCII headers (RFC 2047) and UTF-8 parts that decode back exactly', () => {
    const mime = buildMime(email);
    expect(headerOf(mime, 'Subject')).toMatch(/^=\?UTF-8\?B\?/);
    expect(headerOf(mime, 'To')).toMatch(/^=\?UTF-8\?B\?.+\?= <zoe@brewline\.example>$/);
    expect(headerOf(mime, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(decodePart(mime, 'text/plain')).toBe(email.text);
    expect(decodePart(mime, 'text/html')).toBe(email.html);
    expect(mime.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  commentFingerprint,
  feedbackKindFor,
  firstName,
  isBot,
  isPublishableKey,
  isTapId,
  normalizeOrigin,
  originAllowed,
  photoUrlProblem,
  tapAction,
} from './rules.ts';

describe('allowed origins', () => {
  it('normalises what admins type to scheme://host[:port]', () => {
    expect(normalizeOrigin('https://Shop.Example.com/')).toEqual({ ok: true, origin: 'https://shop.example.com' });
    expect(normalizeOrigin('https://shop.example.com:443')).toEqual({ ok: true, origin: 'https://shop.example.com' });
    expect(normalizeOrigin(' https://shop.example.com:8443 ')).toEqual({ ok: true, origin: 'https://shop.example.com:8443' });
    expect(normalizeOrigin('http://localhost:5173')).toEqual({ ok: true, origin: 'http://localhost:5173' });
  });

  it.each([
    ['http://shop.example.com', 'https'],
    ['https://*.example.com', 'wildcards'],
    ['https://shop.example.com/help', 'without a path'],
    ['https://shop.example.com?x=1', 'without a path'],
    ['https://user:pw@shop.example.com', 'without a path'],
    ['shop.example.com', 'not an origin'],
    ['*', 'not an origin'],
    ['null', 'not an origin'],
  ])('refuses %s', (input, words) => {
    const check = normalizeOrigin(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(words);
  });

  it('matches a request Origin exactly, never a missing or opaque one', () => {
    const allowed = ['https://shop.example.com', 'http://localhost:5173'];
    expect(originAllowed('https://shop.example.com', allowed)).toBe(true);
    expect(originAllowed('http://localhost:5173', allowed)).toBe(true);
    expect(originAllowed('https://evil.example.com', allowed)).toBe(false);
    expect(originAllowed('https://shop.example.com.evil.com', allowed)).toBe(false);
    expect(originAllowed('http://shop.example.com', allowed)).toBe(false);
    expect(originAllowed('http://localhost:5174', allowed)).toBe(false);
    expect(originAllowed('https://SHOP.example.com', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed(null, allowed)).toBe(false);
  });
});

describe('publishable keys and tap ids', () => {
  it('recognises the key format before any lookup', () => {
    expect(isPublishableKey(`fl_pk_${'a1B2'.repeat(8)}`)).toBe(true);
    expect(isPublishableKey(`fl_pk_${'a'.repeat(31)}`)).toBe(false);
    expect(isPublishableKey(`fl_sk_${'a'.repeat(32)}`)).toBe(false);
    expect(isPublishableKey(`fl_pk_${'a'.repeat(31)}!`)).toBe(false);
  });

  it('accepts only random-looking tap ids', () => {
    expect(isTapId('abcDEF0123456789_-xy')).toBe(true);
    expect(isTapId('short')).toBe(false);
    expect(isTapId('x'.repeat(65))).toBe(false);
    expect(isTapId('has spaces in it 123')).toBe(false);
  });
});

describe('a second tap', () => {
  const first = { employeeId: 'emp_a', feedbackId: 'fb_1', recordedAt: new Date('2026-05-04T10:00:00Z') };
  const at = (minutes: number) => new Date(first.recordedAt.getTime() + minutes * 60_000);

  it('replaces the first within 15 minutes, for the same person', () => {
    expect(tapAction(null, 'emp_a', at(0))).toBe('record');
    expect(tapAction(first, 'emp_a', at(1))).toBe('replace');
    expect(tapAction(first, 'emp_a', at(14.99))).toBe('replace');
  });

  it('records new feedback after 15 minutes or for someone else', () => {
    expect(tapAction(first, 'emp_a', at(15))).toBe('record');
    expect(tapAction(first, 'emp_a', at(120))).toBe('record');
    expect(tapAction(first, 'emp_b', at(1))).toBe('record');
  });
});

describe('spam rules and display', () => {
  it('treats case, spacing and closing punctuation as the same comment', () => {
    expect(commentFingerprint('Great  service, thanks!!')).toBe(commentFingerprint('great service, thanks'));
    expect(commentFingerprint('Great service')).not.toBe(commentFingerprint('Great coffee'));
  });

  it('flags a filled honeypot', () => {
    expect(isBot('http://spam.example')).toBe(true);
    expect(isBot('')).toBe(false);
    expect(isBot('   ')).toBe(false);
    expect(isBot(null)).toBe(false);
  });

  it('maps ratings to kinds and names to first names', () => {
    expect([1, 2, 3, 4, 5].map(feedbackKindFor)).toEqual(['complaint', 'complaint', 'complaint', 'praise', 'praise']);
    expect(firstName('  Ana  Lucia Silva ')).toBe('Ana');
  });

  it('takes only https photo URLs', () => {
    expect(photoUrlProblem('https://cdn.example.com/ana.jpg')).toBeNull();
    expect(photoUrlProblem('http://cdn.example.com/ana.jpg')).toContain('https');
    expect(photoUrlProblem('javascript:alert(1)')).toContain('https');
    expect(photoUrlProblem(`https://x.example/${'a'.repeat(500)}`)).toContain('500');
  });
});

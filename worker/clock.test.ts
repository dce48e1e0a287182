import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NOW_HEADER, requestNow } from './clock.ts';

const real = new Date('2031-05-06T07:08:09.000Z');
const clock = () => real;
const pinned = '2026-11-23T00:00:30.000Z';
const moved = '2026-12-01T08:00:00.000Z';
const headers = (now?: string) => new Headers(now ? { [NOW_HEADER]: now } : {});

describe('the request clock', () => {
  it('in production reads the system clock and ignores both the pinned var and the header', () => {
    expect(requestNow(headers(moved), { ENVIRONMENT: 'production', FRONTLINE_NOW: pinned }, clock)).toEqual(real);
    expect(requestNow(headers(moved), { ENVIRONMENT: 'staging', FRONTLINE_NOW: pinned }, clock)).toEqual(real);
    // A malformed value is not even looked at outside test and development.
    expect(requestNow(headers('yesterday'), { ENVIRONMENT: 'production', FRONTLINE_NOW: 'soon' }, clock)).toEqual(real);
  });

  it('in development honours FRONTLINE_NOW but not the header', () => {
    expect(requestNow(headers(moved), { ENVIRONMENT: 'development', FRONTLINE_NOW: pinned }, clock)).toEqual(new Date(pinned));
    expect(requestNow(headers(moved), { ENVIRONMENT: 'development' }, clock)).toEqual(real);
  });

  it('in test the header moves one request, else FRONTLINE_NOW, else the system clock', () => {
    expect(requestNow(headers(moved), { ENVIRONMENT: 'test', FRONTLINE_NOW: pinned }, clock)).toEqual(new Date(moved));
    expect(requestNow(headers(), { ENVIRONMENT: 'test', FRONTLINE_NOW: pinned }, clock)).toEqual(new Date(pinned));
    expect(requestNow(headers(), { ENVIRONMENT: 'test' }, clock)).toEqual(real);
    expect(requestNow(headers('2026-11-23T02:00:30.5+02:00'), { ENVIRONMENT: 'test' }, clock)).toEqual(new Date('2026-11-23T00:00:30.500Z'));
  });

  it('refuses an override that is not an RFC 3339 instant with a 400, naming where it came from', () => {
    const attempt = () => requestNow(headers('2026-11-23'), { ENVIRONMENT: 'test' }, clock);
    expect(attempt).toThrow(GraphQLError);
    expect(attempt).toThrow(/X-Frontline-Now must be an RFC 3339 instant/);
    expect(() => requestNow(headers(), { ENVIRONMENT: 'development', FRONTLINE_NOW: '2026-13-45T00:00:00Z' }, clock)).toThrow(/FRONTLINE_NOW/);
  });
});

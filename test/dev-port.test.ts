/** The start banner's port comes from the options `npm start -- ...` passes to wrangler dev. */
import { describe, expect, it } from 'vitest';
import { devPortFrom } from '../scripts/dev-port.ts';

describe('devPortFrom', () => {
  it('reads --port in both spellings, and defaults to 8787', () => {
    expect(devPortFrom([])).toBe(8787);
    expect(devPortFrom(['--port', '8790'])).toBe(8790);
    expect(devPortFrom(['--ip', '0.0.0.0', '--port=9001'])).toBe(9001);
    expect(devPortFrom(['--port'])).toBe(8787);
    expect(devPortFrom(['--inspector-port', '9229'])).toBe(8787);
  });
});

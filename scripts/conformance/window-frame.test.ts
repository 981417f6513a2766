import { describe, expect, it } from 'vitest';
import { frameWindow, unframeWindow } from './window-frame';

describe('window framing', () => {
  it('appends the start to time-windowed keys and derives the end from the size', () => {
    const bytes = frameWindow(
      Buffer.from('k'),
      { type: 'TUMBLING', sizeMs: 1000 },
      { start: 2000, end: 3000, type: 'time' },
    );
    expect(bytes.toString('hex')).toBe(`6b${(2000).toString(16).padStart(16, '0')}`);
    expect(unframeWindow(bytes, { type: 'HOPPING', sizeMs: 1000, advanceMs: 100 })).toEqual({
      inner: Buffer.from('k'),
      window: { start: 2000, end: 3000, type: 'time' },
    });
  });

  it('appends end then start to session-windowed keys', () => {
    const bytes = frameWindow(Buffer.from('k'), { type: 'SESSION' }, { start: 5, end: 9, type: 'session' });
    expect(bytes.subarray(1, 9).readBigInt64BE(0)).toBe(9n);
    expect(bytes.subarray(9).readBigInt64BE(0)).toBe(5n);
    expect(unframeWindow(bytes, { type: 'SESSION' }).window).toEqual({ start: 5, end: 9, type: 'session' });
  });

  it('rejects keys too short to hold a window', () => {
    expect(() => unframeWindow(Buffer.alloc(4), { type: 'TUMBLING', sizeMs: 1 })).toThrow(/at least 8 bytes/);
  });
});

import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest items and evicts the oldest when full', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.push(1)).toBeUndefined();
    ring.push(2);
    ring.push(3);
    expect(ring.push(4)).toBe(1);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(ring.get(0)).toBe(2);
    expect(ring.last()).toBe(4);
    expect(ring.get(3)).toBeUndefined();
    expect(ring.firstSequence).toBe(1);
    expect(ring.totalPushed).toBe(4);
  });

  it('shifts the oldest items out in order, across the wrap-around', () => {
    const ring = new RingBuffer<number>(4);
    for (let i = 0; i < 6; i++) ring.push(i);
    expect(ring.shift(3)).toEqual([2, 3, 4]);
    expect(ring.size).toBe(1);
    ring.push(6);
    ring.push(7);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.shift(10)).toEqual([5, 6, 7]);
    expect(ring.size).toBe(0);
  });

  it('resizes keeping the newest items, and replaces contents keeping the sequence', () => {
    const ring = new RingBuffer<number>(5);
    for (let i = 0; i < 5; i++) ring.push(i);
    ring.resize(2);
    expect(ring.toArray()).toEqual([3, 4]);
    ring.resize(4);
    ring.push(5);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    ring.replace([9, 8]);
    expect(ring.toArray()).toEqual([9, 8]);
    expect(ring.totalPushed).toBe(6);
    ring.clear();
    expect(ring.size).toBe(0);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });

  it('takes a million pushes quickly with bounded memory', () => {
    const ring = new RingBuffer<number[]>(10_000);
    const started = performance.now();
    for (let i = 0; i < 1_000_000; i++) ring.push([i]);
    expect(ring.size).toBe(10_000);
    expect(ring.get(0)).toEqual([990_000]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

import { describe, expect, it } from 'vitest';
import { InputAlignment, MAX_IDLE_MS } from './input-alignment';

describe('InputAlignment', () => {
  it('takes records of the join inputs in timestamp order, batch by batch', () => {
    const a = new InputAlignment(new Set(['orders', 'customers']), () => 0);
    expect(a.admit('orders', 0, [10, 20], false)).toBe(0); // customers not heard from yet
    expect(a.admit('customers', 0, [1, 2, 15, 30], false)).toBe(2); // up to the held order (10)
    expect(a.admit('orders', 0, [10, 20], false)).toBe(1); // up to the held customer (15)
    expect(a.admit('customers', 0, [15, 30], false)).toBe(1); // up to the held order (20)
    expect(a.admit('orders', 0, [20], true)).toBe(1); // up to the held customer (30); orders caught up
    expect(a.admit('customers', 0, [30, 99], true)).toBe(2); // nothing else is behind
  });

  it('does not hold back an input that is not joined, nor one whose partners are caught up', () => {
    const a = new InputAlignment(new Set(['l', 'r']), () => 0);
    expect(a.admit('source-of-l', 0, [1000], false)).toBe(1);
    expect(a.admit('r', 0, [1, 2], true)).toBe(0); // l unknown yet
    expect(a.admit('l', 0, [5, 6], true)).toBe(0); // r holds an earlier record (1)
    expect(a.admit('r', 0, [1, 2], true)).toBe(2); // r ends at its high watermark: caught up
    expect(a.admit('l', 0, [5, 6], true)).toBe(2);
  });

  it('stops waiting for a silent input after MAX_IDLE_MS', () => {
    let now = 0;
    const a = new InputAlignment(new Set(['l', 'r']), () => now);
    expect(a.admit('l', 0, [5], false)).toBe(0);
    now = MAX_IDLE_MS - 1;
    expect(a.admit('l', 0, [5], false)).toBe(0);
    now = MAX_IDLE_MS;
    expect(a.admit('l', 0, [5, 6], false)).toBe(2);
    expect(a.admit('l', 0, [7], false)).toBe(1); // r now counts as caught up until it speaks
    expect(a.admit('r', 0, [3, 9], false)).toBe(1); // up to where l is (7), l having more to read
    expect(a.admit('l', 0, [8, 10], false)).toBe(1); // up to r's held record (9)
  });
});

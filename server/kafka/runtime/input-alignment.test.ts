import { describe, expect, it } from 'vitest';
import { AlignedInputs, MAX_IDLE_MS, type Run } from './input-alignment';

const records = (...times: number[]) => times.map((t, i) => ({ timestamp: String(t), offset: String(i) }));
const times = (run: Run<{ timestamp: string; offset: string }> | undefined) =>
  run && run.messages.map((m) => Number(m.timestamp));

describe('AlignedInputs', () => {
  it('hands out the join inputs in timestamp order, across batches', () => {
    const a = new AlignedInputs(new Set(['orders', 'customers']), () => 0);
    a.offer('orders', 0, records(10, 20, 40), true);
    expect(a.next()).toBeUndefined(); // customers not heard from yet
    a.offer('customers', 0, records(1, 2, 15, 30), true);
    const order: [string, number[] | undefined][] = [];
    for (let run = a.next(); run; run = a.next()) order.push([run.topic, times(run)]);
    expect(order).toEqual([
      ['customers', [1, 2]],
      ['orders', [10]],
      ['customers', [15]],
      ['orders', [20]],
      ['customers', [30]],
      ['orders', [40]],
    ]);
    expect(a.hasQueued()).toBe(false);
  });

  it('waits for an input with more to read, but only up to where it has got', () => {
    const a = new AlignedInputs(new Set(['l', 'r']), () => 0);
    a.offer('r', 0, records(1, 3), false); // r has more to read
    a.offer('l', 0, records(2, 5, 6), true);
    expect(times(a.next())).toEqual([1]);
    expect(times(a.next())).toEqual([2]);
    expect(times(a.next())).toEqual([3]);
    expect(a.next()).toBeUndefined(); // l's 5 could still be preceded by r's next record
    a.offer('r', 0, records(4, 9), true);
    expect(times(a.next())).toEqual([4]);
    expect(times(a.next())).toEqual([5, 6]);
    expect(times(a.next())).toEqual([9]);
  });

  it('stops waiting for an input after MAX_IDLE_MS, until it speaks again', () => {
    let now = 0;
    const a = new AlignedInputs(new Set(['l', 'r']), () => now);
    a.offer('l', 0, records(5), true);
    expect(a.next()).toBeUndefined();
    now = MAX_IDLE_MS - 1;
    expect(a.next()).toBeUndefined();
    now = MAX_IDLE_MS;
    expect(times(a.next())).toEqual([5]);
    a.offer('l', 0, records(7), true);
    expect(times(a.next())).toEqual([7]); // r is silent: no waiting
    a.offer('r', 0, records(20), false);
    a.offer('l', 0, records(8, 30), true);
    expect(times(a.next())).toEqual([8]);
    expect(times(a.next())).toEqual([20]);
  });

  it('does not wait for an input known to have nothing to read', () => {
    const a = new AlignedInputs(new Set(['l', 'r']), () => 0);
    a.markCaughtUp('r', 0);
    a.offer('l', 0, records(5, 6), false);
    expect(times(a.next())).toEqual([5, 6]);
  });

  it('clears its queues for a rebalance', () => {
    const a = new AlignedInputs(new Set(['l', 'r']), () => 0);
    a.offer('l', 0, records(1), true);
    a.clear();
    expect(a.hasQueued()).toBe(false);
    expect(a.queued('l', 0)).toBe(0);
  });
});

describe('AlignedInputs with a stream–table join', () => {
  it('hands the table its records first when both have the same timestamp', () => {
    const a = new AlignedInputs(new Set(['bids', 'auctions']), () => 0, new Set(['auctions']));
    a.offer('bids', 0, records(5, 7, 7, 8), true);
    a.offer('auctions', 0, records(1, 7, 9), true);
    const order: [string, number[] | undefined][] = [];
    for (let run = a.next(); run; run = a.next()) order.push([run.topic, times(run)]);
    expect(order).toEqual([
      ['auctions', [1]],
      ['bids', [5]],
      ['auctions', [7]],
      ['bids', [7, 7, 8]],
      ['auctions', [9]],
    ]);
  });

  it('holds a stream record back while the table may still have one at the same time', () => {
    const a = new AlignedInputs(new Set(['bids', 'auctions']), () => 0, new Set(['auctions']));
    a.offer('auctions', 0, records(3), false); // more to read
    a.offer('bids', 0, records(3, 4), true);
    expect(times(a.next())).toEqual([3]); // the auction
    expect(a.next()).toBeUndefined(); // the next auction could also be at 3
    a.offer('auctions', 0, records(3, 6), true);
    expect(a.next()?.topic).toBe('auctions');
    expect(times(a.next())).toEqual([3, 4]);
    expect(times(a.next())).toEqual([6]);
  });
});

describe('AlignedInputs with an input the query still writes', () => {
  it('waits for a pending input although its fetches reached the high watermark', () => {
    const a = new AlignedInputs(new Set(['repartition', 'auctions']), () => 0, new Set(['auctions']));
    a.offer('repartition', 0, records(2), true);
    a.offer('auctions', 0, records(1, 5), true);
    a.setPending('repartition', true);
    expect(times(a.next())).toEqual([1]);
    expect(times(a.next())).toEqual([2]);
    expect(a.next()).toBeUndefined(); // a bid at 3 may still be on its way
    a.setPending('repartition', false);
    expect(times(a.next())).toEqual([5]);
  });
});

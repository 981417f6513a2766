import { describe, expect, it } from 'vitest';
import { ChangelogView } from './changelog-view';

describe('ChangelogView', () => {
  it('keeps one row per key, updated in place in first-seen order', () => {
    const view = new ChangelogView([0]);
    expect(view.apply(['EU', 1], false, 10)).toBe('insert');
    expect(view.apply(['US', 2], false, 11)).toBe('insert');
    expect(view.apply(['EU', 3], false, 12)).toBe('update');
    expect(view.rows().map((r) => r.values)).toEqual([
      ['EU', 3],
      ['US', 2],
    ]);
    expect(view.get('["EU"]')).toMatchObject({ updatedAt: 12, updates: 2 });
  });

  it('removes a key on a tombstone and ignores tombstones of unknown keys', () => {
    const view = new ChangelogView([0]);
    view.apply(['EU', 1], false, 1);
    expect(view.apply(['EU', null], true, 2)).toBe('delete');
    expect(view.apply(['XX', null], true, 3)).toBe('ignored');
    expect(view.size).toBe(0);
  });

  it('keys windowed rows by key and window start', () => {
    const view = new ChangelogView([0, 1]);
    view.apply(['EU', 1000, 5], false, 1);
    view.apply(['EU', 2000, 6], false, 1);
    view.apply(['EU', 1000, 7], false, 1);
    expect(view.rows().map((r) => r.values[2])).toEqual([7, 6]);
  });

  it('treats a result without key columns as a single row', () => {
    const view = new ChangelogView([]);
    view.apply([1], false, 1);
    view.apply([2], false, 2);
    expect(view.rows()).toHaveLength(1);
    expect(view.rows()[0]!.values).toEqual([2]);
  });

  it('evicts the oldest keys beyond its bound and counts them', () => {
    const view = new ChangelogView([0], 2);
    view.apply(['a'], false, 1);
    view.apply(['b'], false, 1);
    view.apply(['c'], false, 1);
    expect(view.rows().map((r) => r.values[0])).toEqual(['b', 'c']);
    expect(view.evicted).toBe(1);
    view.setMaxKeys(1);
    expect(view.rows().map((r) => r.values[0])).toEqual(['c']);
  });

  it('returns the same rows array until something changes', () => {
    const view = new ChangelogView([0]);
    view.apply(['a', 1], false, 1);
    const first = view.rows();
    expect(view.rows()).toBe(first);
    view.apply(['a', 2], false, 2);
    expect(view.rows()).not.toBe(first);
  });
});

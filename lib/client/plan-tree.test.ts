import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan-tree';

describe('parsePlan', () => {
  it('reads nested plan lines into a tree', () => {
    const text = [
      '> [ PROJECT ] REGION, COUNT(*)  [REGION KEY, N]',
      '  > [ AGGREGATE ] COUNT(*) WINDOW TUMBLING 60000 ms  [REGION KEY, N]',
      '    > [ JOIN ] INNER STREAM_TABLE  [A]',
      '      > [ SOURCE ] STREAM ORDERS (topic orders, KAFKA/JSON)  [ID KEY]',
      '      > [ SOURCE ] TABLE USERS (topic users, KAFKA/JSON)  [ID KEY]',
    ].join('\n');
    const [root] = parsePlan(text);
    expect(root).toMatchObject({ kind: 'PROJECT', detail: 'REGION, COUNT(*)', columns: 'REGION KEY, N' });
    const join = root!.children[0]!.children[0]!;
    expect(join.kind).toBe('JOIN');
    expect(join.children.map((c) => c.detail)).toEqual([
      'STREAM ORDERS (topic orders, KAFKA/JSON)',
      'TABLE USERS (topic users, KAFKA/JSON)',
    ]);
  });

  it('ignores lines that are not plan nodes', () => {
    expect(parsePlan('hello\n')).toEqual([]);
  });
});

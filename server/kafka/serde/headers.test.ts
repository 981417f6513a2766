import { describe, expect, it } from 'vitest';
import type { Column } from '../../types/logical-schema';
import { BYTES, STRING, array, struct } from '../../types/sql-type';
import { extractHeaderColumns } from './headers';

const HEADERS_TYPE = array(
  struct([
    { name: 'KEY', type: STRING },
    { name: 'VALUE', type: BYTES },
  ]),
);
const all: Column = { name: 'H', type: HEADERS_TYPE, namespace: 'VALUE', header: {} };
const abc: Column = { name: 'H1', type: BYTES, namespace: 'VALUE', header: { key: 'abc' } };
const def: Column = { name: 'H2', type: BYTES, namespace: 'VALUE', header: { key: 'def' } };

describe('extractHeaderColumns', () => {
  it('lists every header and picks the last value per key', () => {
    const headers = { abc: [Buffer.from([0x1a]), Buffer.from([0x21])], def: '#', nil: undefined };
    expect(extractHeaderColumns([all, abc, def], headers)).toEqual([
      [
        { KEY: 'abc', VALUE: Buffer.from([0x1a]) },
        { KEY: 'abc', VALUE: Buffer.from([0x21]) },
        { KEY: 'def', VALUE: Buffer.from('#') },
        { KEY: 'nil', VALUE: null },
      ],
      Buffer.from([0x21]),
      Buffer.from('#'),
    ]);
  });

  it('gives an empty list and nulls when there are no headers', () => {
    expect(extractHeaderColumns([all, abc], {})).toEqual([[], null]);
    expect(extractHeaderColumns([all, abc], undefined)).toEqual([[], null]);
  });

  it('does not find inherited names', () => {
    const toString: Column = { name: 'H', type: BYTES, namespace: 'VALUE', header: { key: 'toString' } };
    expect(extractHeaderColumns([toString], {})).toEqual([null]);
  });
});

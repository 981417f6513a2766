import { describe, expect, it } from 'vitest';
import { rowCells } from './json-cells';
import { boxTable, keyValues, listTable, streamWidths } from './table';

describe('tables', () => {
  it('draws entity listings like the ksql CLI', () => {
    expect(
      listTable(
        ['Stream Name', 'Kafka Topic', 'Windowed'],
        [
          ['ORDERS', 'orders', 'false'],
          ['S', 'a_long_topic_name', 'true'],
        ],
      ),
    ).toBe(
      [
        ' Stream Name | Kafka Topic       | Windowed',
        '--------------------------------------------',
        ' ORDERS      | orders            | false',
        ' S           | a_long_topic_name | true',
        '--------------------------------------------',
      ].join('\n'),
    );
  });

  it('boxes query results', () => {
    expect(boxTable(['ID', 'AMOUNT'], [['a', '1.10']])).toBe(
      ['+--+------+', '|ID|AMOUNT|', '+--+------+', '|a |1.10  |', '+--+------+'].join('\n'),
    );
    expect(streamWidths(['A', 'LONG_COLUMN_NAME'], 41)).toEqual([19, 19]);
    expect(streamWidths(['A'], undefined)).toEqual([20]);
  });

  it('aligns key-value pairs', () => {
    expect(
      keyValues([
        ['Name', 'S'],
        ['Key format', 'KAFKA'],
      ]),
    ).toBe('Name       : S\nKey format : KAFKA');
  });
});

describe('rowCells', () => {
  it('keeps exact numbers and shows strings unquoted and nested values as JSON', () => {
    expect(rowCells('["a",1.10,null,{"X":[1,2]},[{"a":"]"}],"q\\"uote",true]')).toEqual([
      'a',
      '1.10',
      'null',
      '{"X":[1,2]}',
      '[{"a":"]"}]',
      'q"uote',
      'true',
    ]);
    expect(rowCells('[]')).toEqual([]);
  });
});

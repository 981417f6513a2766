import { describe, expect, it } from 'vitest';
import { statementColumns } from './statement-columns';

describe('statementColumns', () => {
  const sources = [
    { name: 'ORDERS', columns: [{ name: 'ID' }, { name: 'AMOUNT' }] },
    { name: 'USERS', columns: [{ name: 'ID' }, { name: 'AMOUNTS' }] },
  ];
  it('keeps the columns of the sources the statement names', () => {
    expect(statementColumns('select amoutn from orders', sources)).toEqual(['ID', 'AMOUNT']);
  });
  it('falls back to every column', () => {
    expect(statementColumns('select 1', sources)).toEqual(['ID', 'AMOUNT', 'AMOUNTS']);
  });
});

import type { Token } from './token';

/** How an expectation label reads in a message; keywords and punctuation read as themselves. */
const LABELS: Record<string, string> = {
  '<expression>': 'an expression',
  '<literal>': 'a literal',
  '<string>': 'a string',
  '<integer>': 'an integer',
  '<number>': 'a number',
  '<type>': 'a type',
  '<source>': 'a stream or table name',
  '<stream>': 'a stream name',
  '<table>': 'a table name',
  '<new-name>': 'a name',
  '<column>': 'a column name',
  '<new-column>': 'a column name',
  '<alias>': 'an alias',
  '<function>': 'a function name',
  '<field>': 'a field name',
  '<property>': 'a property name',
  '<query>': 'a query id',
  '<variable>': 'a variable name',
  '<connector>': 'a connector name',
  '<param>': 'a parameter name',
  '<identifier>': 'an identifier',
  '<statement>': 'a statement',
  '<unit>': 'a time unit',
  '<eof>': 'end of input',
};

export function labelText(label: string): string {
  return LABELS[label] ?? label;
}

export function describeExpected(labels: readonly string[]): string {
  if (labels.length === 0) return 'unexpected input';
  const shown = labels.map(labelText);
  if (shown.length === 1) return `expected ${shown[0] ?? ''}`;
  return `expected one of ${shown.join(', ')}`;
}

export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'string':
      return `string '${t.value.replace(/'/g, "''")}'`;
    case 'quoted':
      return `identifier \`${t.value}\``;
    case 'variable':
      return `variable \${${t.value}}`;
    case 'word':
      return `'${t.value}'`;
    default:
      return `'${t.value}'`;
  }
}

import type * as Monaco from 'monaco-editor';

/** The language id the editor uses for Kappa's SQL (ksqlDB's dialect). */
export const KSQL = 'ksql';

// ksqlDB's keywords (reserved and non-reserved); type names are highlighted apart.
const KEYWORDS = (
  'SELECT FROM AS ALL DISTINCT WHERE WITHIN WINDOW GROUP BY HAVING LIMIT AT OR AND IN NOT EXISTS BETWEEN ' +
  'LIKE IS NULL TRUE FALSE TUMBLING HOPPING SESSION SIZE ADVANCE RETENTION GRACE PERIOD CASE WHEN THEN ELSE ' +
  'END JOIN FULL OUTER INNER LEFT RIGHT ON WITH VALUES CREATE TABLE TOPIC STREAM STREAMS INSERT DELETE INTO ' +
  'DESCRIBE EXTENDED PRINT CAST LIST TOPICS QUERY QUERIES TERMINATE LOAD DROP TO RENAME SAMPLE EXPORT ' +
  'CATALOG PROPERTIES BEGINNING UNSET RUN SCRIPT CONNECTOR CONNECTORS NAMESPACE MATERIALIZED VIEW SHOW ' +
  'TABLES COLUMNS COLUMN PARTITIONS FUNCTIONS FUNCTION PARTITION INTERVAL ZONE EXPLAIN ANALYZE TYPE TYPES ' +
  'SET RESET IF SOURCE SINK PRIMARY KEY EMIT CHANGES FINAL ESCAPE REPLACE ASSERT ALTER ADD HEADER HEADERS ' +
  'DEFINE UNDEFINE VARIABLES PLUGINS SYSTEM TIMEOUT SCHEMA SUBJECT ID ORDER ASC DESC OFFSET PAUSE RESUME ' +
  'CASCADE MILLISECOND MILLISECONDS SECOND SECONDS MINUTE MINUTES HOUR HOURS DAY DAYS MONTH MONTHS YEAR YEARS'
).split(' ');

const TYPES =
  'BOOLEAN INT INTEGER BIGINT DOUBLE DECIMAL VARCHAR STRING BYTES TIMESTAMP DATE TIME ARRAY MAP STRUCT'.split(
    ' ',
  );

export const ksqlMonarch: Monaco.languages.IMonarchLanguage = {
  ignoreCase: true,
  defaultToken: '',
  tokenPostfix: '.ksql',
  keywords: KEYWORDS,
  typeKeywords: TYPES,
  operators: ['=', '<>', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '||', ':=', '->', '=>'],
  symbols: /[=><!~?:&|+\-*/^%]+/,
  tokenizer: {
    root: [
      [/\$\{[^}]*\}/, 'variable'],
      [/--.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/'/, 'string', '@string'],
      [/`/, 'identifier.quote', '@quoted'],
      [/"/, 'identifier.quote', '@dquoted'],
      [/\d+\.\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|\d+[eE][+-]?\d+/, 'number.float'],
      [/\d+/, 'number'],
      [
        /[A-Za-z_][\w]*(?=\s*\()/,
        { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@default': 'predefined' } },
      ],
      [
        /[A-Za-z_][\w@$]*/,
        { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@default': 'identifier' } },
      ],
      [/[;,.]/, 'delimiter'],
      [/[()[\]]/, '@brackets'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      [/\s+/, 'white'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
    string: [
      [/[^']+/, 'string'],
      [/''/, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
    quoted: [
      [/[^`]+/, 'identifier.quote'],
      [/``/, 'identifier.quote'],
      [/`/, 'identifier.quote', '@pop'],
    ],
    dquoted: [
      [/[^"]+/, 'identifier.quote'],
      [/""/, 'identifier.quote'],
      [/"/, 'identifier.quote', '@pop'],
    ],
  },
};

export const ksqlConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '--', blockComment: ['/*', '*/'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
    { open: '`', close: '`', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: "'", close: "'" },
    { open: '`', close: '`' },
  ],
  wordPattern: /[A-Za-z_][\w]*|`[^`]*`/,
};

/** Editor themes: Monaco's own, plus distinct colours for function calls and variables. */
export const KSQL_THEMES = { light: 'kappa-light', dark: 'kappa-dark' } as const;

function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(KSQL_THEMES.light, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'predefined.ksql', foreground: '795E26' },
      { token: 'variable.ksql', foreground: 'AF00DB' },
      { token: 'identifier.quote.ksql', foreground: '001080' },
    ],
    colors: {},
  });
  monaco.editor.defineTheme(KSQL_THEMES.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'predefined.ksql', foreground: 'DCDCAA' },
      { token: 'variable.ksql', foreground: 'C586C0' },
      { token: 'identifier.quote.ksql', foreground: '9CDCFE' },
    ],
    colors: { 'editor.background': '#14161b' },
  });
}

/** Registers the KSQL language with Monaco (once). */
export function registerKsqlLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === KSQL)) return;
  monaco.languages.register({ id: KSQL, extensions: ['.ksql'], aliases: ['KSQL', 'ksqlDB'] });
  monaco.languages.setMonarchTokensProvider(KSQL, ksqlMonarch);
  monaco.languages.setLanguageConfiguration(KSQL, ksqlConfiguration);
  defineThemes(monaco);
}

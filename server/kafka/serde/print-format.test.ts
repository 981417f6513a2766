import { describe, expect, it } from 'vitest';
import { PrintFormatDetector, formatPrintRecord, formatRowtime, formatsLine } from './print-detector';
import { bytesToString, detectFormat, formatForPrint } from './print-format';

const int = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v);
  return b;
};
const long = (v: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(v);
  return b;
};

describe('detectFormat', () => {
  it.each([
    [Buffer.from('{"a":1}'), 'JSON'],
    [Buffer.from('123'), 'JSON'],
    [int(-7), 'KAFKA_INT'],
    [long(1n << 40n), 'KAFKA_BIGINT'],
    [Buffer.from('hello'), 'KAFKA_STRING'],
    [Buffer.from([0xff, 0xfe, 0x00]), 'BYTES'],
    [Buffer.alloc(0), 'BYTES'],
  ] as const)('detects %o as %s', (bytes, format) => {
    expect(detectFormat(bytes)).toBe(format);
  });

  it('gives null for null bytes and prints them as <null>', () => {
    expect(detectFormat(null)).toBeNull();
    expect(formatForPrint(null, null)).toBe('<null>');
  });

  it('considers windowed keys when asked', () => {
    const key = Buffer.concat([Buffer.from('k'), long(1000n)]);
    expect(detectFormat(key, { windowed: true })).toBe('HOPPING(KAFKA_STRING)');
    expect(formatForPrint(key, 'TUMBLING(KAFKA_STRING)')).toBe('[k@1000/-]');
    const session = Buffer.concat([int(5), long(20n), long(10n)]);
    expect(formatForPrint(session, 'SESSION(KAFKA_INT)')).toBe('[5@10/20]');
  });

  it('prints each format’s text', () => {
    expect(formatForPrint(int(42), 'KAFKA_INT')).toBe('42');
    expect(formatForPrint(long(-1n), 'KAFKA_BIGINT')).toBe('-1');
    const d = Buffer.alloc(8);
    d.writeDoubleBE(2);
    expect(formatForPrint(d, 'KAFKA_DOUBLE')).toBe('2.0');
    expect(formatForPrint(Buffer.from('x'), 'KAFKA_INT')).toBe('x');
  });

  it('escapes unprintable bytes like Kafka’s Bytes.toString', () => {
    expect(bytesToString(Buffer.from([0x41, 0x5c, 0x00, 0xff]))).toBe('A\\x5C\\x00\\xFF');
  });
});

describe('PrintFormatDetector', () => {
  it('narrows the candidates as records arrive', () => {
    const values = new PrintFormatDetector(false);
    expect(values.possibleFormats()).toEqual(['¯\\_(ツ)_/¯ - no data processed']);
    expect(values.format(Buffer.from('1234'))).toBe('1234');
    expect(values.possibleFormats()).toEqual(['JSON', 'KAFKA_INT', 'KAFKA_STRING']);
    expect(values.format(Buffer.from('abc'))).toBe('abc');
    expect(values.possibleFormats()).toEqual(['KAFKA_STRING']);
    values.format(Buffer.from([0xff]));
    expect(formatsLine('Value format: ', values.possibleFormats())).toBe(
      'Value format:  does not match any supported format. It may be a STRING with encoding other than UTF8, or some other format.',
    );
  });

  it('includes windowed variants for keys', () => {
    const keys = new PrintFormatDetector(true);
    keys.format(Buffer.from('a-string-key-longer-than-16'));
    expect(keys.possibleFormats()).toContain('SESSION(KAFKA_STRING)');
    expect(formatsLine('Key format: ', keys.possibleFormats())).toMatch(
      /^Key format: SESSION\(KAFKA_STRING\) or /,
    );
  });

  it('formats a PRINT line', () => {
    const line = formatPrintRecord(
      { timestamp: 1_615_393_125_583, key: Buffer.from('k1'), value: Buffer.from('{"v":1}'), partition: 2 },
      new PrintFormatDetector(true),
      new PrintFormatDetector(false),
    );
    expect(line).toBe('rowtime: 2021/03/10 16:18:45.583 Z, key: k1, value: {"v":1}, partition: 2');
  });

  it('formats unknown timestamps as N/A', () => {
    expect(formatRowtime(-1)).toBe('N/A');
    expect(formatRowtime(0)).toBe('1970/01/01 00:00:00.000 Z');
  });
});

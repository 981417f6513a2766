import { describe, expect, it } from 'vitest';
import { fromPlain, JsonNumber, JsonReadError, readJson, writeJson } from './qtt-json';

describe('readJson', () => {
  it('keeps number text exactly, beyond what a double holds', () => {
    const v = readJson('{"big": 9223372036854775807, "dec": 1.10, "exp": -2.5E-3}');
    expect(writeJson(v)).toBe('{"big":9223372036854775807,"dec":1.10,"exp":-2.5E-3}');
    expect(v).toMatchObject({ big: new JsonNumber('9223372036854775807') });
  });

  it('skips // comments outside strings but keeps // inside them', () => {
    const v = readJson('// header\n{\n  "url": "http://x//y", // trailing\n  "n": 1\n}\n// end');
    expect(writeJson(v)).toBe('{"url":"http://x//y","n":1}');
  });

  it('decodes escapes and unicode', () => {
    expect(readJson('"a\\"b\\n\\u00e9\\/"')).toBe('a"b\né/');
  });

  it('keeps a "__proto__" field as a plain field', () => {
    const v = readJson('{"__proto__": {"x": 1}}');
    expect(Object.keys(v as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  it('writes fields in document order, integer-like keys included', () => {
    expect(writeJson(readJson('{"123": 1, "12": 2, "b": 3, "1234": 4, "12": 5}'))).toBe(
      '{"123":1,"12":5,"b":3,"1234":4}',
    );
  });

  it('reports where the text is malformed', () => {
    expect(() => readJson('{\n  "a": tru\n}')).toThrow(JsonReadError);
    expect(() => readJson('{"a": 1} x')).toThrow(/line 1/);
    expect(() => readJson('[1, 2')).toThrow(/expected ','/);
  });
});

describe('fromPlain', () => {
  it('turns JSON.parse output into exact-number trees', () => {
    expect(writeJson(fromPlain({ a: [1, 'x', null, true], b: 2.5 }))).toBe('{"a":[1,"x",null,true],"b":2.5}');
  });
});

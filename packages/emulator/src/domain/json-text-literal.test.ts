import { describe, expect, it } from 'vitest';
import { jsonTextToPython } from './json-text-literal.js';

describe('jsonTextToPython: repr(json.loads(text)), as the real service writes MSG', () => {
  it('writes the contract example', () => {
    expect(jsonTextToPython('{"k": "v", "ok": true, "n": null}')).toBe("{'k': 'v', 'ok': True, 'n': None}");
  });

  it('keeps what JSON.parse would lose: floats, big ints, key order', () => {
    // each expected string is what CPython 3 prints for repr(json.loads(text))
    expect(jsonTextToPython('{"f": 1.0, "g": 2.50, "big": 12345678901234567890, "z": -0}')).toBe(
      "{'f': 1.0, 'g': 2.5, 'big': 12345678901234567890, 'z': 0}",
    );
    expect(jsonTextToPython('{"b": 1, "2": 2, "a": 3}')).toBe("{'b': 1, '2': 2, 'a': 3}");
    expect(jsonTextToPython('[1e16, 1E2, 1e-7, -0.0, 1e400, 0.1]')).toBe(
      '[1e+16, 100.0, 1e-07, -0.0, inf, 0.1]',
    );
  });

  it('writes strings as repr does, escapes decoded first', () => {
    expect(jsonTextToPython('"it\'s \\"q\\" \\u00e9\\n\\u0007"')).toBe("'it\\'s \"q\" é\\n\\x07'");
    expect(jsonTextToPython('{"a\\"b": []}')).toBe("{'a\"b': []}");
  });

  it('lets a repeated key keep its first place and take the last value, as a dict does', () => {
    expect(jsonTextToPython('{"a": 1, "b": 2, "a": 3}')).toBe("{'a': 3, 'b': 2}");
  });

  it('reads any whitespace, nesting and empty containers', () => {
    expect(jsonTextToPython(' {\n "x" : [ {}, [], [ true , false ] ] }\r\n')).toBe(
      "{'x': [{}, [], [True, False]]}",
    );
    expect(jsonTextToPython('"only a string"')).toBe("'only a string'");
  });
});

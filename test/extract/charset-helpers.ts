// Test helper: encode a string in a legacy charset by inverting Node's TextDecoder tables
// (Node can decode these charsets but only encodes UTF-8).
import { decodeAs } from '../../src/extract/charset-guess.js';

const tables = new Map<string, Map<string, number[]>>();

function table(encoding: string): Map<string, number[]> {
  let map = tables.get(encoding);
  if (map) return map;
  map = new Map();
  const d = new TextDecoder(encoding);
  for (let b = 0; b < 0x80; b++) map.set(String.fromCharCode(b), [b]);
  for (let b = 0x80; b < 0x100; b++) {
    const c = decodeAs(Uint8Array.of(b), d.encoding);
    if (c.length === 1 && c !== '\ufffd' && !map.has(c)) map.set(c, [b]);
  }
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const c = d.decode(Uint8Array.of(a, b));
      if (c.length === 1 && c !== '\ufffd' && !map.has(c)) map.set(c, [a, b]);
    }
  }
  tables.set(encoding, map);
  return map;
}

export function encode(text: string, encoding: string): Uint8Array {
  const map = table(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`cannot encode ${JSON.stringify(ch)} in ${encoding}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

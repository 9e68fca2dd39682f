// Guessing the charset of bytes that are not UTF-8 and whose declaration is missing or wrong.
// Each candidate decoding is scored by how much of its non-ASCII text consists of the most
// frequent letters of the languages that charset serves ("的", "の", "이", "о", "é", "ą"):
// the right decoding yields ordinary text, a wrong one yields rare characters, U+FFFD and
// C1 controls. The idea is the classic "character frequency" detector (as in Mozilla's
// universal charset detector), reduced to one short list per charset.

interface Candidate { encoding: string; common: string }

const CANDIDATES: Candidate[] = [
  { encoding: 'windows-1252', common: 'éèàüöäßñçáíóúãõêâôûëïîÉÀÜÖÄ' },
  { encoding: 'windows-1250', common: 'ąęłżśćńóčřšžěýáíéůúőűäöüĄŁŚŻČŘŠŽ' },
  { encoding: 'iso-8859-2', common: 'ąęłżśćńóčřšžěýáíéůúőűäöüĄŁŚŻČŘŠŽ' },
  { encoding: 'windows-1251', common: 'оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъёОЕАИНТСРВПМК' },
  { encoding: 'koi8-r', common: 'оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё' },
  { encoding: 'iso-8859-7', common: 'αεοιτνσηκυρπμλάέίόήύώςΑΕΟΙΤΝΣΗΚ' },
  { encoding: 'windows-1256', common: 'اليمنوهرتبعدكفقسحجشصطذخثزضظغءأإآةى' },
  { encoding: 'windows-1255', common: 'יוהלארתבמנשעדכקפחצגסטזאם' },
  { encoding: 'gbk', common: '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实' },
  { encoding: 'big5', common: '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實' },
  { encoding: 'shift_jis', common: 'のにはをたがでてとしれさいなるかもっすまりあうんこ日本年人月大一中出上事会' },
  { encoding: 'euc-jp', common: 'のにはをたがでてとしれさいなるかもっすまりあうんこ日本年人月大一中出上事会' },
  { encoding: 'euc-kr', common: '이다는의에고하을를가지서로한기도으리사들니대자일그수해보어시있정게요것만나아국전' },
];

// Typographic punctuation that each single-byte Latin/Cyrillic/Greek charset places at 0x80–0xBF:
// ordinary in the right decoding, so it counts like a common letter.
const PUNCT = '’‘“”„–—…«»·•°€¿¡§©®™ ';
const SETS = new Map(CANDIDATES.map((c) => [c.encoding, new Set(c.common + PUNCT)]));
/** Other names of the same repertoires, scored with the same lists. */
const FAMILY: Record<string, string> = {
  'iso-8859-1': 'windows-1252', 'iso-8859-15': 'windows-1252', 'iso-8859-5': 'windows-1251',
  'koi8-u': 'koi8-r', 'windows-1253': 'iso-8859-7', 'iso-8859-6': 'windows-1256', 'iso-8859-8': 'windows-1255', gb18030: 'gbk',
};

/** Whether `encoding` has a frequency list (directly or through its family). */
export function isScored(encoding: string): boolean {
  return SETS.has(FAMILY[encoding] ?? encoding);
}

const LATIN = new Set(['windows-1252', 'windows-1250', 'iso-8859-2']);

/**
 * Score of one decoding: share of non-ASCII characters that are common letters, minus garbage.
 * Latin-script languages put accented letters between ASCII ones ("président"); a Cyrillic or
 * Greek text read as Latin gives runs of accented letters ("Ïðåçèäåíò"), which count against it.
 */
export function decodingScore(text: string, encoding: string): number {
  const common = SETS.get(FAMILY[encoding] ?? encoding);
  const latin = LATIN.has(FAMILY[encoding] ?? encoding);
  let nonAscii = 0, hits = 0, bad = 0, runs = 0;
  let prevHigh = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) { prevHigh = false; continue; }
    nonAscii++;
    const letter = latin && /\p{L}/u.test(ch);
    if (letter && prevHigh) runs++;
    prevHigh = letter;
    if (cp === 0xfffd || (cp >= 0x80 && cp < 0xa0)) bad++;
    // Half-width katakana: what a wrong Shift_JIS reading of Chinese or Korean bytes produces.
    else if (cp >= 0xff61 && cp <= 0xff9f) bad += 0.5;
    else if (common?.has(ch)) hits++;
  }
  if (!nonAscii) return 0;
  return (hits - 3 * bad - 1.5 * runs) / nonAscii;
}

// Node 20's TextDecoder reads windows-1252 (and its labels latin1, iso-8859-1, ascii) as ISO-8859-1,
// leaving 0x80–0x9F as C1 controls instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
// Browsers (and the WHATWG Encoding standard) use the windows-1252 table, so we patch those 32 bytes.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode bytes as `encoding` the way a browser does (non-fatal). */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding).decode(bytes);
  // Latin-1 through Buffer is the same mapping as Node's windows-1252 TextDecoder, several times faster.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

const MULTI_BYTE = new Set(['gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/**
 * The best candidate encoding for bytes that are not UTF-8 (a sample is enough). Multi-byte
 * charsets first: text in one of them almost never decodes without errors in another family's
 * single-byte reading... but single-byte text (spaces between odd-length words) almost never
 * decodes cleanly as a multi-byte charset, so a clean multi-byte decode is strong evidence;
 * among the clean ones, and otherwise among the single-byte ones, the frequency score decides.
 */
export function guessCharset(bytes: Uint8Array): { encoding: string; score: number } {
  const sample = trimPartial(bytes.subarray(0, 200_000));
  let high = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! >= 0x80) high++;
  const clean: string[] = [];
  if (high >= 4) {
    for (const enc of MULTI_BYTE) {
      try {
        new TextDecoder(enc, { fatal: true }).decode(sample);
        clean.push(enc);
      } catch {
        // not this one
      }
    }
  }
  const pick = (pool: Candidate[]) => {
    let best = { encoding: 'windows-1252', score: -Infinity };
    for (const c of pool) {
      const score = decodingScore(decodeAs(sample, c.encoding), c.encoding);
      if (score > best.score) best = { encoding: c.encoding, score };
    }
    return best;
  };
  if (clean.length) {
    const multi = pick(CANDIDATES.filter((c) => clean.includes(c.encoding)));
    if (multi.score > 0.15) return multi;
  }
  return pick(CANDIDATES.filter((c) => !MULTI_BYTE.has(c.encoding)));
}

/** A sample cut mid-character would fail a fatal decode: end it at the last ASCII byte. */
function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  while (end > 0 && end > sample.length - 8 && sample[end - 1]! >= 0x80) end--;
  return sample.subarray(0, end);
}

/**
 * Text decoding for files planners receive: UTF-8 (with or without BOM), windows-1252 / ISO-8859-1 (GENESIS
 * exports, old DBF files) and CP850 (DOS-era DBF files). Pure: byte arrays in, strings out, no TextDecoder
 * (not part of the platform-free layer) and no Buffer. The single-byte tables are the WHATWG / IBM mappings;
 * windows-1252's five undefined bytes map to the C1 control of the same number, as browsers do.
 */

/**
 * The encodings Kleinraum reads. `windows-1252` is used for ISO-8859-1 as well (it is a superset for text).
 * UTF-16 comes from Excel's "Unicode text" export.
 */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'cp850', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const CP850_HIGH =
  "\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4\u00f0\u00d0\u00ca\u00cb\u00c8\u0131\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0";
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff";


/** Normalises user and .cpg spellings ("UTF8", "1252", "ISO 8859-1", "850", "latin1") to a known encoding, or null. */
export function normaliseEncodingName(name: string): TextEncoding | null {
  const compact = name.trim().toLowerCase().replace(/[\s_]/g, '').replace(/^(cp|ibm|dos)(?=\d)/, 'cp');
  if (compact === 'utf-8' || compact === 'utf8' || compact === '65001') return 'utf-8';
  if (['windows-1252', 'windows1252', 'cp1252', '1252', 'ansi1252', 'ansi'].includes(compact)) return 'windows-1252';
  if (['iso-8859-1', 'iso8859-1', 'iso88591', 'latin1', 'latin-1', '88591', 'l1'].includes(compact)) return 'iso-8859-1';
  if (['cp850', '850', 'oem850'].includes(compact)) return 'cp850';
  if (['utf-16', 'utf16', 'utf-16le', 'utf16le', 'unicode', '1200'].includes(compact)) return 'utf-16le';
  if (['utf-16be', 'utf16be', '1201'].includes(compact)) return 'utf-16be';
  return null;
}

/**
 * Recognises UTF-16 text: by its byte order mark, or (Excel's "Unicode text" without one) by the zero high
 * bytes of Latin text in every other position. Null for anything else.
 * @example detectUtf16(Uint8Array.of(0xff, 0xfe, 0x41, 0x00)) // "utf-16le"
 */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  let start = (littleEndian && bytes[0] === 0xff && bytes[1] === 0xfe) || (!littleEndian && bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
  while (start + 1 < bytes.length) {
    const end = Math.min(bytes.length - ((bytes.length - start) % 2), start + 16384);
    const units: number[] = [];
    for (let index = start; index + 1 < end; index += 2) units.push(littleEndian ? bytes[index]! | (bytes[index + 1]! << 8) : (bytes[index]! << 8) | bytes[index + 1]!);
    parts.push(String.fromCharCode(...units));
    start = end;
  }
  return parts.join('');
}

/** True when the bytes start with the UTF-8 byte order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Checks UTF-8 well-formedness. Returns the number of multi-byte sequences, or -1 when invalid.
 * A truncated sequence at `bytes.length` counts as valid when `allowTruncatedEnd` (used for samples).
 */
export function countUtf8Sequences(bytes: Uint8Array, allowTruncatedEnd = false): number {
  let sequences = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return -1;
    if (index + length > bytes.length) return allowTruncatedEnd ? sequences : -1;
    for (let offset = 1; offset < length; offset += 1) {
      const continuation = bytes[index + offset]!;
      if (continuation < 0x80 || continuation > 0xbf) return -1;
    }
    sequences += 1;
    index += length;
  }
  return sequences;
}

function decodeUtf8(bytes: Uint8Array): string {
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  const parts: string[] = [];
  let codes: number[] = [];
  let index = start;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    let codePoint: number;
    if (lead < 0x80) {
      codePoint = lead;
      index += 1;
    } else if (lead >= 0xc2 && lead <= 0xdf && index + 1 < bytes.length) {
      codePoint = ((lead & 0x1f) << 6) | (bytes[index + 1]! & 0x3f);
      index += 2;
    } else if (lead >= 0xe0 && lead <= 0xef && index + 2 < bytes.length) {
      codePoint = ((lead & 0x0f) << 12) | ((bytes[index + 1]! & 0x3f) << 6) | (bytes[index + 2]! & 0x3f);
      index += 3;
    } else if (lead >= 0xf0 && lead <= 0xf4 && index + 3 < bytes.length) {
      codePoint =
        ((lead & 0x07) << 18) | ((bytes[index + 1]! & 0x3f) << 12) | ((bytes[index + 2]! & 0x3f) << 6) | (bytes[index + 3]! & 0x3f);
      index += 4;
    } else {
      // Malformed byte: the replacement character shows the damage instead of hiding it.
      codePoint = 0xfffd;
      index += 1;
    }
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      codes.push(0xd800 + (codePoint >> 10), 0xdc00 + (codePoint & 0x3ff));
    } else {
      codes.push(codePoint);
    }
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}

function decodeSingleByte(bytes: Uint8Array, high: string | null): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const slice = bytes.subarray(start, Math.min(bytes.length, start + chunk));
    let text = '';
    for (const byte of slice) text += byte < 0x80 || high === null ? String.fromCharCode(byte) : high[byte - 0x80]!;
    parts.push(text);
  }
  return parts.join('');
}

/**
 * Decodes bytes with a known encoding. A UTF-8 BOM is dropped.
 * @example decodeText(new Uint8Array([0x52, 0xfc, 0x62]), 'windows-1252') // "Rüb"
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return decodeUtf8(bytes);
    case 'windows-1252':
      return decodeSingleByte(bytes, WINDOWS_1252_HIGH);
    case 'iso-8859-1':
      return decodeSingleByte(bytes, null);
    case 'cp850':
      return decodeSingleByte(bytes, CP850_HIGH);
    case 'utf-16le':
      return decodeUtf16(bytes, true);
    case 'utf-16be':
      return decodeUtf16(bytes, false);
  }
}

/** What the detector found, with a preview so a person can confirm (or override) the choice. */
export interface EncodingDetection {
  encoding: TextEncoding;
  /** 0..1: 1 for a BOM or pure ASCII, high for valid multi-byte UTF-8, lower for single-byte guesses. */
  confidence: number;
  bom: boolean;
  /** Up to 12 distinct words with non-ASCII letters, decoded with `encoding` (e.g. "Rübenberge", "Schleswig-Holstein" is ASCII and not shown). */
  preview: string[];
  /** Candidates with their plausibility score, best first, so a UI can offer the alternatives. */
  candidates: { encoding: TextEncoding; score: number }[];
}

const GERMAN_LETTERS = new Set('äöüÄÖÜßéèêáàâçñóòôúùûíìÉÈÁÀ');
const IMPLAUSIBLE_IN_TEXT = /[\u0080-\u009f\u2500-\u25ff\u00a4\u00a6\u00a8\u00b4\u00b8\u00ac\u00ad\u0192\u0131\u2017\u00fe\u00de\u00f0\u00d0\u00b9\u00b3\u00b2\u00be\u00bc\u00bd\u00b6]/;

/** Scores how German-looking the non-ASCII characters are when decoded with `high` (letters next to letters score, box drawing and controls cost). */
function plausibility(bytes: Uint8Array, high: string): number {
  let score = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (byte < 0x80) continue;
    const character = high[byte - 0x80]!;
    const before = index > 0 ? bytes[index - 1]! : 0x20;
    const beforeIsLetter = (before >= 0x41 && before <= 0x5a) || (before >= 0x61 && before <= 0x7a) || before >= 0x80;
    if (GERMAN_LETTERS.has(character)) score += beforeIsLetter || character === character.toUpperCase() ? 2 : 1;
    else if (character === '€' || character === '§' || character === '°' || character === '©' || character === '–' || character === '„' || character === '“' || character === '²' && !beforeIsLetter) score += 1;
    else if (IMPLAUSIBLE_IN_TEXT.test(character)) score -= 3;
  }
  return score;
}

function previewWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.matchAll(/\p{L}[\p{L}.'-]*/gu)) {
    const word = match[0];
    if (/[^ -~]/.test(word)) words.add(word);
    if (words.size >= 12) break;
  }
  return [...words];
}

/**
 * Detects the text encoding of a file's bytes (a sample of the first MB is enough).
 * @example detectEncoding(bytesOfGenesisExport).encoding // "windows-1252"
 */
export function detectEncoding(bytes: Uint8Array): EncodingDetection {
  const sample = bytes.length > 1_048_576 ? bytes.subarray(0, 1_048_576) : bytes;
  const truncatedSample = sample.length < bytes.length;
  if (hasUtf8Bom(sample)) {
    return { encoding: 'utf-8', confidence: 1, bom: true, preview: previewWords(decodeText(sample, 'utf-8')), candidates: [{ encoding: 'utf-8', score: 1 }] };
  }
  const sequences = countUtf8Sequences(sample, truncatedSample);
  if (sequences === 0) {
    return { encoding: 'utf-8', confidence: 1, bom: false, preview: [], candidates: [{ encoding: 'utf-8', score: 1 }] };
  }
  if (sequences > 0) {
    // Random Latin-1 text is almost never valid UTF-8 once it has a few umlauts.
    const confidence = Math.min(0.99, 0.8 + sequences * 0.02);
    return { encoding: 'utf-8', confidence, bom: false, preview: previewWords(decodeText(sample, 'utf-8')), candidates: [{ encoding: 'utf-8', score: sequences }] };
  }
  const windowsScore = plausibility(sample, WINDOWS_1252_HIGH);
  const dosScore = plausibility(sample, CP850_HIGH);
  const candidates: { encoding: TextEncoding; score: number }[] = [
    { encoding: 'windows-1252' as const, score: windowsScore },
    { encoding: 'cp850' as const, score: dosScore },
  ].sort((first, second) => second.score - first.score);
  const best = candidates[0]!;
  const margin = Math.abs(windowsScore - dosScore) / (Math.abs(windowsScore) + Math.abs(dosScore) + 1);
  const confidence = Math.max(0.5, Math.min(0.95, 0.5 + margin * 0.45));
  return { encoding: best.encoding, confidence, bom: false, preview: previewWords(decodeText(sample, best.encoding)), candidates };
}

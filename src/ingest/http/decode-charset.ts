/**
 * Byte-to-text decoding for feed bodies (docs/ingestion.md R13): BOM, then a strict UTF-8 check,
 * then the HTTP charset, then the XML declaration, then windows-1252. Valid UTF-8 wins over a lying
 * declaration, because publishers often declare ISO-8859-1 and serve UTF-8 (Miniflux's corpus).
 */

import { TextDecoder } from 'node:util';

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Charset named in a Content-Type header value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function sniffBom(bytes: Uint8Array): string | null {
  for (const [bom, label] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return label;
  }
  // UTF-16 without a BOM still starts with "<" next to a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  return null;
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const match = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function makeDecoder(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null; // unknown label: fall through to the next rule
  }
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  const decoder = makeDecoder(label, fatal);
  if (!decoder) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const isUtf8Family = (label: string): boolean => /^(utf-?8|unicode-1-1-utf-8)$/i.test(label);

/** Result of decoding: the text and the charset that produced it. */
export interface DecodedBody {
  text: string;
  charset: string;
}

/** Decodes a feed body following docs/ingestion.md R13. Never throws; never returns U+FFFD for valid input. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const bom = sniffBom(bytes);
  if (bom) {
    // TextDecoder strips the BOM itself (ignoreBOM defaults to false).
    return { text: tryDecode(bytes, bom, false) ?? '', charset: bom };
  }
  // Valid UTF-8 wins over any declaration: real single-byte text with high bytes is almost never
  // valid UTF-8, while "ISO-8859-1" declared over UTF-8 bytes is a very common lie.
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const declared = charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes);
  if (declared && !isUtf8Family(declared)) {
    const text = tryDecode(bytes, declared, false);
    if (text !== null && !text.includes('\uFFFD')) return { text, charset: declared };
  }
  // Not valid UTF-8 and no usable declaration: windows-1252 maps every byte (WHATWG's Latin-1).
  return { text: tryDecode(bytes, 'windows-1252', false) ?? '', charset: 'windows-1252' };
}

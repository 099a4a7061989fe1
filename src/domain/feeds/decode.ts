/**
 * Bytes → string for XML feeds and HTML pages, honouring declared encodings.
 *
 * Order: a byte-order mark; then the document's own declaration (the XML declaration's
 * `encoding`, or an HTML `<meta charset>`), which travels with the document; then the
 * Content-Type charset; then UTF-8. Two repairs for common mislabelling:
 * - a single-byte encoding is declared but the bytes are valid UTF-8 with non-ASCII sequences
 *   (a CMS writing UTF-8 under an old template): read as UTF-8;
 * - nothing is declared and the bytes are not valid UTF-8: read as windows-1252.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** The encoding used, lower case (e.g. "utf-8", "windows-1252"). */
  encoding: string;
}

const XML_DECL = /^\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
const META_CHARSET = /<meta\s[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})/i;
const SINGLE_BYTE = /^(us-ascii|ascii|iso-?8859-\d+|latin-?\d|l\d|windows-125\d|cp125\d|x-mac-roman|macintosh|koi8-[ru])$/;

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType) : null;
  return m?.[1]?.toLowerCase();
}

function bomEncoding(b: Buffer): { encoding: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  // No BOM, but "<?" in UTF-16.
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  return undefined;
}

export function decodeDocument(body: Buffer, contentType: string | undefined, kind: 'xml' | 'html'): Decoded {
  const bom = bomEncoding(body);
  if (bom) return { text: iconv.decode(body.subarray(bom.skip), bom.encoding, { stripBOM: true }), encoding: bom.encoding };

  const head = body.subarray(0, kind === 'xml' ? 300 : 4096).toString('latin1');
  const declared = (kind === 'xml' ? XML_DECL.exec(head) : META_CHARSET.exec(head))?.[1]?.toLowerCase() ?? charsetFromContentType(contentType);
  let encoding = declared && iconv.encodingExists(declared) ? normalise(declared) : undefined;

  if (encoding && SINGLE_BYTE.test(encoding) && hasNonAscii(body) && isUtf8(body)) encoding = 'utf-8';
  if (!encoding) encoding = isUtf8(body) ? 'utf-8' : 'windows-1252';
  // UTF-16 declared without a BOM in an ASCII-compatible document is a lie the bytes disprove.
  if (encoding.startsWith('utf-16') || encoding.startsWith('utf-32')) encoding = 'utf-8';

  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

function normalise(name: string): string {
  const n = name.toLowerCase();
  if (n === 'utf8') return 'utf-8';
  // Browsers (and feeds written for them) mean windows-1252 when they say ISO-8859-1 or ASCII.
  if (n === 'iso-8859-1' || n === 'iso8859-1' || n === 'latin1' || n === 'us-ascii' || n === 'ascii') return 'windows-1252';
  return n;
}

function hasNonAscii(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return true;
  return false;
}

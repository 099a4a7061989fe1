/**
 * Checks and repairs an XML feed document (already decoded to a string) before the XML parser
 * sees it. Refuses, with a reason an admin can act on:
 * - HTML pages ("not a feed: looks like an HTML page"), other XML and non-XML documents;
 * - any DTD internal subset or entity declaration: the parser would not expand them anyway, but
 *   a document that declares entities is an entity-expansion bomb or an XXE attempt, not a feed;
 * - elements nested deeper than MAX_NESTING_DEPTH.
 * Repairs what real feeds get wrong and browsers forgive: a bare `&` (AT&T), HTML named entities
 * (`&eacute;`, `&nbsp;`: RSS 0.91 declared them), control characters XML forbids. CDATA sections
 * and comments are left alone.
 */
import { FeedParseError } from './errors.js';
import { namedEntity } from './html-text.js';

export const MAX_NESTING_DEPTH = 64;

export type XmlFeedKind = 'rss' | 'rdf' | 'atom';

export interface PreparedXml {
  xml: string;
  kind: XmlFeedKind;
  rootName: string;
}

const XML_BUILTIN = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const AMP = /&(#\d{1,8};|#[xX][0-9a-fA-F]{1,7};|[A-Za-z][A-Za-z0-9._-]{0,31};)?/g;
const TOKENS =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[^>]*(?:>|$)|<(\/?)([A-Za-z_][\w.:-]*)([^<>]*)>|&(#\d{1,8};|#[xX][0-9a-fA-F]{1,7};|[A-Za-z][A-Za-z0-9._-]{0,31};)?/g;

function fixAmp(_whole: string, ref: string | undefined): string {
  if (!ref) return '&amp;';
  if (ref[0] === '#') return `&${ref}`;
  const name = ref.slice(0, -1);
  if (XML_BUILTIN.has(name)) return `&${ref}`;
  const cp = namedEntity(name);
  return cp === undefined ? `&amp;${ref}` : `&#${cp};`;
}

export function prepareXml(doc: string): PreparedXml {
  // eslint-disable-next-line no-control-regex
  let text = doc.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');
  const start = text.search(/\S/);
  if (start < 0) throw new FeedParseError('empty document');
  if (text[start] !== '<') {
    throw new FeedParseError(`not a feed: the document is neither XML nor JSON (it starts with "${snippet(text.slice(start))}")`);
  }

  // The prolog: XML declaration, comments, processing instructions, doctype.
  const prolog = /\s*(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE\b[^>[]*(\[)?[^>]*>?)/iy;
  let pos = 0;
  for (let m = (prolog.lastIndex = pos, prolog.exec(text)); m && m[0].length > 0; m = prolog.exec(text)) {
    if (/^\s*<!DOCTYPE\s+html\b/i.test(m[0])) throw new FeedParseError('not a feed: looks like an HTML page');
    if (m[1]) {
      throw new FeedParseError('refused: the document declares its own DTD entities (an entity-expansion bomb or XXE, not a feed)');
    }
    pos = prolog.lastIndex;
  }
  if (/<!ENTITY/i.test(text.slice(0, Math.max(pos, 0) + 2000).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) {
    throw new FeedParseError('refused: the document declares its own DTD entities (an entity-expansion bomb or XXE, not a feed)');
  }
  const rootMatch = /^\s*<([A-Za-z_][\w.:-]*)/.exec(text.slice(pos));
  if (!rootMatch) throw new FeedParseError(`invalid XML: no root element (found "${snippet(text.slice(pos).trimStart())}")`);
  const rootName = rootMatch[1]!;
  const local = rootName.includes(':') ? rootName.slice(rootName.indexOf(':') + 1) : rootName;
  let kind: XmlFeedKind;
  if (/^html$/i.test(local)) throw new FeedParseError('not a feed: looks like an HTML page');
  if (rootName === 'rss') kind = 'rss';
  else if (local === 'RDF') kind = 'rdf';
  else if (rootName === 'feed') kind = 'atom';
  else throw new FeedParseError(`not a feed: the root element is <${rootName}>, expected <rss>, <rdf:RDF> or <feed>`);
  if (rootName.includes(':') && kind === 'rdf') text = text.slice(0, pos) + text.slice(pos).replace(rootName, 'rdf:RDF');

  if (kind === 'atom') text = xhtmlToCdata(text);

  // One linear pass: repair ampersands outside CDATA and comments, and measure nesting.
  let depth = 0;
  text = text.replace(TOKENS, (whole: string, close: string | undefined, name: string | undefined, rest: string | undefined, ref: string | undefined) => {
    if (whole[0] === '&') return fixAmp(whole, ref);
    if (name === undefined) return whole; // CDATA, comment, PI
    if (close) depth--;
    else if (!rest!.endsWith('/') && ++depth > MAX_NESTING_DEPTH) {
      throw new FeedParseError(`refused: elements nested deeper than ${MAX_NESTING_DEPTH} levels`);
    }
    return rest!.includes('&') ? whole.replace(AMP, fixAmp) : whole;
  });
  return { xml: rewriteDeclaration(text), kind, rootName };
}

const XHTML_OPEN = /<((?:atom:)?(?:title|subtitle|summary|content|rights))\b[^<>]*\btype\s*=\s*["']xhtml["'][^<>]*>/g;

/**
 * Atom `type="xhtml"` text constructs hold markup as child elements, whose text order the XML
 * parser's object model loses ("Kem <b>Sokha</b> was" → "Kem was Sokha"). Wrapping their inside
 * in CDATA makes them read as HTML strings, in order. Linear: one indexOf per element.
 */
function xhtmlToCdata(text: string): string {
  if (!/type\s*=\s*["']xhtml["']/.test(text)) return text;
  let out = '';
  let from = 0;
  XHTML_OPEN.lastIndex = 0;
  for (let m = XHTML_OPEN.exec(text); m; m = XHTML_OPEN.exec(text)) {
    if (m.index < from || m[0].endsWith('/>')) continue;
    const innerStart = m.index + m[0].length;
    const close = text.indexOf(`</${m[1]}`, innerStart);
    if (close < 0) break; // truncated: the XML parser will say so
    const inner = text.slice(innerStart, close).replaceAll(']]>', ']]]]><![CDATA[>');
    out += `${text.slice(from, innerStart)}<![CDATA[${inner}]]>`;
    from = close;
    XHTML_OPEN.lastIndex = close;
  }
  return out + text.slice(from);
}

/** The string is now UTF-16 in memory: say so, rather than keep a stale declared encoding. */
function rewriteDeclaration(text: string): string {
  return text.replace(/^(\s*<\?xml\s[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

export function snippet(s: string): string {
  return s.slice(0, 40).replace(/\s+/g, ' ');
}

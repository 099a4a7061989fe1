/**
 * The main text of an article page, with Mozilla's Readability (Firefox Reader View) on a
 * linkedom document. Returns null when the page has no readable article or anything fails;
 * the caller then keeps the feed's own text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeDocument } from './decode.js';
import { htmlToText } from './html-text.js';

/** Pages larger than this (characters) are not parsed: a DOM of it costs too much. */
export const MAX_ARTICLE_HTML_CHARS = 3_000_000;
/**
 * Deeper documents are refused: parsing and Readability both cost more than linearly in depth
 * (5,000 nested divs: 4 s in Readability; 100,000: 4 s in the parser alone). Real pages nest
 * well under 100. Checked on the markup before parsing, then on the DOM.
 */
export const MAX_ARTICLE_DEPTH = 200;
const MAX_MARKUP_DEPTH = 1_000; // the markup estimate is rough (unclosed tags), so more lenient
/** Readability gives up (throws) on documents with more elements than this. */
export const MAX_ARTICLE_ELEMENTS = 50_000;
/** Below this many characters of text, the "article" is more likely a stub or an error page. */
export const MIN_ARTICLE_TEXT_CHARS = 200;

export function extractArticleText(html: string, url: string): string | null {
  if (!html || html.length > MAX_ARTICLE_HTML_CHARS) return null;
  if (markupTooDeep(html, MAX_MARKUP_DEPTH)) return null;
  try {
    const { document } = parseHTML(html);
    if (tooDeep(document.documentElement as unknown as Node, MAX_ARTICLE_DEPTH)) return null;
    // Readability resolves relative links against the document URL; give it the page's.
    setDocumentUrl(document, url);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: MIN_ARTICLE_TEXT_CHARS,
      maxElemsToParse: MAX_ARTICLE_ELEMENTS,
    }).parse();
    if (!article) return null;
    const text = article.content ? htmlToText(article.content) : (article.textContent ?? '').trim();
    return text.length >= MIN_ARTICLE_TEXT_CHARS ? text : null;
  } catch {
    return null; // hostile or broken markup (e.g. nesting deep enough to exhaust the stack)
  }
}

/** An article page's bytes as a string, honouring BOM, <meta charset> and the Content-Type charset. */
export function decodeHtml(body: Buffer, contentType: string | undefined): string {
  return decodeDocument(body, contentType, 'html').text;
}

const NO_CLOSE = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body'.split(' '),
);

/** Nesting depth of the markup, roughly (linear scan; stops as soon as it passes `max`). */
function markupTooDeep(html: string, max: number): boolean {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (NO_CLOSE.has(m[2]!.toLowerCase()) || m[0].endsWith('/>')) continue;
    depth += m[1] ? -1 : 1;
    if (depth > max) return true;
  }
  return false;
}

interface Node {
  firstElementChild: Node | null;
  nextElementSibling: Node | null;
}

/** Iterative depth check (recursion is what a hostile document would exhaust). */
function tooDeep(root: Node | null, max: number): boolean {
  const stack: Array<[Node, number]> = root ? [[root, 1]] : [];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return false;
}

function setDocumentUrl(document: unknown, url: string): void {
  try {
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
    Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
  } catch {
    // not essential: only link resolution inside the article depends on it
  }
}

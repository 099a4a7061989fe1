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
/** Below this many characters of text, the "article" is more likely a stub or an error page. */
export const MIN_ARTICLE_TEXT_CHARS = 200;

export function extractArticleText(html: string, url: string): string | null {
  if (!html || html.length > MAX_ARTICLE_HTML_CHARS) return null;
  try {
    const { document } = parseHTML(html);
    // Readability resolves relative links against the document URL; give it the page's.
    setDocumentUrl(document, url);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: MIN_ARTICLE_TEXT_CHARS }).parse();
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

function setDocumentUrl(document: unknown, url: string): void {
  try {
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
    Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
  } catch {
    // not essential: only link resolution inside the article depends on it
  }
}

/**
 * Parts of a news page that are not the story: links to other stories ("Related stories", "Read more",
 * "You may also like", and the same in other languages: "Bài liên quan", "Baca juga", "À lire aussi",
 * "Читайте также", "ព័ត៌មានទាក់ទង"). The headlines listed there name other stories' people; a name found only there
 * is kept for review, never alerted on.
 */

/** A line that is only a heading introducing links to other stories. */
const RELATED_HEADING =
  /^(?:related(?: stories| articles| news| coverage| content| reading| links| posts)?|read more|read also|also read|more from\b.{0,40}|more on this(?: story| topic)?|more stories|you may also like|you might also like|see also|recommended(?: stories| reading)?|further reading|most read|bài liên quan|tin liên quan|xem thêm|đọc thêm|baca juga|berita terkait|artikel terkait|à lire aussi|lire aussi|a lire aussi|sur le même sujet|leia também|leia mais|veja também|notícias relacionadas|lea también|le puede interesar|te puede interesar|noticias relacionadas|artículos relacionados|más noticias|читайте также|по теме|相关新闻|相關新聞|延伸阅读|延伸閱讀|ព័ត៌មានទាក់ទង|អានបន្ថែម|ข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม|اقرأ أيضا|اقرأ أيضاً|اخبار مرتبط|مطالب مرتبط|ilgili haberler|bunlar da ilginizi çekebilir)\s*[:៖：]?$/iu;
/** A line that starts with such a heading and a colon, followed by another story's headline on the same line. */
const RELATED_INLINE = /^(?:related(?: stories| articles| news| coverage)?|read more|read also|also read|see also|more from [^:]{1,40}|recommended|bài liên quan|tin liên quan|xem thêm|đọc thêm|baca juga|berita terkait|artikel terkait|à lire aussi|lire aussi|a lire aussi|sur le même sujet|leia também|leia mais|veja também|notícias relacionadas|lea también|le puede interesar|te puede interesar|noticias relacionadas|artículos relacionados|más noticias|читайте также|по теме|相关新闻|相關新聞|延伸阅读|延伸閱讀|ព័ត៌មានទាក់ទង|អានបន្ថែម|ข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม|اقرأ أيضا|اقرأ أيضاً|اخبار مرتبط|مطالب مرتبط|ilgili haberler|bunlar da ilginizi çekebilir)\s*[:៖：]\s*\S/iu;
/** "Read more" on a line of its own: the link to the story just above. */
const READ_MORE = /^(?:read more|read full story|continue reading)\s*[:…]?$/i;
/** A bullet-list line. */
const BULLET = /^(?:[•·▪►▸◦‣*>–—-]|\d{1,2}[.)])\s*\S/;
/** A headline-like line: short, and not a sentence ending in terminal punctuation. */
function headlineLike(line: string): boolean {
  return line.length <= 160 && !/[.!?]["”’)]?$/.test(line) && !/[.!?]\s+\p{Lu}/u.test(line);
}

/** Character ranges [start, end) of `text` that hold headlines of other stories. */
export function relatedRanges(text: string): [number, number][] {
  // cheap test first: most items have no such heading
  if (!/related|read more|read also|also read|more from|more on this|more stories|may also like|might also like|see also|recommended|further reading|most read|bài liên quan|tin liên quan|xem thêm|đọc thêm|baca juga|berita terkait|artikel terkait|à lire aussi|lire aussi|a lire aussi|sur le même sujet|leia também|leia mais|veja também|notícias relacionadas|lea también|le puede interesar|te puede interesar|noticias relacionadas|artículos relacionados|más noticias|читайте также|по теме|相关新闻|相關新聞|延伸阅读|延伸閱讀|ព័ត៌មានទាក់ទង|អានបន្ថែម|ข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม|اقرأ أيضا|اقرأ أيضاً|اخبار مرتبط|مطالب مرتبط|ilgili haberler|bunlar da ilginizi çekebilir/iu.test(text)) return [];
  const out: [number, number][] = [];
  let pos = 0;
  let inBlock = false;
  let blockLines = 0;
  let bulletsOnly = false;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const line = raw.trim();
    const start = pos;
    pos = nl + 1;
    if (line === '') {
      if (nl >= text.length) break;
      continue;
    }
    if (RELATED_HEADING.test(line)) {
      inBlock = true;
      blockLines = 0;
      // a bare "Read more" closes the story above it (a digest: headline, summary, "Read more", the
      // next headline): only a bulleted list after it is other stories' headlines
      bulletsOnly = READ_MORE.test(line);
      out.push([start, nl]);
    } else if (RELATED_INLINE.test(line)) {
      out.push([start, nl]);
      inBlock = true;
      bulletsOnly = false;
      blockLines = 0;
    } else if (inBlock && blockLines < 12 && (BULLET.test(line) || (!bulletsOnly && headlineLike(line)))) {
      blockLines++;
      out.push([start, nl]);
    } else inBlock = false;
    if (nl >= text.length) break;
  }
  return out;
}

export function inRanges(ranges: readonly [number, number][], at: number): boolean {
  for (const [a, b] of ranges) if (at >= a && at < b) return true;
  return false;
}

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { FeedParseError, MAX_ITEMS_PER_POLL, parseFeed } from '../../../src/domain/feeds/parse-feed.js';
import { MAX_NESTING_DEPTH } from '../../../src/domain/feeds/prepare-xml.js';
import { fixture } from './fixtures.js';

const parse = (body: string | Buffer, contentType?: string, base = 'https://feeds.example.org/feed.xml') =>
  parseFeed(Buffer.isBuffer(body) ? body : Buffer.from(body), contentType, base);

const failure = async (body: string | Buffer, contentType?: string) => {
  const err = await parse(body, contentType).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedParseError);
  return (err as FeedParseError).message;
};

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with content:encoded, CDATA, entities and relative links', async () => {
    const feed = await parse(fixture('rss2.xml'), 'application/rss+xml; charset=UTF-8', 'https://rights.example.org/feed/');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Rights Watch – Urgent Actions');
    const [a, b, c] = feed.items;
    expect(a).toMatchObject({
      guid: 'https://rights.example.org/?p=48213',
      title: 'Cambodia: Opposition leader Kem Sokha’s appeal rejected',
      publishedAt: '2024-06-03T09:00:00.000Z',
    });
    expect(a!.link).toContain('https://rights.example.org/2024/06/cambodia-kem-sokha-appeal/');
    // The full content, not the summary; HTML gone, entities decoded, scripts dropped.
    expect(a!.text).toContain('house arrest against Kem Sokha, co-founder');
    expect(a!.text).toContain('“This verdict is a travesty,” said');
    expect(a!.text).not.toMatch(/<|trackView/);
    expect(b).toMatchObject({
      title: 'Iran: Release Narges Mohammadi & all those jailed for peaceful protest',
      link: 'https://rights.example.org/2024/06/iran-narges-mohammadi/#comments', // resolved against the channel link
      guid: 'https://rights.example.org/2024/06/iran-narges-mohammadi/',
    });
    // No link, no guid: still an item, with HTML removed from its title and text.
    expect(c).toMatchObject({ title: 'Weekly digest: good news from Belarus & Azerbaijan', text: 'Two prisoners of conscience were released this week.' });
    expect(c!.link).toBeUndefined();
  });

  it('reads RSS 0.91 with its DOCTYPE and HTML entities, in ISO-8859-1', async () => {
    const feed = await parse(fixture('rss091.xml'));
    expect(feed.items[0]).toMatchObject({
      title: "Ahmed Mansoor : la détention se prolonge — AT&T n'y peut rien",
      text: "Le défenseur émirati reste à l'isolement. Appel urgent.",
      link: 'http://droits.example.fr/articles/mansoor.html',
    });
    expect(feed.title).toBe('Le Monde des Droits');
  });

  it('reads RSS 1.0 (RDF) with dc:date and rdf:about', async () => {
    const feed = await parse(fixture('rss1-rdf.xml'));
    expect(feed.format).toBe('rdf');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      title: 'Hong Kong: Jimmy Lai trial enters day 100',
      link: 'https://news.example.net/2024/05/31/jimmy-lai-trial',
      publishedAt: '2024-05-31T02:15:00.000Z',
    });
    expect(feed.items[1]!.link).toBe('https://news.example.net/2024/05/30/no-link');
  });

  it('reads Atom: id, rel=alternate link, xml:base, xhtml content in order, bad dates ignored', async () => {
    const feed = await parse(fixture('atom.xml'), 'application/atom+xml', 'https://defenders.example.com/news/atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Defenders <Network> News');
    const [a, b] = feed.items;
    expect(a).toMatchObject({
      guid: 'tag:defenders.example.com,2024:entry-1001',
      title: 'Egypt: Alaa Abd El-Fattah still held',
      link: 'https://defenders.example.com/news/2024/alaa-abd-el-fattah',
      publishedAt: '2024-06-01T09:00:00.000Z',
    });
    expect(a!.text).toBe(
      'British-Egyptian activist Alaa Abd El-Fattah remains in prison despite completing his sentence.\n\nHis family & lawyers call for his release.',
    );
    expect(b).toMatchObject({
      title: 'Belarus: Ales Bialiatski transferred',
      link: 'https://mirror.example.com/archive/bialiatski.html',
      publishedAt: '2024-05-30T08:00:00.000Z', // <published> unreadable: <updated> used
      text: 'The Nobel laureate was moved to a penal colony.',
    });
  });

  it('reads JSON Feed 1.1', async () => {
    const feed = await parse(fixture('jsonfeed.json'), 'application/feed+json', 'https://watch.example.org/feed.json');
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Prisoner Watch');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: '2024-06-02-ilham-tohti',
      link: 'https://watch.example.org/2024/06/02/ilham-tohti',
      title: 'China: Ten years since Ilham Tohti’s sentence',
      text: 'The Uyghur economist Ilham Tohti has now spent a decade in prison.',
      publishedAt: '2024-06-02T06:00:00.000Z',
    });
    expect(feed.items[1]).toMatchObject({
      guid: '42',
      link: 'https://elsewhere.example.com/story',
      text: 'Plain text body.\n\nSecond paragraph about Maria Kolesnikova.',
    });
    expect(feed.items[1]!.title).toMatch(/^Plain text body/);
  });
});

describe('parseFeed: encodings', () => {
  it('decodes windows-1252 declared in the XML declaration', async () => {
    const feed = await parse(fixture('windows-1252.xml'), 'text/xml');
    expect(feed.encoding).toBe('windows-1252');
    expect(feed.title).toBe('Noticias de Derechos – España');
    expect(feed.items[0]).toMatchObject({
      title: 'Perú: “Liberen a José Domínguez” — campaña',
      text: 'La defensora indígena pidió protección … €500 de fianza.',
      link: 'http://derechos.example.es/noticias/jose-dominguez.html',
    });
  });

  it('decodes ISO-8859-1 named only in the Content-Type', async () => {
    const feed = await parse(fixture('latin1-no-declaration.xml'), 'application/xml; charset=ISO-8859-1');
    expect(feed.items[0]!.title).toBe('Perú: "Liberen a José Domínguez" - campaña');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', async () => {
    const feed = await parse(fixture('latin1-no-declaration.xml'), 'application/xml');
    expect(feed.items[0]!.text).toContain('indígena pidió protección');
  });

  it('reads UTF-8 bytes mislabelled as ISO-8859-1 as UTF-8', async () => {
    const body = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title><item><title>Bialiatski – Вясна</title></item></channel></rss>';
    const feed = await parse(body);
    expect(feed.items[0]!.title).toBe('Bialiatski – Вясна');
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ünïcode</title></channel></rss>', 'utf-16le'),
    ]);
    expect((await parse(body)).title).toBe('Ünïcode');
  });

  it('reads other single-byte encodings (KOI8-R)', async () => {
    const body = iconv.encode('<?xml version="1.0" encoding="KOI8-R"?><rss version="2.0"><channel><title>Новости</title></channel></rss>', 'koi8-r');
    expect((await parse(body)).title).toBe('Новости');
  });
});

describe('parseFeed: hostile and broken documents fail with a clear reason', () => {
  it('refuses an entity-expansion bomb (billion laughs) without expanding it', async () => {
    expect(await failure(fixture('billion-laughs.xml'))).toMatch(/refused: .*entit.*bomb/);
  });

  it('refuses XXE', async () => {
    expect(await failure(fixture('xxe.xml'))).toMatch(/refused: .*XXE/);
  });

  it('rejects truncated XML', async () => {
    expect(await failure(fixture('truncated.xml'))).toMatch(/^invalid XML: /);
  });

  it('rejects an HTML page served as a feed', async () => {
    expect(await failure(fixture('html-page.html'), 'application/rss+xml')).toBe('not a feed: looks like an HTML page');
    expect(await failure('<html><body>hi</body></html>')).toBe('not a feed: looks like an HTML page');
  });

  it('rejects other documents', async () => {
    expect(await failure('')).toBe('empty document');
    expect(await failure('   \n ')).toBe('empty document');
    expect(await failure('Service temporarily unavailable')).toMatch(/^not a feed: the document is neither XML nor JSON/);
    expect(await failure('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')).toMatch(/root element is <svg>/);
    expect(await failure('<rss version="2.0"></rss>')).toMatch(/no <channel>/);
    expect(await failure('{"hello": "world"}')).toMatch(/not a feed: JSON without a JSON Feed "version"/);
    expect(await failure('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toMatch(/^invalid JSON/);
    expect(await failure('<rss version="2.0"><channel><title>x</channel></rss>')).toMatch(/^invalid XML: Unexpected close tag/);
  });

  it('bounds nesting depth (XML and JSON)', async () => {
    const deepXml = `<rss version="2.0"><channel><item><description>${'<div>'.repeat(MAX_NESTING_DEPTH)}x${'</div>'.repeat(MAX_NESTING_DEPTH)}</description></item></channel></rss>`;
    expect(await failure(deepXml)).toMatch(/nested deeper than/);
    const deepJson = `{"version":"https://jsonfeed.org/version/1.1","items":[${'['.repeat(200_000)}${']'.repeat(200_000)}]}`;
    expect(await failure(deepJson)).toMatch(/JSON nested deeper than/);
  });

  it('bounds the items read per poll, keeping the newest', async () => {
    const n = MAX_ITEMS_PER_POLL + 100;
    // Oldest first, as some feeds are.
    const items = Array.from({ length: n }, (_, i) => `<item><guid>g${i}</guid><title>t${i}</title><pubDate>${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString()}</pubDate></item>`);
    const feed = await parse(`<rss version="2.0"><channel><title>big</title>${items.join('')}</channel></rss>`);
    expect(feed.itemCount).toBe(n);
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_POLL);
    expect(feed.items[0]!.guid).toBe(`g${n - 1}`);
    expect(feed.items.some((i) => i.guid === 'g0')).toBe(false);
  });

  it('repairs what browsers forgive: bare ampersands, control characters, unknown entities', async () => {
    const body = '<rss version="2.0"><channel><title>A&B</title><item><title>Q&A \u0001with&nbsp;AT&T &bogus; &#169;</title><link>/x?a=1&b=2</link></item></channel></rss>';
    const feed = await parse(body);
    expect(feed.title).toBe('A&B');
    expect(feed.items[0]).toMatchObject({ title: 'Q&A with AT&T &bogus; ©', link: 'https://feeds.example.org/x?a=1&b=2' });
  });

  it('keeps only http(s) links', async () => {
    const body = '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>';
    expect((await parse(body)).items[0]!.link).toBeUndefined();
  });

  it('uses a new parser per document: a bad one does not make the next bad one pass', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await failure('<rss version="2.0"><channel><title>x</titl></channel></rss>')).toMatch(/^invalid XML/);
    }
    expect(await failure('<rss version="2.0"><channel><title>x</title><item></chan')).toMatch(/^invalid XML/);
  });
});

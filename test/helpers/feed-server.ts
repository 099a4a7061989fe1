/** A real HTTP server on loopback that serves an RSS feed whose items a test can change. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedEntry {
  guid: string;
  title: string;
  text: string;
  /** Path of the item's link on this server. */
  path: string;
  publishedAt?: Date;
}

export interface FeedServer {
  base: string;
  feedUrl: string;
  entries: FeedEntry[];
  /** How many times the feed was fetched. */
  hits(): number;
  /** When each fetch of the feed arrived (ms since epoch). */
  hitTimes: number[];
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(base: string, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `<item>
  <guid isPermaLink="false">${esc(e.guid)}</guid>
  <title>${esc(e.title)}</title>
  <link>${esc(base + e.path)}</link>
  ${e.publishedAt ? `<pubDate>${e.publishedAt.toUTCString()}</pubDate>` : ''}
  <description>${esc(e.text)}</description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>${base}/</link><description>t</description>
${items}
</channel></rss>`;
}

export async function startFeedServer(entries: FeedEntry[] = []): Promise<FeedServer> {
  let hits = 0;
  const hitTimes: number[] = [];
  const server = http.createServer((req, res) => {
    if (req.url === '/feed.xml') {
      hits++;
      hitTimes.push(Date.now());
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss(base, entries));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    feedUrl: `${base}/feed.xml`,
    entries,
    hits: () => hits,
    hitTimes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

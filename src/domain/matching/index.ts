/**
 * The matching engine: which watched persons an item mentions, how surely, and how urgently.
 * Pure: no I/O. Built once per watchlist version, then called per item.
 */
export type Urgency = 'critical' | 'high' | 'elevated' | 'info' | 'good-news';
export const URGENCIES: readonly Urgency[] = ['critical', 'high', 'elevated', 'info', 'good-news'];

export interface WatchedPerson {
  id: string;
  name: string;
  aliases?: string[];
  context?: string[];
}

export interface MatchableItem {
  id: string;
  title: string;
  text: string;
  url?: string;
}

export interface Mention {
  itemId: string;
  personId: string;
  /** 0..1; at or above ALERT_THRESHOLD alerts, between REVIEW_THRESHOLD and it is kept for review. */
  score: number;
  urgency: Urgency;
  /** The sentence the best mention was found in. */
  evidence: string;
  reasons: string[];
}

export interface Matcher {
  /** Every person mentioned at or above REVIEW_THRESHOLD, one Mention per person, best score first. */
  match(item: MatchableItem): Mention[];
}

export const ALERT_THRESHOLD = 0.7;
export const REVIEW_THRESHOLD = 0.4;

// Skeleton matcher: exact name/alias on word boundaries, case- and diacritic-insensitive.
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildMatcher(persons: WatchedPerson[]): Matcher {
  const compiled = persons.map((p) => ({
    id: p.id,
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[p.name, ...(p.aliases ?? [])].map((a) => escape(fold(a))).join('|')})(?![\\p{L}\\p{N}])`,
      'u',
    ),
  }));
  return {
    match(item) {
      const text = `${item.title}\n${item.text}`;
      const folded = fold(text);
      const mentions: Mention[] = [];
      for (const c of compiled) {
        const m = c.re.exec(folded);
        if (!m) continue;
        mentions.push({
          itemId: item.id,
          personId: c.id,
          score: 1,
          urgency: 'info',
          evidence: sentenceAround(text, m.index),
          reasons: ['exact name'],
        });
      }
      return mentions;
    },
  };
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
  const endDot = text.indexOf('.', at);
  const end = endDot === -1 ? text.length : endDot + 1;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

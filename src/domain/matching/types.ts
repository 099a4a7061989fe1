/** Public types of the matching engine. */
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
  /** The sentence the best mention was found in (original text, whitespace collapsed). */
  evidence: string;
  reasons: string[];
  /** Where the best mention is: `field` is 'title' or 'text', offsets are UTF-16 units into that field, end exclusive. */
  field?: 'title' | 'text';
  start?: number;
  end?: number;
}

export interface Matcher {
  /** Every person mentioned at or above REVIEW_THRESHOLD, one Mention per person, best score first. */
  match(item: MatchableItem): Mention[];
}

/** A mention at or above this score alerts subscribers. */
export const ALERT_THRESHOLD = 0.7;
/** A mention at or above this score (and below ALERT_THRESHOLD) is kept for an admin to review. */
export const REVIEW_THRESHOLD = 0.4;

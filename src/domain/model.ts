/** The records Vigil keeps, as plain data. Stores persist them; the domain computes on them. */
import type { Urgency } from './matching/index.js';

export interface Person {
  id: string;
  name: string;
  aliases: string[];
  context: string[];
  country: string | null;
  notes: string | null;
  public: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PersonInput {
  name: string;
  aliases?: string[];
  context?: string[];
  country?: string | null;
  notes?: string | null;
  public?: boolean;
}

export interface Feed {
  id: string;
  url: string;
  intervalSeconds: number;
  /** Fetch each new item's article page and match its full text. */
  fullText: boolean;
  createdAt: string;
}

/** One news item as Vigil read it; kept for the retention period. */
export interface Item {
  id: string;
  feedId: string;
  url: string | null;
  title: string;
  text: string;
  publishedAt: string | null;
  fetchedAt: string;
}

export interface AlertItem {
  itemId: string;
  url: string | null;
  title: string;
  feedId: string;
}

/** What subscribers of one person are told about one news item. */
export interface Alert {
  id: string;
  personId: string;
  urgency: Urgency;
  score: number;
  evidence: string;
  createdAt: string;
  items: AlertItem[];
}

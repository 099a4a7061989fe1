/**
 * Email content from plain data. Pure given the templates: the renderer is passed in
 * (compiled once from templates/ by the adapter), so this module never touches the file system.
 */
import type { Alert, Person } from '../model.js';
import type { Urgency } from '../matching/index.js';

export interface TemplateRenderer {
  /** Renders templates/<name>.eta with HTML escaping. */
  html(name: string, data: object): string;
  /** Renders templates/<name>.eta as plain text (no escaping). */
  text(name: string, data: object): string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const URGENCY_LABEL: Record<Urgency, string> = {
  critical: 'CRITICAL',
  high: 'URGENT',
  elevated: 'Concern',
  info: 'Mentioned',
  'good-news': 'Good news',
};

export function renderAlertEmail(
  t: TemplateRenderer,
  data: { alert: Alert; person: Pick<Person, 'id' | 'name'>; unsubscribeUrl: string; publicUrl: string },
): RenderedEmail {
  const first = data.alert.items[0];
  const headline = first?.title ? ` — ${truncate(first.title, 90)}` : '';
  const view = { ...data, label: URGENCY_LABEL[data.alert.urgency] };
  return {
    subject: `[${view.label}] ${data.person.name}${headline}`,
    text: t.text('emails/alert.txt', view),
    html: t.html('emails/alert.html', view),
  };
}

export function renderConfirmEmail(
  t: TemplateRenderer,
  data: { person: Pick<Person, 'name'>; confirmUrl: string; publicUrl: string },
): RenderedEmail {
  return {
    subject: `Confirm your alerts about ${data.person.name}`,
    text: t.text('emails/confirm.txt', data),
    html: t.html('emails/confirm.html', data),
  };
}

export function renderFeedFlagEmail(
  t: TemplateRenderer,
  data: { feed: { id: string; url: string }; problem: string; publicUrl: string },
): RenderedEmail {
  return {
    subject: `Vigil: feed needs attention: ${truncate(data.feed.url, 80)}`,
    text: t.text('emails/feed-flag.txt', data),
    html: t.html('emails/feed-flag.html', data),
  };
}

function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { TemplateRenderer } from '../domain/emails/render.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** Compiles each template from templates/ once (cached), one engine escaping HTML, one for text. */
export function loadTemplates(dir = TEMPLATES_DIR): TemplateRenderer & { eta: Eta } {
  const html = new Eta({ views: dir, cache: true, autoEscape: true });
  const text = new Eta({ views: dir, cache: true, autoEscape: false, autoTrim: false });
  return {
    eta: html,
    html: (name, data) => html.render(`./${name}.eta`, data),
    text: (name, data) => text.render(`./${name}.eta`, data),
  };
}

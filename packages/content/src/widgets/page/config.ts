import { array, id, object, string, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

export interface PageSection {
  id: string;
  title: LocalizedText;
  text: LocalizedText[];
}

/**
 * `obs-w-page`: a simulated public-service website (a menu of sections) and, below the
 * practice frame, an answer box. Reports `{ section, answer }`.
 */
export interface PageConfig {
  site: LocalizedText;
  address: string;
  /** The first section is the home page. */
  sections: PageSection[];
  /** Label of the answer box. */
  question: LocalizedText;
}

export const pageSpec: WidgetSpec<PageConfig> = {
  name: 'obs-w-page',
  shape: object<PageConfig>({
    site: text,
    address: string(),
    sections: array(object<PageSection>({ id, title: text, text: array(text, 1) }), 2, 'id'),
    question: text,
  }),
  reported: (config) => ({ section: config.sections.map((s) => s.id), answer: null }),
};

import { array, id, object, refine, string, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

/** Id reported when the typed address matches no page of the configuration. */
export const NOT_FOUND_PAGE = 'introuvable';

export interface BrowserPage {
  id: string;
  /** Shown in the address bar, e.g. `www.ville-exemple.fr`. */
  address: string;
  title: LocalizedText;
  text: LocalizedText[];
}

export interface BrowserTab {
  id: string;
  /** Page ids visited in this tab, the current one last: "back" walks this list. */
  history: string[];
}

/**
 * `obs-w-browser`: a simulated web browser with tabs, a back button and an address bar.
 * Reports `{ tab, page, address }` after every change.
 */
export interface BrowserConfig {
  pages: BrowserPage[];
  tabs: BrowserTab[];
}

const address = string(/^[a-z0-9.-]+\.[a-z]{2,}(\/[\w/.-]*)?$/, 'an address such as "www.ville-exemple.fr"');

export const browserSpec: WidgetSpec<BrowserConfig> = {
  name: 'obs-w-browser',
  shape: refine(
    object<BrowserConfig>({
      pages: array(object<BrowserPage>({ id, address, title: text, text: array(text, 1) }), 1, 'id'),
      tabs: array(object<BrowserTab>({ id, history: array(id, 1) }), 1, 'id'),
    }),
    (config) => config.tabs.every((tab) => tab.history.every((p) => config.pages.some((page) => page.id === p))),
    'every page of a tab history must be one of "pages"',
  ),
  reported: (config) => ({
    tab: config.tabs.map((t) => t.id),
    page: [...config.pages.map((p) => p.id), NOT_FOUND_PAGE],
    address: null,
  }),
};

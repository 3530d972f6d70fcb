/**
 * Defines every widget of the interactive challenges (guarded: loading the bundle twice,
 * from npm and from a script tag, must not throw).
 *
 * @example
 * import '@observatoire/content/widgets';
 * document.createElement('obs-w-browser'); // ready for <obs-challenge-player>
 * @packageDocumentation
 */
import { ObsWClick } from './click/obs-w-click.js';
import { ObsWType } from './type/obs-w-type.js';
import { ObsWDrag } from './drag/obs-w-drag.js';
import { ObsWBrowser } from './browser/obs-w-browser.js';
import { ObsWMail } from './mail/obs-w-mail.js';
import { ObsWForm } from './form/obs-w-form.js';
import { ObsWPage } from './page/obs-w-page.js';
import { ObsWDownload } from './download/obs-w-download.js';

export { ObsWClick, ObsWType, ObsWDrag, ObsWBrowser, ObsWMail, ObsWForm, ObsWPage, ObsWDownload };
export { widgetSpecs, parseWidgetConfig } from './specs.js';

/** Every widget by element name. */
export const widgets = {
  'obs-w-click': ObsWClick,
  'obs-w-type': ObsWType,
  'obs-w-drag': ObsWDrag,
  'obs-w-browser': ObsWBrowser,
  'obs-w-mail': ObsWMail,
  'obs-w-form': ObsWForm,
  'obs-w-page': ObsWPage,
  'obs-w-download': ObsWDownload,
} as const;

for (const [name, constructor] of Object.entries(widgets)) {
  if (!customElements.get(name)) customElements.define(name, constructor);
}

declare global {
  interface HTMLElementTagNameMap {
    'obs-w-click': ObsWClick;
    'obs-w-type': ObsWType;
    'obs-w-drag': ObsWDrag;
    'obs-w-browser': ObsWBrowser;
    'obs-w-mail': ObsWMail;
    'obs-w-form': ObsWForm;
    'obs-w-page': ObsWPage;
    'obs-w-download': ObsWDownload;
  }
}

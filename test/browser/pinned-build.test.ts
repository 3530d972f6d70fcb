/**
 * The pinned script-tag build (docs/versioning.md): a page that loads
 * `dist/observatoire@<version>/observatoire.js` with the integrity hash the build wrote runs the
 * survey's first screen; the same tag with a wrong hash runs nothing.
 */
import { expect } from '@open-wc/testing';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';
import { button, fields, settle, waitFor } from './helpers.js';

interface Integrity {
  version: string;
  scripts: Record<string, string>;
}

let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  frame = undefined;
});

/** An empty page in a frame, with the pinned loader in a `<script integrity crossorigin>` tag. */
async function pageWithPinnedLoader(base: string, integrity: string): Promise<{ win: Window & typeof globalThis; loaded: boolean }> {
  frame = document.createElement('iframe');
  frame.title = 'Page hôte';
  frame.width = '1000';
  frame.height = '800';
  document.body.append(frame);
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const script = doc.createElement('script');
  script.src = `${base}observatoire.js`;
  script.integrity = integrity;
  script.crossOrigin = 'anonymous';
  const loaded = new Promise<boolean>((resolve) => {
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
  });
  doc.head.append(script);
  return { win, loaded: await loaded };
}

describe('The pinned script-tag build', function () {
  this.timeout(60_000);
  let pinned: Integrity;
  let base: string;

  before(async () => {
    const { version } = (await (await fetch('/packages/elements/package.json')).json()) as { version: string };
    base = new URL(`/dist/observatoire@${version}/`, location.href).href;
    pinned = (await (await fetch(`${base}integrity.json`)).json()) as Integrity;
    expect(pinned.version).to.equal(version);
  });

  it('loads with its integrity hash and runs the first screen', async () => {
    const { win, loaded } = await pageWithPinnedLoader(base, pinned.scripts['observatoire.js']!);
    expect(loaded).to.equal(true);
    const survey = win.document.createElement('obs-survey') as ObsSurvey;
    survey.setAttribute('definition', `${base}surveys/observatoire-2025.json`);
    win.document.body.append(survey);
    await waitFor(() => win.customElements.get('obs-survey'), 'obs-survey defined by the pinned build');
    await waitFor(() => survey.session, 'the session of the pinned build');
    await survey.updateComplete;
    const root = survey.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.contain('Bienvenue');
    fields(root, 'checkbox')[0]!.click();
    button(root, /^Commencer$/)!.click();
    await settle(survey);
    expect(survey.session!.state.phase).to.equal('questionnaire');
  });

  it('with a wrong hash, the browser refuses the script and nothing is defined', async () => {
    const wrong = `sha384-${btoa('x'.repeat(48))}`;
    const { win, loaded } = await pageWithPinnedLoader(base, wrong);
    expect(loaded).to.equal(false);
    expect(win.customElements.get('obs-survey')).to.equal(undefined);
  });
});

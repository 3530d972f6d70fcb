/**
 * Printing the sheet alone (docs/player.md, "<obs-referral-sheet>"): `window.print()` would print the
 * host page around it, which an element inside a shadow root cannot hide. The sheet is copied into
 * a frame of its own (`srcdoc`, same origin, so the page's Content-Security-Policy applies to it
 * too) with the page styles as a constructed style sheet, which a strict policy
 * (`default-src 'self'`, no inline style) allows; then the frame, not the page, is printed.
 */
import { render, type TemplateResult } from 'lit';

/** What is printed: the sheet's markup, its styles, its language and the document's title. */
export interface PrintJob {
  content: TemplateResult;
  css: string;
  lang: string;
  title: string;
}

/**
 * Put the sheet in a frame inside `root` and print that frame. The frame stays until the next
 * print (or until `root` goes): a browser may print after `print()` returns.
 *
 * @example
 * await printSheet(this.renderRoot, { content: sheetTemplate(view), css: pageCss, lang: 'fr', title: 'Fiche' });
 */
export async function printSheet(root: HTMLElement | DocumentFragment, job: PrintJob): Promise<HTMLIFrameElement> {
  const frame = await sheetFrame(root, job);
  frame.contentWindow!.focus();
  frame.contentWindow!.print();
  return frame;
}

/**
 * The frame holding the sheet as it prints, made ready (a new one each time).
 *
 * @example
 * const frame = await sheetFrame(this.renderRoot, job);
 */
export async function sheetFrame(root: HTMLElement | DocumentFragment, job: PrintJob): Promise<HTMLIFrameElement> {
  root.querySelector('iframe.print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = job.title;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  // Out of sight but laid out (a frame that is not rendered may print blank); CSSOM, not a style attribute.
  Object.assign(frame.style, { position: 'fixed', insetInlineStart: '0', insetBlockStart: '0', width: '0', height: '0', border: '0', opacity: '0' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = '<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>';
  root.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  doc.documentElement.lang = job.lang;
  doc.title = job.title;
  const sheet = new (frame.contentWindow as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(job.css);
  doc.adoptedStyleSheets = [sheet];
  // Rendered here, then copied: the frame holds plain markup, with nothing bound to this page.
  const holder = document.createElement('div');
  render(job.content, holder);
  doc.body.replaceChildren(doc.importNode(holder, true));
  return frame;
}

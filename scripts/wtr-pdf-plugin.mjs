// A test-runner command for Chromium (puppeteer): `pdf-pages` prints a document to PDF, as
// Chromium's "Save as PDF" does (print media, the document's own @page size), in a page of its
// own, and answers how many pages it takes. Used by the referral sheet's test ("one A4 page").
//   import { executeServerCommand } from '@web/test-runner-commands';
//   const pages = await executeServerCommand('pdf-pages', { html: '<!doctype html>…' });

/** Pages of a PDF as Chromium writes it: one `/Type /Page` dictionary each (`/Pages` is the tree). */
export function countPdfPages(pdf) {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

export function pdfPagesPlugin() {
  return {
    name: 'pdf-pages',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pdf-pages') return undefined;
      if (session.browser.type !== 'puppeteer' || typeof payload?.html !== 'string')
        throw new Error('pdf-pages needs a puppeteer browser and { html }');
      const page = await session.browser.getPage(session.id).browser().newPage();
      try {
        await page.setContent(payload.html, { waitUntil: 'load' });
        return countPdfPages(await page.pdf({ preferCSSPageSize: true }));
      } finally {
        await page.close();
      }
    },
  };
}

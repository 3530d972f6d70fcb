// Downloads the collector's CSV export with the demo admin token (never do this in a public page:
// the admin token belongs on the analyst's side only).
const DEMO_ADMIN_TOKEN = 'demo-admin-token-change-me';

document.getElementById('export')?.addEventListener('click', async () => {
  const status = document.getElementById('export-status');
  try {
    const response = await fetch('/collector/v1/export?format=csv', { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'observatoire-export.csv';
    link.click();
    URL.revokeObjectURL(link.href);
    if (status) status.textContent = 'Export téléchargé.';
  } catch (error) {
    if (status) status.textContent = `L’export n’a pas pu être téléchargé (${error.message}). Le collecteur est-il lancé ?`;
  }
});

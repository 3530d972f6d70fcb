// Downloads the collector's CSV export with a key pasted by the person (the admin secret or a
// structure key, both printed by `npm start`). Keys belong on the analyst's side: never in a page's code.
document.getElementById('export')?.addEventListener('click', async () => {
  const status = document.getElementById('export-status');
  const key = /** @type {HTMLInputElement | null} */ (document.getElementById('export-key'))?.value.trim();
  if (!key) {
    if (status) status.textContent = 'Collez d’abord une clé affichée au lancement de la démonstration.';
    return;
  }
  try {
    const response = await fetch('/collector/v1/export?format=csv', { headers: { authorization: `Bearer ${key}` } });
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

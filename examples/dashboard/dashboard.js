// Gives <obs-dashboard> the structure key pasted by the person (printed by `npm start`). The key is a
// property, never an attribute: it never sits in the page's markup (docs/dashboard.md, "The key").
const dashboard = document.querySelector('obs-dashboard');
const form = document.getElementById('key-form');
const lang = document.getElementById('lang');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = /** @type {HTMLInputElement} */ (document.getElementById('key')).value.trim();
  if (key) dashboard.apiKey = key;
});
lang?.addEventListener('change', () => {
  dashboard.setAttribute('lang', lang.value);
  document.documentElement.lang = lang.value;
});
dashboard.addEventListener('obs-error', (event) => console.warn('obs-error', event.detail.code, event.detail.message));

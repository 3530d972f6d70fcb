// Language switch of the report example (a separate file: no inline script under CSP).
const report = document.querySelector('obs-report');
const lang = document.getElementById('lang');
lang.addEventListener('change', () => {
  report.setAttribute('lang', lang.value);
  document.documentElement.lang = lang.value;
});
report.addEventListener('obs-error', (event) => console.warn('obs-error', event.detail.code, event.detail.message));

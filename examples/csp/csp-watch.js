// Records every Content-Security-Policy violation of this page (and logs it), so a person or a
// test can see that the survey runs under `default-src 'self'` without any. Loaded first.
window.observatoireCspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.observatoireCspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile });
    console.warn('CSP violation:', event.effectiveDirective, event.blockedURI, event.sourceFile, event.lineNumber);
  },
  true,
);

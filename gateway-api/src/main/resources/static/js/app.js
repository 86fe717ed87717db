// FreightGate's own script, loaded by every page (templates/layout.html). It runs under the strict
// Content-Security-Policy: no eval, no inline code. It makes problems visible to the browser tests, which fail on any
// console error: a CSP violation and a refused htmx evaluation are logged with console.error. It also sends the CSRF
// token with every htmx request.
(function () {
  'use strict';

  document.addEventListener('securitypolicyviolation', function (event) {
    console.error('Content-Security-Policy violation: ' + event.effectiveDirective + ' blocked '
      + (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
  });

  document.addEventListener('htmx:evalDisallowedError', function (event) {
    console.error('htmx refused to evaluate code (allowEval is false)', event.detail && event.detail.elt);
  });

  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
})();

// The one Content-Security-Policy for the app's pages: the desktop window sends it as a
// header (src/electron/security.ts), the browser harness too (src/hosts/web.ts), and
// src/renderer/index.html carries it as a meta tag (tests/unit/built-app.test.ts keeps them equal).
// base-uri and form-action do not fall back to default-src: without them an injected
// <base> could redirect the page's relative URLs, and an injected <form> post anywhere.
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

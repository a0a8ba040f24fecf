// The one Content-Security-Policy for the app's pages: the desktop window sends it as a
// header (src/electron/security.ts), the browser harness too (src/hosts/web.ts), and
// src/renderer/index.html carries it as a meta tag (tests/unit/built-app.test.ts keeps them equal).
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"

// Run before the end-to-end tests (npm test, npm run test:e2e): names the browser they
// will drive, or stops with one message saying what to install on this platform.
import { findChromium } from './find-chromium'

const found = findChromium()
if (found.path === null) {
  console.error(`\nCannot run the end-to-end tests. ${found.message}\n`)
  process.exit(1)
}
console.log(`End-to-end tests use ${found.path} (${found.source}).`)

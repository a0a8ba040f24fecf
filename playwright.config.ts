import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/e2e/find-chromium'

// E2E runs the real renderer bundle (npm run build first) in the machine's Chromium or
// Chrome (tests/e2e/find-chromium.ts says where it is looked for) against the real
// services through the loopback harness (tests/e2e/fixtures.ts starts it in process);
// tests/e2e/electron.spec.ts drives the desktop app where Electron exists.
// With none found, tests/e2e/check-chromium.ts has already stopped `npm test`.
const chromiumPath = findChromium().path ?? undefined

export default defineConfig({
  testDir: 'tests/e2e',
  // *.test.ts beside the specs are unit tests of the E2E helpers (vitest runs them).
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores shared with everything else: two browsers at most.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync'
          ]
        }
      }
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ }
  ]
})

// Setup for the DOM tests (vitest project "dom"). findBy* and waitFor wait for what the
// user sees: a row listed, a note restored. None of those assertions promises a time,
// yet testing-library gives up after 1 s by default — and on a shared 2-core machine a
// 200 ms filter debounce plus a render and a re-query can take longer than that, which
// failed tests that were right. A wait that bounds nothing the user is promised should
// not depend on the machine's speed, so it is bounded only by the test's own timeout
// (20 s, vitest.config.ts); kept below it so a real failure still shows the page.
import { configure } from '@testing-library/react'

configure({ asyncUtilTimeout: 15_000 })

// jsdom's window is 1024 px wide, narrower than the three columns' own measure
// (features/layout/responsive.ts): the page tests run at the desktop's default window
// width (1280, as the E2E's viewport), so the side bars are columns and the header's
// buttons are in it. Tests of the narrow layout set innerWidth themselves. (Files in
// the dom project without the jsdom comment run in Node: no window.)
if (typeof window !== 'undefined') Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 1280 })

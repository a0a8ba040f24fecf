// Setup for the DOM tests (vitest project "dom"). findBy* and waitFor wait for what the
// user sees: a row listed, a note restored. None of those assertions promises a time,
// yet testing-library gives up after 1 s by default — and on a shared 2-core machine a
// 200 ms filter debounce plus a render and a re-query can take longer than that, which
// failed tests that were right. A wait that bounds nothing the user is promised should
// not depend on the machine's speed, so it is bounded only by the test's own timeout
// (20 s, vitest.config.ts); kept below it so a real failure still shows the page.
import { configure } from '@testing-library/react'

configure({ asyncUtilTimeout: 15_000 })

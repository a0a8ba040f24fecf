// The harness's own guarantees seen from a browser: without the token from the
// printed URL a page gets nothing, and the app page carries the CSP.
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy'
import { expect, test } from './fixtures'

test('a page opened without the token can read nothing', async ({ page, gloss }) => {
  const origin = new URL(gloss.url).origin
  await page.goto(`${origin}/`)
  await expect(page.getByText(/could not open a library/i)).toBeVisible()
  await expect(page.getByText(/access token/i)).toBeVisible()
  await expect(page.getByRole('option')).toHaveCount(0)
  const status = await page.evaluate(async () => (await fetch('/rpc/library.current', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status)
  expect(status).toBe(403)
})

test('the page is served with the app CSP', async ({ page, gloss }) => {
  const response = await page.goto(gloss.url)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  expect(response?.headers()['referrer-policy']).toBe('no-referrer')
})

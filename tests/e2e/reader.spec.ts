// Reading: the article's header, its body from blocks, links that can only go to the
// web (in a new window, i.e. the system browser in the app), and article text that
// can never run as code.
import { expect, test } from './fixtures'
import { body, openArticle } from './helpers'

test.use({
  extraFiles: {
    'sneaky-links.md': [
      '---',
      'title: Sneaky Links',
      'date: 2021-03-04',
      'url: "javascript:window.__pwned=1"',
      '---',
      '',
      'A [harmless link](https://example.org/harmless) and a [sneaky one](javascript:window.__pwned=1) and a [file one](file:///etc/passwd).',
      '',
      '![remote image](https://images.example.org/tracker.png)',
      ''
    ].join('\n')
  }
})

test('shows the title, source, date, topics and a link to the original', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const header = app.locator('.article-header')
  await expect(header).toContainText('Example Harbour Times')
  await expect(header.locator('time')).toHaveAttribute('datetime', /^2022-10-05/)
  await expect(app.getByRole('list', { name: 'Topics' })).toContainText('Libraries')
  const original = app.getByRole('link', { name: 'Open original' })
  await expect(original).toHaveAttribute('href', 'https://www.example.com/2022/10/5/harbour-libraries-night')
  await expect(original).toHaveAttribute('target', '_blank')
  await expect(original).toHaveAttribute('rel', /noopener/)
  await expect(body(app)).toContainText(gloss.corpus.pairSentence)
  // Emphasis from Markdown survives as emphasis, not as asterisks.
  await openArticle(app, 'Quiet Hours')
  await expect(body(app).locator('em')).toHaveText('protected')
  await expect(body(app).locator('strong')).toHaveText('regular')
})

test('links to anything but http(s) are not links, and remote images are not fetched', async ({ app }) => {
  await openArticle(app, 'Sneaky Links')
  await expect(app.getByRole('link', { name: 'Open original' })).toHaveCount(0)
  await expect(body(app).getByRole('link', { name: 'harmless link' })).toHaveAttribute('href', 'https://example.org/harmless')
  await expect(body(app).getByRole('link', { name: 'sneaky one' })).toHaveCount(0)
  await expect(body(app).getByRole('link', { name: 'file one' })).toHaveCount(0)
  await expect(body(app)).toContainText('sneaky one')
  await expect(body(app).locator('img')).toHaveCount(0)
  for (const href of await app.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    expect(href).toMatch(/^https?:/)
  }
  expect(await app.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
})

test('script and onerror markup in an article runs nothing and shows as text', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.unsafeTitle)
  await expect(body(app)).toContainText('<script>window.__pwned=1</script> in the middle of a sentence')
  await expect(body(app)).toContainText('onerror=')
  await expect(body(app).locator('script, img, iframe, object, embed')).toHaveCount(0)
  await expect(body(app).locator('[onerror], [onload], [onclick]')).toHaveCount(0)
  // Give anything that might have been injected the chance to run.
  await app.waitForTimeout(300)
  expect(await app.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  // The fixture also fails the test on any dialog, page error or CSP violation.
})

// The library: every readable article listed, unreadable files under Problems, and
// sorting and filtering as a reader uses them.
import { expect, test } from './fixtures'
import { articleRows, library, rowTitles } from './helpers'

test('lists every readable article and shows the files it could not read', async ({ app, gloss }) => {
  const titles = Object.values(gloss.corpus.articles)
  await expect(articleRows(app)).toHaveCount(titles.length)
  expect((await rowTitles(app)).sort()).toEqual([...titles].sort())
  // The seed-style pair is one article, with its source and date from the metadata file.
  const pair = articleRows(app).filter({ hasText: gloss.corpus.pairTitle })
  await expect(pair).toContainText('Example Harbour Times')
  await expect(pair.locator('time')).toHaveAttribute('datetime', /^2022-10-05/)
  // Nothing from .git.
  await expect(library(app)).not.toContainText('Hidden')

  const problems = app.getByTestId('problems')
  await expect(problems.locator('summary')).toHaveText(`Problems (${gloss.corpus.problemPaths.length})`)
  await problems.locator('summary').click()
  for (const problemPath of gloss.corpus.problemPaths) {
    const entry = problems.locator('li').filter({ hasText: problemPath })
    await expect(entry).toHaveCount(1)
    await expect(entry.locator('.problem-reason')).not.toBeEmpty()
  }
})

test('sorts by date, newest first, or by title', async ({ app }) => {
  const sort = app.getByLabel('Sort')
  await expect(sort).toHaveValue('date')
  const byDate = await rowTitles(app)
  // Dated articles first, newest first; undated ones after them.
  expect(byDate.slice(0, 2)).toEqual(['Quiet Hours', 'Harbour Libraries Open Their Doors at Night'])

  await sort.selectOption('title')
  await expect.poll(() => rowTitles(app)).toEqual([
    'A Plain Letter',
    'Harbour Libraries Open Their Doors at Night',
    'Markup That Must Stay Text',
    'Quiet Hours'
  ])
  await sort.selectOption('date')
  await expect.poll(() => rowTitles(app)).toEqual(byDate)
})

test('filters by topic and by title text', async ({ app, gloss }) => {
  const topic = app.getByLabel('Topic (from the file)')
  await topic.selectOption('Libraries')
  await expect.poll(() => rowTitles(app)).toEqual([gloss.corpus.pairTitle])
  await topic.selectOption('habits')
  await expect.poll(() => rowTitles(app)).toEqual(['Quiet Hours'])
  await topic.selectOption('')
  await expect(articleRows(app)).toHaveCount(4)

  const text = app.getByLabel('Filter by title')
  await text.fill('LETTER')
  await expect.poll(() => rowTitles(app)).toEqual(['A Plain Letter'])
  await text.fill('no such title anywhere')
  await expect(app.getByText('No articles match.')).toBeVisible()
  await text.fill('')
  await expect(articleRows(app)).toHaveCount(4)
})

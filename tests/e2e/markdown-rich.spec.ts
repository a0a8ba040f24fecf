// Markdown as its author wrote it: a wide table that scrolls sideways and highlights
// inside a cell and across cells, task boxes, a rule, footnotes that jump both ways, and
// the inline HTML allowlist (kbd, sub, sup, mark, abbr) while other tags stay text.
import { auditPage, describeFindings } from './a11y'
import { expect, test } from './fixtures'
import { body, highlight, marks, openArticle, panelQuotes, toolbar } from './helpers'

const TITLE = 'Harbour Pilotage Notes'

const wideColumns = ['Berth', 'Depth at low water', 'Pilot boarding point', 'Tug requirement', 'Notes for night arrivals', 'Radio channel']

const ARTICLE = `---
title: ${TITLE}
---

Pilots board outside the breakwater when the swell allows.[^swell] Press <kbd>Ctrl</kbd>+<kbd>K</kbd> on the chart plotter to mark the spot; the water holds CO<sub>2</sub> at 10<sup>3</sup> ppm and the <abbr title="Vessel Traffic Service">VTS</abbr> says <mark>slow ahead</mark>. A <span>span</span> stays literal.

| ${wideColumns.join(' | ')} |
| --- | ---: | :-: | --- | --- | --- |
| North quay | 11.5 m | Fairway buoy three cables off the light | Two tugs over 200 m | Keep the leading lights in line until abeam the tower | 12 |
| Ferry berth | 7 m | Inside the breakwater | None | Watch for the evening ferry swinging off | 14 |

- [x] Confirm the tide table
- [ ] Book the pilot launch

---

After the rule, the harbour master's word is final.[^final]

[^swell]: Above two metres of swell the pilot boards inside, in the lee of the mole.
[^final]: Standing orders, section four.
`

test.use({ extraFiles: { 'pilotage.md': ARTICLE } })

test('a wide table scrolls sideways and its cells highlight, alone or across cells', async ({ app }) => {
  await openArticle(app, TITLE)
  const table = body(app).locator('.table-scroll table')
  await expect(table.locator('th')).toHaveText(wideColumns)
  await expect(table.locator('tbody tr').first().locator('td')).toHaveText(['North quay', '11.5 m', 'Fairway buoy three cables off the light', 'Two tugs over 200 m', 'Keep the leading lights in line until abeam the tower', '12'])
  await expect(body(app)).not.toContainText('| ---')
  const wrapper = body(app).locator('.table-scroll')
  // Wider than the column of text: the wrapper scrolls, the page does not widen.
  expect(await wrapper.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  expect(await body(app).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)

  await highlight(app, 'Fairway buoy', 'yellow')
  expect(await panelQuotes(app)).toEqual(['Fairway buoy'])

  // Drag from the start of one cell to the end of the next one in the row.
  const points = await table.evaluate((el) => {
    const cells = el.querySelectorAll('tbody tr:nth-child(2) td [data-start]')
    const rect = (node: Node, from: number, to: number) => {
      const r = document.createRange()
      r.setStart(node, from)
      r.setEnd(node, to)
      return r.getBoundingClientRect()
    }
    const a = cells[0].firstChild!
    const b = cells[1].firstChild!
    const first = rect(a, 0, 1)
    const last = rect(b, b.textContent!.length - 1, b.textContent!.length)
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
  })
  await app.mouse.move(points.x1, points.y1)
  await app.mouse.down()
  await app.mouse.move(points.x2, points.y2, { steps: 6 })
  await app.mouse.up()
  await expect(toolbar(app)).toBeVisible()
  await toolbar(app).getByRole('button', { name: 'Highlight green' }).click()
  await expect(toolbar(app)).toBeHidden()
  const green = marks(app).and(app.locator('[data-color="green"]'))
  await expect(green).toHaveText(['Ferry berth', '7 m'])
  expect(await panelQuotes(app)).toHaveLength(2)
})

test('task boxes, a rule, footnotes both ways and the inline HTML allowlist', async ({ app }) => {
  await openArticle(app, TITLE)
  const boxes = body(app).locator('input[type="checkbox"]')
  await expect(boxes).toHaveCount(2)
  await expect(boxes.first()).toBeChecked()
  await expect(boxes.first()).toBeDisabled()
  await expect(boxes.nth(1)).not.toBeChecked()
  await expect(body(app)).not.toContainText('[ ]')
  await expect(body(app)).not.toContainText('[x]')
  // The author's rule and the one before the footnotes.
  await expect(body(app).locator('hr')).toHaveCount(2)

  await expect(body(app)).not.toContainText('[^')
  await expect(body(app).locator('kbd')).toHaveText(['Ctrl', 'K'])
  await expect(body(app).locator('sub')).toHaveText('2')
  await expect(body(app).locator('sup:not(.footnote-ref)')).toHaveText('3')
  await expect(body(app).locator('abbr')).toHaveAttribute('title', 'Vessel Traffic Service')
  await expect(body(app).locator('mark.author-mark')).toHaveText('slow ahead')
  await expect(body(app)).toContainText('A <span>span</span> stays literal.')

  const ref = body(app).locator('sup.footnote-ref a').first()
  await expect(ref).toHaveText('[1]')
  await ref.click()
  const note = body(app).locator('.footnote').first()
  await expect(note).toBeFocused()
  await expect(note).toContainText('Above two metres of swell')
  await expect(note).toBeInViewport()
  await note.getByRole('link', { name: 'Back to reference 1' }).click()
  await expect(ref).toBeFocused()

  // Text inside the allowlisted marks and inside a footnote highlights like any other.
  await highlight(app, 'slow ahead', 'pink')
  await highlight(app, 'in the lee of the mole', 'blue')
  expect(await panelQuotes(app)).toEqual(['slow ahead', 'in the lee of the mole'])
})

test('the rich article body has no axe violation of any impact', async ({ app }) => {
  await openArticle(app, TITLE)
  await expect(body(app).locator('table')).toBeVisible()
  const findings = await auditPage(app, { include: '[data-testid="article-body"]' })
  expect(findings, `axe: violations in the article body:\n${describeFindings(findings)}`).toEqual([])
})

// Files in the folder that used to freeze the main process, opened through the core as
// the page opens them: the answer comes, says what happened, and edits still work.
import { execFileSync } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainTextToBlocks } from '../corpus/blocks'
import { HOSTILE_SHAPES } from '../corpus/test-support/hostile-markdown'
import { TEMPLATE_BOMBS } from '../../shared/export/test-support/template-bombs'
import { articleTitled, callThrough, rangeOf, startTestGloss, tempDirs } from '../test-support/gloss-client'

const tempDir = tempDirs('hostile')

async function open(files: Record<string, string>) {
  const corpus = await tempDir('corpus')
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(corpus, name), text)
  // A budget far below what the hostile shapes take (seconds to minutes), so the result
  // is the same on any machine; ordinary articles take milliseconds.
  const gloss = await startTestGloss(tempDir, { dataDir: await tempDir('data'), initialFolder: corpus, parseBudgetMs: 250 })
  return { corpus, gloss, call: callThrough(gloss) }
}

describe('hostile files in the folder', () => {
  it('a Markdown file too complex to lay out opens as plain text, says so, and takes highlights', async () => {
    const outline = HOSTILE_SHAPES[0].markdown()
    const { gloss, call } = await open({ 'outline.md': `---\ntitle: Deep Outline\n---\n${outline}\n`, 'calm.md': '# Calm\n\nAn ordinary *page*.\n' })
    try {
      const article = await articleTitled(call, 'Deep Outline')
      expect(article.textNotice).toMatch(/^Too complex to display: shown as plain text/)
      expect(article.text).toBe(plainTextToBlocks(outline).text)
      const created = await call('highlight.create', { articleId: article.id, ...rangeOf(article, 'level 500'), color: 'yellow' })
      const again = await call('article.get', { articleId: article.id })
      expect(again.text).toBe(article.text)
      expect(again.highlights.map((h) => h.anchor)).toEqual([created.anchor])
      const summary = await call('library.current', {})
      expect(summary?.problems).toContainEqual({ path: 'outline.md', reason: article.textNotice })
      // The next article is unaffected.
      const calm = await articleTitled(call, 'Calm')
      expect(calm.textNotice).toBeUndefined()
      expect(calm.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph'])
    } finally {
      await gloss.close()
    }
  })

  it.skipIf(process.platform === 'win32')('an article replaced by a named pipe answers with a notice instead of hanging', async () => {
    const { corpus, gloss, call } = await open({ 'piped.md': '# Piped\n\nWords before the swap.\n' })
    try {
      const { articles } = await call('library.list', {})
      await rm(path.join(corpus, 'piped.md'))
      execFileSync('mkfifo', [path.join(corpus, 'piped.md')])
      const article = await call('article.get', { articleId: articles[0].id })
      expect(article.textNotice).toBe('Not a regular file (a named pipe): it is not read')
      expect(article.text).toBe('')
    } finally {
      await gloss.close()
    }
  })

  it('a template bomb in the live preview comes back as a template error', async () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i} `).join("") + "end."
    const { gloss, call } = await open({ 'words.md': `# Words\n\n${words}\n` })
    try {
      const article = await articleTitled(call, 'Words')
      for (let i = 0; i < 30; i++) await call('highlight.create', { articleId: article.id, ...rangeOf(article, `word${i} `), color: 'yellow' })
      for (const bomb of TEMPLATE_BOMBS) {
        const preview = await call('export.preview', { scope: 'article', articleId: article.id, format: 'md', template: bomb.template })
        expect(preview.content).toBe('')
        expect(preview.error).toMatch(/^Template(, line \d+, column \d+)?: /)
      }
    } finally {
      await gloss.close()
    }
  })
})

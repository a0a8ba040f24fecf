// Folders say where code runs (docs/architecture.md). The rules live in
// .dependency-cruiser.cjs; this test runs them over src on every `npm test`, and proves
// on a small made-up tree that each kind of wrong import is caught.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CONFIG = path.resolve('.dependency-cruiser.cjs')

async function violations(files: string[], baseDir = process.cwd()): Promise<string[]> {
  const options = (await extractDepcruiseOptions(CONFIG)) as ICruiseOptions
  const result = await cruise(files, { ...options, validate: true, baseDir })
  if (typeof result.output === 'string') throw new Error(result.output)
  return result.output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`)
}

describe('layering', () => {
  it('src follows the folder rules and has no import circle', async () => {
    expect(await violations(['src'])).toEqual([])
  }, 120_000)

  describe('catches a wrong import', () => {
    let dir: string
    let found: string[]
    const tree: Record<string, string> = {
      'src/shared/pure.ts': "export const x = 1\n",
      'src/shared/reads-disk.ts': "import { readFileSync } from 'node:fs'\nexport const y = readFileSync\n",
      'src/shared/reaches-core.ts': "import { c } from '../core/corpus/c'\nexport const z = c\n",
      'src/core/corpus/c.ts': "import { x } from '../../shared/pure'\nexport const c = x\n",
      'src/core/corpus/climbs.ts': "import { s } from '../store/s'\nexport const up = s\n",
      'src/core/store/s.ts': "export const s = 1\n",
      'src/core/store/loop-a.ts': "import { b } from './loop-b'\nexport const a = () => b\n",
      'src/core/store/loop-b.ts': "import { a } from './loop-a'\nexport const b = () => a\n",
      'src/core/app/uses-electron.ts': "import { app } from 'electron'\nexport const e = app\n",
      'src/core/app/uses-host.ts': "import { h } from '../../hosts/h'\nexport const u = h\n",
      'src/hosts/h.ts': "export const h = 1\n",
      'src/renderer/src/page.ts': "import { c } from '../../core/corpus/c'\nexport const p = c\n",
      'src/electron/fine.ts': "import { app } from 'electron'\nimport { c } from '../core/corpus/c'\nexport const f = [app, c]\n"
    }
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-layering-'))
      for (const [file, text] of Object.entries(tree)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
        await writeFile(path.join(dir, file), text)
      }
      found = await violations(['src'], dir)
    }, 120_000)
    afterAll(() => rm(dir, { recursive: true, force: true }))

    it.each([
      ['a Node built-in in src/shared', 'shared-no-node: src/shared/reads-disk.ts → fs'],
      ['src/shared importing the core', 'shared-is-pure: src/shared/reaches-core.ts → src/core/corpus/c.ts'],
      ['a lower core layer importing a higher one', 'core-corpus-below-store-search-library-export-history-app: src/core/corpus/climbs.ts → src/core/store/s.ts'],
      ['an import circle', 'no-circular: src/core/store/loop-a.ts → src/core/store/loop-b.ts'],
      ['electron in the core', 'electron-only-at-the-edge: src/core/app/uses-electron.ts → electron'],
      ['the core importing a host', 'core-is-electron-free-and-host-free: src/core/app/uses-host.ts → src/hosts/h.ts'],
      ['the page importing the core', 'renderer-imports-shared-only: src/renderer/src/page.ts → src/core/corpus/c.ts']
    ])('%s', (_what, expected) => {
      expect(found.filter((v) => v.startsWith(expected)), found.join('\n')).toHaveLength(1)
    })

    it('lets the desktop edge import electron and the core', () => {
      expect(found.filter((v) => v.includes('src/electron/fine.ts'))).toEqual([])
    })
  })
})

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cliArgsFromArgv, runBundledCli } from './cli-mode'

describe('cliArgsFromArgv', () => {
  it.each<[string, string[], boolean, string[] | null]>([
    ['packaged, no arguments', ['/opt/Gloss/gloss'], false, null],
    ['packaged, a folder', ['/opt/Gloss/gloss', '/data/clips'], false, null],
    ['packaged CLI scan', ['/opt/Gloss/gloss', '--cli', 'scan', '/data/clips', '--json'], false, ['scan', '/data/clips', '--json']],
    ['packaged CLI without a command (the CLI prints its usage)', ['/opt/Gloss/gloss', '--cli'], false, []],
    ['Chromium switches before --cli', ['/opt/Gloss/gloss', '--no-sandbox', '--cli', 'search', 'clips', 'slow reading'], false, ['search', 'clips', 'slow reading']],
    ['the CLI keeps its own options, --data-dir included', ['/opt/Gloss/gloss', '--cli', 'export', 'clips', '--out', 'notes.md', '--data-dir', '/tmp/d'], false, ['export', 'clips', '--out', 'notes.md', '--data-dir', '/tmp/d']],
    ['electron . --cli', ['/x/electron', '.', '--cli', 'scan', 'clips'], true, ['scan', 'clips']],
    ['electron with switches before the app path', ['/x/electron', '--inspect=0', '.', '--cli', 'scan', 'clips'], true, ['scan', 'clips']],
    ['electron . without --cli', ['/x/electron', '.', 'clips'], true, null],
    ['a folder first: a desktop launch', ['/opt/Gloss/gloss', '/data/clips', '--cli', 'scan'], false, null],
    ['a gloss:// link is a desktop launch', ['/opt/Gloss/gloss', 'gloss://open?corpus=%2Fdata'], false, null],
    ['run as electron ., --cli counts after the app path only', ['/x/electron', '--cli', '.', 'clips'], true, null],
    ['a look-alike switch is not --cli', ['/opt/Gloss/gloss', '--client', 'scan'], false, null]
  ])('%s', (_name, argv, defaultApp, expected) => {
    expect(cliArgsFromArgv(argv, { defaultApp })).toEqual(expected)
  })
})

describe('runBundledCli', () => {
  let dir = ''
  afterEach(async () => {
    vi.restoreAllMocks()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('runs out/cli/cli-main.js (beside out/main) with the arguments and exits with its code', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-cli-mode-'))
    await mkdir(path.join(dir, 'cli'))
    await writeFile(path.join(dir, 'cli', 'cli-main.js'), 'export async function runGloss(args, exit) { return exit(args.length === 2 && args[0] === "scan" ? 7 : 3) }\n')
    const exits: number[] = []
    await runBundledCli(path.join(dir, 'main'), ['scan', '/data/clips'], ((code: number) => exits.push(code)) as (code: number) => never)
    expect(exits).toEqual([7])
  })

  it('says why and returns 1 when there is no built CLI', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-cli-mode-'))
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line))
    const exits: number[] = []
    await runBundledCli(path.join(dir, 'main'), ['scan', 'x'], ((code: number) => exits.push(code)) as (code: number) => never)
    expect(exits).toEqual([1])
    expect(errors.join('\n')).toMatch(/^gloss: .*cli-main\.js/)
  })
})

import { realpath, symlink } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/result'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { isBelow, isInside, resolveInsideRoot } from './paths'

let base: string
let root: string
let outside: string

beforeEach(async () => {
  base = await realpath(await makeTempDir('gloss-paths-'))
  root = path.join(base, 'corpus')
  outside = path.join(base, 'outside')
  await writeCorpus(root, { 'a/article.md': '# A', 'b.txt': 'B', '..dots.md': '# Dots' })
  await writeCorpus(outside, { 'secret.md': '# Secret' })
  await symlink(path.join(outside, 'secret.md'), path.join(root, 'leak.md'))
  await symlink(outside, path.join(root, 'leak-folder'))
  await symlink(path.join(root, 'a'), path.join(root, 'inner-link'))
})

afterEach(async () => {
  await removeDir(base)
})

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    return error instanceof GlossError ? error.code : `other: ${String(error)}`
  }
}

describe('resolveInsideRoot', () => {
  it.each([
    ['a file', 'a/article.md', 'a/article.md'],
    ['a path that goes up and back in', 'a/../b.txt', 'b.txt'],
    ['a name that starts with two dots', '..dots.md', '..dots.md'],
    ['a link to a folder inside the root', 'inner-link/article.md', 'a/article.md']
  ])('resolves %s to its real path', async (_name, relPath, expected) => {
    expect(await resolveInsideRoot(root, relPath)).toBe(path.join(root, ...expected.split('/')))
  })

  it.each([
    ['a parent path', '../outside/secret.md'],
    ['a path that climbs out deeper', 'a/../../outside/secret.md'],
    ['just ..', '..'],
    ['an absolute POSIX path', '/etc/passwd'],
    ['an absolute Windows path', 'C:\\Windows\\win.ini'],
    ['a symlinked file pointing outside', 'leak.md'],
    ['a file through a symlinked folder pointing outside', 'leak-folder/secret.md'],
    ['a NUL byte', 'b.txt\0.md']
  ])('refuses %s with BAD_INPUT', async (_name, relPath) => {
    expect(await codeOf(resolveInsideRoot(root, relPath))).toBe('BAD_INPUT')
  })

  it('reports a missing file inside the root as NOT_FOUND', async () => {
    expect(await codeOf(resolveInsideRoot(root, 'a/missing.md'))).toBe('NOT_FOUND')
  })

  it('accepts a root given through a symlink', async () => {
    const linkedRoot = path.join(base, 'root-link')
    await symlink(root, linkedRoot)
    expect(await resolveInsideRoot(linkedRoot, 'b.txt')).toBe(path.join(root, 'b.txt'))
  })
})

describe('isInside', () => {
  it.each([
    ['/r', '/r', true],
    ['/r', '/r/a/b', true],
    ['/r', '/r/..x', true],
    ['/r', '/r/..notes', true],
    ['/r', '/r/..notes/today.md', true],
    ['/r', '/r/a/../b', true],
    ['/r', '/r/..', false],
    ['/r', '/r/../x', false],
    ['/r', '/rx', false],
    ['/r', '/', false],
    ['/r/a', '/r/b', false]
  ])('%s contains %s: %s', (root, target, expected) => {
    expect(isInside(root, target)).toBe(expected)
  })
})

describe('isBelow', () => {
  it.each([
    ['/r', '/r', false],
    ['/r', '/r/index.html', true],
    ['/r', '/r/..notes/a.md', true],
    ['/r', '/rx/a', false],
    ['/r', '/r/../x', false]
  ])('%s has %s strictly below it: %s', (root, target, expected) => {
    expect(isBelow(root, target)).toBe(expected)
  })
})

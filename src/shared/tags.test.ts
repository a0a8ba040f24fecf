import { describe, expect, it } from 'vitest'
import { addTag, checkTag, checkTagList, MAX_TAG_LENGTH, removeTag, renameInList, sameTag, splitTypedTags, suggestTags } from './tags'

describe('checkTag', () => {
  it.each([
    ['history', 'history'],
    ['  History  ', 'History'],
    ['cold   war', 'cold war'],
    ['cold\twar', 'cold war'],
    ['Économie', 'Économie'],
    ['#ai', '#ai'],
    ['x'.repeat(MAX_TAG_LENGTH), 'x'.repeat(MAX_TAG_LENGTH)],
    ['🌊'.repeat(MAX_TAG_LENGTH), '🌊'.repeat(MAX_TAG_LENGTH)]
  ])('accepts %j as %j', (raw, tag) => {
    expect(checkTag(raw)).toEqual({ ok: true, tag })
  })

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['a,b', /comma/],
    [',', /comma/],
    ['two\nlines', /one line/],
    ['carriage\rreturn', /one line/],
    ['x'.repeat(MAX_TAG_LENGTH + 1), /at most 100/]
  ])('refuses %j', (raw, reason) => {
    const checked = checkTag(raw)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.reason).toMatch(reason)
  })
})

describe('lists', () => {
  it.each([
    [[], []],
    [['History', 'history', 'HISTORY'], ['History']],
    [[' b ', 'a', 'B'], ['b', 'a']],
    [['cold  war', 'Cold War'], ['cold war']]
  ])('checkTagList(%j) keeps the first spelling of each tag: %j', (raw, tags) => {
    expect(checkTagList(raw)).toEqual({ ok: true, tags })
  })

  it('checkTagList names the bad tag', () => {
    expect(checkTagList(['fine', 'not,fine'])).toEqual({ ok: false, reason: expect.stringMatching(/"not,fine".*comma/) })
    expect(checkTagList(Array.from({ length: 101 }, (_, i) => `t${i}`)).ok).toBe(false)
  })

  it.each([
    [['a'], 'A', ['a']],
    [['a'], 'b', ['a', 'b']]
  ])('addTag(%j, %j) → %j', (tags, tag, out) => {
    expect(addTag(tags, tag)).toEqual(out)
  })

  it('removeTag removes any spelling', () => {
    expect(removeTag(['History', 'war'], 'history')).toEqual(['war'])
  })

  it.each([
    ['rename in place', ['a', 'old', 'b'], 'OLD', 'new', ['a', 'new', 'b']],
    ['merge into an existing tag', ['new', 'old'], 'old', 'New', ['New']],
    ['merge keeps the first place', ['old', 'x', 'new'], 'old', 'new', ['new', 'x']],
    ['change of case only', ['history'], 'history', 'History', ['History']],
    ['not there', ['a'], 'zzz', 'b', null]
  ])('renameInList: %s', (_name, tags, from, to, out) => {
    expect(renameInList(tags, from, to)).toEqual(out)
  })

  it('sameTag ignores case and spacing', () => {
    expect(sameTag('Cold  War', 'cold war')).toBe(true)
    expect(sameTag('cold war', 'coldwar')).toBe(false)
  })

  it('splitTypedTags splits on commas and drops blanks', () => {
    expect(splitTypedTags(' a, b ,,  c  d ')).toEqual(['a', 'b', 'c d'])
  })

  it.each([
    ['', [], ['History', 'art history', 'Hiking']],
    ['hi', [], ['History', 'Hiking', 'art history']],
    ['HIST', ['history'], ['art history']],
    ['zzz', [], []]
  ])('suggestTags for %j (chosen %j) → %j', (typed, chosen, out) => {
    expect(suggestTags(['History', 'art history', 'Hiking'], typed, chosen)).toEqual(out)
  })
})

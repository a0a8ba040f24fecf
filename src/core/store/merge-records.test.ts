import { describe, expect, it } from 'vitest'
import { mergeById, mergeRecordMap } from './merge-records'

const h = (id: string, note = '') => ({ id, note })

describe('mergeById', () => {
  it.each([
    { case: 'they added one, we added one: both', base: [h('a')], ours: [h('a'), h('b')], theirs: [h('a'), h('c')], want: [h('a'), h('b'), h('c')] },
    { case: 'they changed one we did not touch: theirs', base: [h('a')], ours: [h('a')], theirs: [h('a', 'edited')], want: [h('a', 'edited')] },
    { case: 'we changed it: ours', base: [h('a')], ours: [h('a', 'mine')], theirs: [h('a', 'theirs')], want: [h('a', 'mine')] },
    { case: 'we deleted one they did not touch: gone', base: [h('a'), h('b')], ours: [h('a')], theirs: [h('a'), h('b')], want: [h('a')] },
    { case: 'they deleted one we did not touch: gone', base: [h('a'), h('b')], ours: [h('a'), h('b')], theirs: [h('b')], want: [h('b')] },
    { case: '__proto__ as an id is a record like any other', base: [], ours: [h('__proto__')], theirs: [], want: [h('__proto__')] }
  ])('$case', ({ base, ours, theirs, want }) => {
    expect(mergeById(base, ours, theirs)).toEqual(want)
  })
})

describe('mergeRecordMap', () => {
  it('keeps their new keys and our changed ones', () => {
    expect(mergeRecordMap({ a: 1 }, { a: 2 }, { a: 1, b: 3 })).toEqual({ a: 2, b: 3 })
  })
})

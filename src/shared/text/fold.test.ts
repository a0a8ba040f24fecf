import { describe, expect, it } from 'vitest'
import { collator, compareNames } from './collator'
import { fold } from './fold'

describe('fold', () => {
  it.each([
    ['plain ASCII', 'Rivers', 'rivers'],
    ['a precomposed accent', 'Élan', 'elan'],
    ['a combining accent', 'e\u0301lan', 'elan'],
    ['several marks on one letter', 'ậ', 'a'],
    ['a ligature', 'ﬁeld', 'field'],
    ['full-width letters', 'ＡＢＣ', 'abc'],
    ['German sharp s stays', 'Straße', 'straße'],
    ['capital sharp s lower-cases to ß', 'STRAẞE', 'straße'],
    ['Turkish dotted capital İ', 'İstanbul', 'istanbul'],
    ['Turkish dotless ı stays a letter of its own', 'ılık', 'ılık'],
    ['Greek accents', 'Ἀθῆναι', 'αθηναι'],
    ['empty', '', '']
  ])('%s: %s → %s', (_, text, folded) => {
    expect(fold(text)).toBe(folded)
  })

  it('lets a query match whichever way the text was typed', () => {
    expect(fold('Café Society').includes(fold('CAFE'))).toBe(true)
    expect(fold('cafe\u0301').includes(fold('Café'))).toBe(true)
  })
})

describe('collator', () => {
  it.each([
    ['digits by value', ['Part 10', 'Part 2'], ['Part 2', 'Part 10']],
    ['case does not split names', ['b', 'A', 'a'], ['A', 'a', 'b']],
    ['accents sort beside their letter', ['f', 'é', 'e'], ['é', 'e', 'f']]
  ])('%s', (_, names, sorted) => {
    expect([...names].sort(compareNames)).toEqual(sorted)
  })

  it('treats case and accents as the same name', () => {
    expect(collator.compare('Élan', 'elan')).toBe(0)
  })
})

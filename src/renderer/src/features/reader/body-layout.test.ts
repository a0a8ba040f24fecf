import { describe, expect, it } from 'vitest'
import type { Block } from '../../../../shared/model'
import { buildBlocks, type BlockSpec } from '../../test-support/build-article'
import { layoutBody, type BodyNode, type ListNode, type QuoteNode } from './body-layout'

// Compact picture of the layout: lists as {ol|ul: [...items]}, items as text or [text, ...children].
type Shape = string | { ul: Shape[] } | { ol: Shape[]; start: number } | { quote: Shape[] } | Shape[]

function shapeOfList(list: ListNode): Shape {
  const items = list.items.map((item) =>
    item.children.length === 0 ? item.block.text : [item.block.text, ...item.children.map(shapeOfList)]
  )
  return list.ordered ? { ol: items, start: list.start } : { ul: items }
}

function shape(node: BodyNode | QuoteNode): Shape {
  if (node.kind === 'list') return shapeOfList(node)
  if (node.kind === 'quote') return { quote: node.children.map(shape) }
  if (node.kind === 'rule') return 'rule'
  return `${node.block.type}:${node.block.text}`
}

const li = (text: string, depth = 0, ordered = false, index?: number): BlockSpec => ({ type: 'listItem', text, depth, ordered, index })
const p = (text: string): BlockSpec => ({ type: 'paragraph', text })
const q = (text: string, depth = 0): BlockSpec => ({ type: 'quote', text, depth })

const cases: Array<{ name: string; blocks: BlockSpec[]; expected: Shape[] }> = [
  { name: 'paragraphs stay single blocks', blocks: [p('a'), p('b')], expected: ['paragraph:a', 'paragraph:b'] },
  { name: 'consecutive bullets form one list', blocks: [p('x'), li('a'), li('b'), p('y')], expected: ['paragraph:x', { ul: ['a', 'b'] }, 'paragraph:y'] },
  {
    name: 'deeper items nest under the previous item',
    blocks: [li('a'), li('a1', 1), li('a2', 1), li('b')],
    expected: [{ ul: [['a', { ul: ['a1', 'a2'] }], 'b'] }]
  },
  {
    name: 'three levels then back to the top',
    blocks: [li('a'), li('a1', 1), li('a1x', 2), li('b')],
    expected: [{ ul: [['a', { ul: [['a1', { ul: ['a1x'] }]] }], 'b'] }]
  },
  {
    name: 'ordered lists keep their first number',
    blocks: [li('three', 0, true, 3), li('four', 0, true, 4)],
    expected: [{ ol: ['three', 'four'], start: 3 }]
  },
  {
    name: 'switching bullets to numbers starts a new list',
    blocks: [li('a'), li('one', 0, true, 1), li('two', 0, true, 2)],
    expected: [{ ul: ['a'] }, { ol: ['one', 'two'], start: 1 }]
  },
  {
    name: 'a numbered sub-list inside a bullet list',
    blocks: [li('a'), li('one', 1, true, 1), li('b')],
    expected: [{ ul: [['a', { ol: ['one'], start: 1 }], 'b'] }]
  },
  {
    name: 'a list that starts indented still renders',
    blocks: [li('deep', 1), li('top', 0)],
    expected: [{ ul: ['deep'] }, { ul: ['top'] }]
  },
  {
    name: 'consecutive quote paragraphs share one blockquote; nested quotes nest',
    blocks: [q('one'), q('two'), q('inner', 1), p('after')],
    expected: [{ quote: ['quote:one', 'quote:two', { quote: ['quote:inner'] }] }, 'paragraph:after']
  }
]

describe('layoutBody', () => {
  it.each(cases)('$name', ({ blocks, expected }) => {
    expect(layoutBody(buildBlocks(blocks).blocks).map(shape)).toEqual(expected)
  })

  it('keeps every block exactly once, in order', () => {
    const { blocks } = buildBlocks([p('a'), li('b'), li('c', 1), q('d'), q('e', 2), li('f', 0, true, 1), p('g')])
    const seen: Block[] = []
    const walk = (node: BodyNode | QuoteNode) => {
      if (node.kind === 'block') seen.push(node.block)
      else if (node.kind === 'quote') node.children.forEach(walk)
      else if (node.kind === 'list')
        node.items.forEach((item) => {
          seen.push(item.block)
          item.children.forEach(walk)
        })
    }
    layoutBody(blocks).forEach(walk)
    expect(seen).toEqual(blocks)
  })
})

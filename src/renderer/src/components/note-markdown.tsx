// A note as the Markdown it is (the export treats it so): emphasis, strong, strikethrough,
// code, lists, quotes and links, parsed with the same parser the core uses for articles
// (mdast-util-from-markdown with GFM) and drawn from an allowlist of node kinds. Raw HTML
// is shown as the text it is, images as their alt text (nothing is fetched), and a link
// is clickable only when safe-url allows it, exactly as in an article body.
// `inline` draws phrasing content only (inside a button or a <span> in a list row):
// paragraphs become lines, list items "• " lines, and links stay text (no control
// inside a control).
import type { Nodes, Parents } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { Fragment, useMemo, type ReactNode } from 'react'
import { bodyLinkUrl } from './safe-url'

export interface NoteMarkdownProps {
  text: string
  inline?: boolean
  className?: string
}

export function NoteMarkdown({ text, inline = false, className }: NoteMarkdownProps) {
  const tree = useMemo(() => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), [text])
  const children = renderChildren(tree, inline)
  return inline ? <span className={className}>{children}</span> : <div className={className}>{children}</div>
}

function renderChildren(parent: Parents, inline: boolean): ReactNode[] {
  const out: ReactNode[] = []
  parent.children.forEach((child, i) => {
    // Blocks drawn inline are separated by line breaks.
    if (inline && i > 0 && isBlock(child)) out.push(<br key={`br-${i}`} />)
    out.push(<Fragment key={i}>{renderNode(child as Nodes, inline)}</Fragment>)
  })
  return out
}

const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'thematicBreak', 'table', 'html'])
const isBlock = (node: { type: string }) => BLOCKS.has(node.type)

function renderNode(node: Nodes, inline: boolean): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value
    case 'emphasis':
      return <em>{renderChildren(node, inline)}</em>
    case 'strong':
      return <strong>{renderChildren(node, inline)}</strong>
    case 'delete':
      return <s>{renderChildren(node, inline)}</s>
    case 'inlineCode':
      return <code>{node.value}</code>
    case 'break':
      return <br />
    case 'link': {
      const href = inline ? null : bodyLinkUrl(node.url)
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {renderChildren(node, inline)}
        </a>
      ) : (
        <span className="note-link">{renderChildren(node, inline)}</span>
      )
    }
    case 'image':
      return node.alt ?? ''
    case 'html':
      // Never markup: the characters as typed.
      return node.value
    case 'paragraph':
      return inline ? renderChildren(node, inline) : <p>{renderChildren(node, inline)}</p>
    case 'heading':
      // A heading in a note is emphasis, not a level in the page's outline.
      return inline ? <strong>{renderChildren(node, inline)}</strong> : <p><strong>{renderChildren(node, inline)}</strong></p>
    case 'blockquote':
      return inline ? <>› {renderChildren(node, inline)}</> : <blockquote>{renderChildren(node, inline)}</blockquote>
    case 'list': {
      if (inline) return node.children.map((item, i) => <Fragment key={i}>{i > 0 && <br />}{node.ordered ? `${(node.start ?? 1) + i}. ` : '• '}{renderChildren(item, inline)}</Fragment>)
      // A tight list (no blank lines between items) has no paragraphs in its items.
      const tight = !node.spread && node.children.every((item) => !item.spread)
      const items = node.children.map((item, i) => (
        <li key={i}>
          {tight ? item.children.map((c, j) => <Fragment key={j}>{c.type === 'paragraph' ? renderChildren(c, false) : renderNode(c, false)}</Fragment>) : renderChildren(item, inline)}
        </li>
      ))
      return node.ordered ? <ol start={node.start ?? undefined}>{items}</ol> : <ul>{items}</ul>
    }
    case 'listItem':
      return renderChildren(node, inline)
    case 'code':
      return inline ? <code>{node.value}</code> : <pre><code>{node.value}</code></pre>
    case 'thematicBreak':
      return inline ? null : <hr />
    default:
      // Tables, footnotes, definitions…: their text, without structure.
      return 'children' in node ? renderChildren(node as Parents, true) : 'value' in node ? String((node as { value: unknown }).value) : null
  }
}

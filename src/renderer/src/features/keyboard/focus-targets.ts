// Places the keyboard goes to by name (search box, article note, article text), found
// by their roles and labels in the page so no component has to hand out refs.

/** Focuses and selects the search box ('/' and Ctrl/Cmd+F). */
export function focusSearchBox(root: ParentNode = document): boolean {
  const box = root.querySelector<HTMLInputElement>('input[type="search"][aria-label="Search all text"]')
  if (!box || box.disabled) return false
  box.focus()
  box.select()
  return true
}

/** Focuses the open article's note in the side panel, the caret after its last word (to go on writing). */
export function focusArticleNote(root: ParentNode = document): boolean {
  const note = root.querySelector<HTMLTextAreaElement>('textarea[aria-label="Article note"], .article-note textarea')
  if (!note) return false
  note.scrollIntoView?.({ block: 'nearest' })
  note.focus()
  note.setSelectionRange(note.value.length, note.value.length)
  return true
}

/** Focuses the article text (the skip link's target), else the reader column. */
export function focusArticleText(root: ParentNode = document): boolean {
  const target = root.querySelector<HTMLElement>('[data-testid="article-body"]') ?? root.querySelector<HTMLElement>('main.reader')
  if (!target) return false
  target.focus()
  return document.activeElement === target
}

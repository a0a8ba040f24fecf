// A highlight's or an article's tags, shown (not edited). As a list where it may be one;
// inside a button (a side panel row) only phrasing content is allowed, so there it is
// spans with a hidden "Tags:" for screen readers.
export function TagList({ tags, label = 'Tags', inline = false }: { tags: readonly string[]; label?: string; inline?: boolean }) {
  if (!tags.length) return null
  if (inline) {
    return (
      <span className="tag-list" data-tags={tags.join(',')}>
        <span className="sr-only">{label}: </span>
        {tags.map((tag, i) => (
          <span key={tag} className="tag-list-item">
            {tag}
            {i < tags.length - 1 && <span className="sr-only">, </span>}
          </span>
        ))}
      </span>
    )
  }
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="tag-list-item">
          {tag}
        </li>
      ))}
    </ul>
  )
}

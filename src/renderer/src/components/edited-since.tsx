// The quiet line under a quote whose article was edited under it since it was made:
// the quote shown is the words the highlight covers now; the words first highlighted
// stay available on hover (title) and to screen readers.
export function EditedSince({ original, className = 'quote-edited' }: { original: string; className?: string }) {
  const first = original.replace(/\s+/g, ' ').trim()
  return (
    <span className={className} title={`First highlighted: “${first}”`} data-edited-since="">
      edited since you highlighted it<span className="sr-only">; first highlighted: “{first}”</span>
    </span>
  )
}

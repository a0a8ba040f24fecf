// What the core says about the folder's stored notes (restored from a backup, say),
// shown until the user dismisses it; a different notice shows again.
import { useState } from 'react'

export function StoreNotice({ notice, inert }: { notice: string | null | undefined; inert: boolean }) {
  const [dismissed, setDismissed] = useState<string | null>(null)
  if (!notice || notice === dismissed) return null
  return (
    <div className="banner" role="alert" inert={inert}>
      <p>{notice}</p>
      <button type="button" className="button" onClick={() => setDismissed(notice)}>
        Dismiss
      </button>
    </div>
  )
}

// Reading time and progress on a library row: "6 min" and "45%" / "Read" as text (so
// the row's accessible name says it too), plus a thin bar along the row's foot.
import { progressText } from './reading-position'
import { shortReadingTime } from './reading-time'
import './comfort.css'

export function RowReadingTime({ words }: { words: number }) {
  if (words <= 0) return null
  return (
    <span className="row-reading-time">
      {shortReadingTime(words).startsWith('>') ? (
        <>
          <span aria-hidden="true">&gt; 10 h</span>
          <span className="sr-only">more than 10 hours to read</span>
        </>
      ) : (
        <>
          {shortReadingTime(words)}
          <span className="sr-only"> read</span>
        </>
      )}
    </span>
  )
}

export function RowProgress({ fraction }: { fraction: number | null }) {
  const text = progressText(fraction)
  if (text === null || fraction === null) return null
  const done = text === 'Read'
  return (
    <>
      <span className={`row-progress${done ? ' done' : ''}`} data-testid="row-progress" data-progress={fraction}>
        {done ? 'Read' : <>{text}<span className="sr-only"> read</span></>}
      </span>
      <span className="row-progress-bar" aria-hidden="true" style={{ width: `${Math.round(Math.min(1, fraction) * 100)}%` }} />
    </>
  )
}

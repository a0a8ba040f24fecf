import type { Problem } from '../../../../shared/model'

/** Files that could not be read, with the reason; the rest of the library still loads. */
export function ProblemsPanel({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null
  return (
    <details className="problems" data-testid="problems">
      <summary>Problems ({problems.length})</summary>
      <p className="problems-intro">These files could not be read. Everything else in the folder is listed.</p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}:${i}`}>
            <code className="problem-path">{p.path}</code>
            <span className="problem-reason">{p.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}

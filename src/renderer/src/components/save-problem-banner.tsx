// "Your last changes are not saved: the disk is full." Shown while the core says its data
// cannot be written (app.saveStatus), and gone by itself once a retry lands: no Dismiss,
// because a user who has been told once and keeps working must still see that nothing
// new reaches the disk. The core names the change (DataChange.saving), so the banner
// never polls.
import type { Api } from '../../../shared/api'
import { useContractQuery } from '../data/use-contract-query'

export function SaveProblemBanner({ api, inert }: { api: Api; inert: boolean }) {
  const status = useContractQuery(api, 'app.saveStatus', {})
  const problem = status.data?.problem
  if (!problem) return null
  return (
    <div className="banner banner-save-problem" role="alert" inert={inert} data-save-problem={problem.code}>
      <p>{problem.message}</p>
    </div>
  )
}

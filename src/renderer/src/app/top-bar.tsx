// The rows above the workspace: the header (folder, export and import, reading settings,
// side-bar toggles; folded into "More actions" in a narrow window) and the search row
// with the Reader / All highlights switch. Out of reach (inert) while a dialog is open.
import type { Api } from '../../../shared/api'
import type { LibrarySummary, SearchResult } from '../../../shared/model'
import { AppHeader } from '../components/app-header'
import type { useDialog } from '../dialogs/dialogs'
import { ViewSwitch, type MainView } from '../features/all-highlights/view-switch'
import { HEADER_FOLD_PX } from '../features/layout/responsive'
import { SideBarToggles } from '../features/layout/side-bar-toggles'
import type { ResponsiveBars } from '../features/layout/use-responsive-bars'
import { useWindowWidth } from '../features/layout/use-window-width'
import type { useOpenFolder } from '../features/library/use-open-folder'
import { SearchBox } from '../features/search/search-box'
import type { usePageActions } from './use-page-actions'

export interface TopBarProps {
  api: Api
  modalOpen: boolean
  summary: LibrarySummary | null
  hasArticle: boolean
  folder: ReturnType<typeof useOpenFolder>
  actions: ReturnType<typeof usePageActions>
  openDialog: ReturnType<typeof useDialog>['open']
  sideBars: ResponsiveBars
  view: MainView
  onViewChange: (view: MainView) => void
  onSearchResult: (result: SearchResult) => void
  reportError: (error: unknown) => void
}

export function TopBar({ api, modalOpen, summary, hasArticle, folder, actions, openDialog, sideBars, view, onViewChange, onSearchResult, reportError }: TopBarProps) {
  const folded = useWindowWidth() < HEADER_FOLD_PX
  return (
    <>
      <AppHeader
        inert={modalOpen}
        summary={summary}
        hasArticle={hasArticle}
        onOpenFolder={() => void folder.openFolder()}
        onOpenRecent={(root) => void folder.openRecent(root)}
        loadRecent={folder.loadRecent}
        onExportArticle={actions.exportArticle}
        onExportCorpus={actions.exportCorpus}
        onCopyNotes={() => void actions.copyNotes()}
        onImport={() => void actions.importAnnotations()}
        onReadingSettings={() => openDialog({ type: 'reading-settings' })}
        onShowShortcuts={() => openDialog({ type: 'shortcuts' })}
        folded={folded}
        sideBarToggles={
          <SideBarToggles libraryHidden={sideBars.hidden('library')} panelHidden={sideBars.hidden('panel')} onToggle={sideBars.toggle} modifier={navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl'} />
        }
      />
      <div className="search-bar" inert={modalOpen}>
        <SearchBox api={api} root={summary?.root ?? null} onOpen={(result) => (onViewChange('reader'), onSearchResult(result))} onError={reportError} />
        <ViewSwitch view={view} onChange={onViewChange} />
      </div>
    </>
  )
}

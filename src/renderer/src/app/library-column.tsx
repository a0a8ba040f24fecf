// The left column: the open folder's library (list, filters, problems, missing articles,
// scan and import status), or a placeholder while a folder opens or when none is. Opening
// an article from the library overlay (narrow window) closes the overlay onto the reader.
import type { ScanProgress } from '../../../shared/events'
import { SideBarSplitter } from '../features/layout/side-bar-splitter'
import type { ResponsiveBars } from '../features/layout/use-responsive-bars'
import { LibraryPanel, LibraryPlaceholder } from '../features/library/library-panel'
import type { useLibrary } from '../features/library/use-library'
import type { usePageActions } from './use-page-actions'

export interface LibraryColumnProps {
  library: ReturnType<typeof useLibrary>
  sideBars: ResponsiveBars
  starting: boolean
  currentId: string | null
  scan: ScanProgress | null
  tags: readonly string[]
  actions: Pick<ReturnType<typeof usePageActions>, 'removeMissing' | 'lastImport'>
  onOpen: (articleId: string) => void
  onOpenFolder: () => void
  onManageTags: () => void
}

export function LibraryColumn({ library, sideBars, starting, currentId, scan, tags, actions, onOpen, onOpenFolder, onManageTags }: LibraryColumnProps) {
  const edge = <SideBarSplitter bars={sideBars} bar="library" />
  if (!library.summary) return <LibraryPlaceholder starting={starting} edge={edge} />
  return (
    <LibraryPanel
      summary={library.summary}
      list={library.list}
      onRange={library.showRange}
      view={library.view}
      onViewChange={library.setView}
      currentId={currentId}
      onOpen={(articleId) => (onOpen(articleId), sideBars.overlay === 'library' && sideBars.closeOverlay({ focusReader: true }))}
      onOpenFolder={onOpenFolder}
      missing={library.missing}
      onRemoveMissing={actions.removeMissing}
      scan={scan}
      tags={tags}
      onManageTags={onManageTags}
      lastImport={actions.lastImport}
      edge={edge}
    />
  )
}

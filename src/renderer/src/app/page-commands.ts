// What each menu command does on this page: the same handlers as the header's buttons,
// the side-bar toggles and the view switch, gathered for useMenuCommands.
import type { Dispatch, RefObject, SetStateAction } from 'react'
import type { useDialog } from '../dialogs/dialogs'
import type { MainView } from '../features/all-highlights/view-switch'
import { focusSearchBox } from '../features/keyboard/focus-targets'
import type { ResponsiveBars } from '../features/layout/use-responsive-bars'
import type { useOpenFolder } from '../features/library/use-open-folder'
import type { CommandHandlers } from './use-menu-commands'
import type { usePageActions } from './use-page-actions'

export interface PageParts {
  folder: Pick<ReturnType<typeof useOpenFolder>, 'openFolder' | 'openRecent'>
  actions: Pick<ReturnType<typeof usePageActions>, 'exportArticle' | 'exportCorpus' | 'copyNotes' | 'importAnnotations'>
  sideBars: Pick<ResponsiveBars, 'toggle'>
  appRef: RefObject<HTMLElement | null>
  openDialog: ReturnType<typeof useDialog>['open']
  setView: Dispatch<SetStateAction<MainView>>
  history: CommandHandlers['history']
  openLink: CommandHandlers['openLink']
}

export function pageCommands({ folder, actions, sideBars, appRef, openDialog, setView, history, openLink }: PageParts): CommandHandlers {
  return {
    openFolder: () => void folder.openFolder(),
    openRecent: (root) => void folder.openRecent(root),
    toggleSideBar: sideBars.toggle,
    exportArticle: actions.exportArticle,
    exportCorpus: actions.exportCorpus,
    copyNotes: () => void actions.copyNotes(),
    importAnnotations: () => void actions.importAnnotations(),
    find: () => void focusSearchBox(appRef.current ?? document),
    showShortcuts: () => openDialog({ type: 'shortcuts' }),
    toggleAllHighlights: () => setView((v) => (v === 'highlights' ? 'reader' : 'highlights')),
    history,
    openLink
  }
}

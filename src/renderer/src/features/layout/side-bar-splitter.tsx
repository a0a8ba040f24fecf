// The splitter of one side bar, wired to the side bars' preferences.
import { Splitter } from './splitter'
import { SIDE_BAR_LIMITS, type SideBar, type SideBars } from './use-side-bars'

const LABEL: Record<SideBar, string> = { library: 'Resize library', panel: 'Resize notes panel' }

export function SideBarSplitter({ bars, bar }: { bars: SideBars; bar: SideBar }) {
  return (
    <Splitter
      className={bar === 'library' ? 'splitter-library' : 'splitter-panel'}
      label={LABEL[bar]}
      pane={bar === 'library' ? 'left' : 'right'}
      width={bars.width(bar)}
      limits={SIDE_BAR_LIMITS[bar]}
      onResize={(width, final) => bars.resize(bar, width, final)}
      onReset={() => bars.resetWidth(bar)}
    />
  )
}

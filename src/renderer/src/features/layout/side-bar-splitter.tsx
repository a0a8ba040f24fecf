// The splitter of one side bar, wired to the side bars' preferences. Its largest value
// follows the window: layout.css never lets a side bar take more than 40% of it, and
// the splitter must not claim a width the screen does not show.
import { Splitter } from './splitter'
import { SIDE_BAR_LIMITS, type SideBar, type SideBars } from './use-side-bars'
import { useWindowWidth } from './use-window-width'

const LABEL: Record<SideBar, string> = { library: 'Resize library', panel: 'Resize notes panel' }
/** Same as the 40vw in layout.css. */
export const MAX_SHARE_OF_WINDOW = 0.4

export function SideBarSplitter({ bars, bar }: { bars: SideBars; bar: SideBar }) {
  const windowWidth = useWindowWidth()
  const limits = SIDE_BAR_LIMITS[bar]
  const max = Math.max(limits.min, Math.min(limits.max, Math.floor(windowWidth * MAX_SHARE_OF_WINDOW)))
  return (
    <Splitter
      className={bar === 'library' ? 'splitter-library' : 'splitter-panel'}
      label={LABEL[bar]}
      pane={bar === 'library' ? 'left' : 'right'}
      width={Math.min(bars.width(bar), max)}
      limits={{ ...limits, max }}
      onResize={(width, final) => bars.resize(bar, width, final)}
      onReset={() => bars.resetWidth(bar)}
    />
  )
}

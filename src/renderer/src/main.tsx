import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createRendererApi, selectEvents } from './api'
import { paintCachedTheme } from './features/comfort/use-prefs'
import './styles.css'
import './features/comfort/themes.css'

// The theme shown last time, before anything renders: no flash of the wrong colours
// while the stored preferences are on their way.
paintCachedTheme()

const api = createRendererApi(window)
const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <App api={api} events={selectEvents(window)} nativeMenu={Boolean(window.glossEvents)} />
  </StrictMode>
)

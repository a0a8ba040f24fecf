import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createRendererApi, selectEvents } from './api'
import { createQueryClient } from './data/query-client'
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
    <QueryClientProvider client={createQueryClient()}>
      <App api={api} events={selectEvents(window)} nativeMenu={Boolean(window.glossEvents)} />
    </QueryClientProvider>
  </StrictMode>
)

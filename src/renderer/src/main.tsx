import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createRendererApi, selectEvents } from './api'
import './styles.css'

const api = createRendererApi(window)
const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <App api={api} events={selectEvents(window)} nativeMenu={Boolean(window.glossEvents)} />
  </StrictMode>
)

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createRendererApi } from './api'
import './styles.css'

const api = createRendererApi(window)
const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <App api={api} events={window.glossEvents ?? null} />
  </StrictMode>
)

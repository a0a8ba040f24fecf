import { describe, expect, it } from 'vitest'
import { devServerUrl } from './dev-server'

const DEV = { NODE_ENV_ELECTRON_VITE: 'development', ELECTRON_RENDERER_URL: 'http://localhost:5173' }

describe('devServerUrl', () => {
  it.each([
    ['electron-vite dev, not packaged', false, DEV, 'http://localhost:5173'],
    ['127.0.0.1 too', false, { ...DEV, ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, 'http://127.0.0.1:5173/'],
    ['packaged: never', true, DEV, undefined],
    ['not started by the dev command (the variable alone)', false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, undefined],
    ['a production build', false, { ...DEV, NODE_ENV_ELECTRON_VITE: 'production' }, undefined],
    ['another host', false, { ...DEV, ELECTRON_RENDERER_URL: 'http://evil.example:5173' }, undefined],
    ['https elsewhere', false, { ...DEV, ELECTRON_RENDERER_URL: 'https://localhost.evil.example' }, undefined],
    ['a file URL', false, { ...DEV, ELECTRON_RENDERER_URL: 'file:///tmp/page.html' }, undefined],
    ['not a URL', false, { ...DEV, ELECTRON_RENDERER_URL: 'localhost:5173' }, undefined],
    ['empty', false, { ...DEV, ELECTRON_RENDERER_URL: '' }, undefined]
  ])('%s', (_name, packaged, env, expected) => {
    expect(devServerUrl(packaged, env)).toBe(expected)
  })
})

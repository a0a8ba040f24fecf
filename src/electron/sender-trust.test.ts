import { describe, expect, it } from 'vitest'
import { appLocation, isAppUrl, isTrustedSender, type FrameRef } from './sender-trust'

const fileApp = appLocation(undefined, 'file:///opt/Gloss/out/renderer/index.html')
const devApp = appLocation('http://localhost:5173/', 'file:///opt/Gloss/out/renderer/index.html')

describe('isAppUrl', () => {
  it.each([
    [fileApp, 'file:///opt/Gloss/out/renderer/index.html', true],
    [fileApp, 'file:///opt/Gloss/out/renderer/index.html?x=1#hl-2', true],
    [fileApp, 'file:///opt/Gloss/out/renderer/other.html', false],
    [fileApp, 'file:///tmp/evil/index.html', false],
    [fileApp, 'file://server/opt/Gloss/out/renderer/index.html', false],
    [fileApp, 'https://example.org/opt/Gloss/out/renderer/index.html', false],
    [fileApp, 'about:blank', false],
    [fileApp, 'garbage', false],
    [devApp, 'http://localhost:5173/', true],
    [devApp, 'http://localhost:5173/index.html?token=1', true],
    [devApp, 'http://localhost:5174/', false],
    [devApp, 'http://127.0.0.1:5173/', false],
    [devApp, 'https://localhost:5173/', false],
    [devApp, 'file:///opt/Gloss/out/renderer/index.html', false]
  ])('%o: %s → %s', (app, url, expected) => {
    expect(isAppUrl(url, app)).toBe(expected)
  })
})

describe('isTrustedSender', () => {
  const main: FrameRef = { processId: 4, routingId: 1, url: 'file:///opt/Gloss/out/renderer/index.html' }

  it.each<[string, FrameRef | null | undefined, FrameRef | null | undefined, boolean]>([
    ['the main frame on the app page', { ...main }, main, true],
    ['a subframe of the same window', { ...main, routingId: 7 }, main, false],
    ['a frame in another renderer process', { ...main, processId: 9 }, main, false],
    ['the main frame after navigating away', { ...main, url: 'https://example.org/' }, { ...main, url: 'https://example.org/' }, false],
    ['a destroyed frame (null)', null, main, false],
    ['a window without a main frame', { ...main }, null, false],
    ['no sender at all', undefined, undefined, false]
  ])('%s → %s', (_name, sender, mainFrame, expected) => {
    expect(isTrustedSender(sender, mainFrame, fileApp)).toBe(expected)
  })

  it('trusts the dev server page only while developing', () => {
    const devFrame = { processId: 4, routingId: 1, url: 'http://localhost:5173/' }
    expect(isTrustedSender(devFrame, devFrame, devApp)).toBe(true)
    expect(isTrustedSender(devFrame, devFrame, fileApp)).toBe(false)
  })
})

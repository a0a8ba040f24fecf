// The contract's method names and IPC channel names, without zod. The sandboxed
// preload bundles this file and nothing heavier: it only needs names, never schemas.
// contract.ts is typed `satisfies Record<MethodName, …>`, so a name missing from either
// fails the typecheck; channels.test.ts also checks the order.
export const METHOD_NAMES = [
  'library.current',
  'library.open',
  'library.chooseFolder',
  'library.openSample',
  'library.recent',
  'library.list',
  'library.position',
  'library.missing',
  'article.get',
  'article.opened',
  'article.setNote',
  'article.setProgress',
  'article.setTags',
  'highlight.create',
  'highlight.update',
  'highlight.delete',
  'highlight.reattach',
  'annotations.list',
  'annotations.removeMissing',
  'export.markdown',
  'export.defaults',
  'export.preview',
  'export.run',
  'import.annotations',
  'app.ready',
  'app.openLink',
  'app.saveStatus',
  'search.query',
  'prefs.get',
  'prefs.set',
  'history.undo',
  'history.redo',
  'history.state',
  'tags.list',
  'tags.rename',
  'tags.delete',
  'tags.mergePreview'
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

/** IPC channel for a method; one channel per method keeps the trusted-sender check simple. */
export const channelFor = (method: MethodName): string => `gloss:${method}`

/** Main → renderer channel carrying MenuCommand values (src/shared/events.ts). */
export const MENU_CHANNEL = 'gloss:menu'

/** Main → renderer channel carrying DataChange values (src/shared/events.ts): the core's change events. */
export const CHANGE_CHANNEL = 'gloss:changed'

/** Main → renderer channel carrying ScanProgress values (src/shared/events.ts). */
export const SCAN_PROGRESS_CHANNEL = 'gloss:scan-progress'

/**
 * What the preload exposes as window.gloss: one function per contract method, each
 * resolving to the same Result envelope the HTTP harness returns.
 */
export type GlossBridge = { readonly [M in MethodName]: (input: unknown) => Promise<import('./result').Result<unknown>> }

// Which folder may import which (docs/architecture.md, "Folders"). Checked by
// tests/unit/layering.test.ts on every `npm test`; `npx depcruise src` prints the same.
// Folders say where code runs:
//   src/shared    pure TypeScript, runs anywhere (renderer, preload, Node)
//   src/core      Node, Electron-free; layered fs → corpus → store → search → library → export/history → app
//                 (fs: file primitives every layer shares, e.g. the durable write)
//   src/electron  the desktop edge (electron-main only)
//   src/hosts     the CLI and the browser harness (Node, no Electron)
//   src/preload   the sandboxed bridge (electron + src/shared only)
//   src/renderer  the page (src/shared only)
const notTests = '(\\.test\\.tsx?$|/test-support/)'
const coreLayers = [
  ['fs', 'corpus|store|search|library|export|history|app'],
  ['corpus', 'store|search|library|export|history|app'],
  ['store', 'search|library|export|history|app'],
  ['search', 'library|export|history|app'],
  ['library', 'export|history|app'],
  ['export', 'history|app'],
  ['history', 'export|app']
]

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import circle hides which module owns what.', from: {}, to: { circular: true } },
    {
      name: 'electron-only-at-the-edge',
      severity: 'error',
      comment: 'Electron (even its types) is imported only in src/electron and src/preload; the CLI, the harness and the tests run without it.',
      from: { path: '^src/', pathNot: '^src/(electron|preload)/' },
      to: { path: '^electron($|/)' }
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'src/shared runs in the page, the preload and Node: it imports only src/shared and pure npm packages, no Node built-ins.',
      from: { path: '^src/shared/', pathNot: notTests },
      to: { pathNot: '^src/shared/|(^|/)node_modules/', dependencyTypesNot: ['type-only', 'core'] }
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: notTests },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'renderer-imports-shared-only',
      severity: 'error',
      comment: 'The page reaches the core through the contract (src/shared), never by import.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(core|electron|hosts|preload)/' }
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: notTests },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'preload-imports-shared-only',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^src/(core|electron|hosts|renderer)/' }
    },
    {
      name: 'core-is-electron-free-and-host-free',
      severity: 'error',
      comment: 'The core knows nothing of who hosts it.',
      from: { path: '^src/core/' },
      to: { path: '^src/(electron|hosts|preload|renderer)/' }
    },
    {
      name: 'hosts-are-not-electron',
      severity: 'error',
      from: { path: '^src/hosts/' },
      to: { path: '^src/(electron|preload|renderer)/' }
    },
    {
      name: 'electron-is-not-a-host',
      severity: 'error',
      from: { path: '^src/electron/' },
      to: { path: '^src/(hosts|preload|renderer)/' }
    },
    {
      name: 'core-ports-is-a-leaf',
      severity: 'error',
      comment: 'src/core/ports.ts describes what a host supplies (dialogs, folders): types only, imported by every layer.',
      from: { path: '^src/core/ports\\.ts$' },
      to: { path: '^src/' }
    },
    ...coreLayers.map(([layer, above]) => ({
      name: `core-${layer}-below-${above.replace(/\|/g, '-')}`,
      severity: 'error',
      comment: `src/core/${layer} sits below ${above.split('|').join(', ')}: it must not import them.`,
      from: { path: `^src/core/${layer}/`, pathNot: notTests },
      to: { path: `^src/core/(${above})/` }
    }))
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] }
  }
}

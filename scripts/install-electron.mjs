// Runs Electron's own binary installer, tolerating failure. npm 11 blocks dependency
// install scripts (package.json "allowScripts": {"electron": false}), so this root
// postinstall is what fetches the binary on a machine with internet. Where the download
// cannot happen (offline CI, locked-down networks) `npm install` must still succeed:
// the CLI, the browser harness and the tests do not need the binary.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const installer = path.join(root, 'node_modules', 'electron', 'install.js')
const TIMEOUT_MS = 180_000

function say(line) {
  console.log(`gloss: ${line}`)
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  say('ELECTRON_SKIP_BINARY_DOWNLOAD is set; the desktop window cannot start until Electron\'s binary is installed (node node_modules/electron/install.js).')
  process.exit(0)
}
if (!existsSync(installer)) process.exit(0)

const child = spawn(process.execPath, [installer], { cwd: path.dirname(installer), stdio: ['ignore', 'ignore', 'pipe'] })
let stderr = ''
child.stderr.on('data', (chunk) => {
  stderr += chunk
})
const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
child.on('close', (code, signal) => {
  clearTimeout(timer)
  if (code === 0) return
  const reason = signal
    ? `timed out after ${TIMEOUT_MS / 1000}s`
    : (stderr.split('\n').find((l) => /error/i.test(l)) ?? `exit code ${code}`).trim().slice(0, 160)
  say(`Electron's binary could not be downloaded (${reason}); the desktop window cannot start until it is installed (node node_modules/electron/install.js). CLI, browser harness and tests work without it.`)
})

// Renders resources/icon.svg (the one drawing of the icon) into what each system wants:
// PNGs at the Linux desktop's sizes (out/icons/<n>x<n>.png, also the window icon,
// out/icons/icon.png), macOS's icon.icns and Windows's icon.ico. Run by `npm run build`,
// so electron-builder (electron-builder.yml) and a window started from the repository
// find them; nothing generated is committed.
// @resvg/resvg-js renders SVG without a browser (its native binary comes from the npm
// registry); png2icons writes ICNS and ICO in plain JavaScript.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const ICON_SOURCE = path.join(root, 'resources', 'icon.svg')
export const ICON_DIR = path.join(root, 'out', 'icons')
/** The sizes a Linux desktop looks for (hicolor theme), and 1024 for macOS's largest. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** The SVG as a PNG `size` pixels square. */
export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng()
}

export async function renderIcons(outDir = ICON_DIR): Promise<string> {
  const svg = await readFile(ICON_SOURCE, 'utf8')
  await mkdir(outDir, { recursive: true })
  const pngs = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)] as const))
  const png = (size: number): Buffer => pngs.get(size)!
  for (const [size, png] of pngs) await writeFile(path.join(outDir, `${size}x${size}.png`), png)
  await writeFile(path.join(outDir, 'icon.png'), png(512))
  const icns = png2icons.createICNS(png(1024), png2icons.BICUBIC2, 0)
  // PNG chunks for the large sizes, BMP below 64 px as old Windows shells expect (forWinExe).
  const ico = png2icons.createICO(png(256), png2icons.BICUBIC2, 0, false, true)
  if (!icns || !ico) throw new Error('png2icons could not make icon.icns / icon.ico')
  await writeFile(path.join(outDir, 'icon.icns'), icns)
  await writeFile(path.join(outDir, 'icon.ico'), ico)
  return outDir
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now()
  const dir = await renderIcons()
  console.log(`icons: ${PNG_SIZES.length} PNGs, icon.icns and icon.ico in ${path.relative(root, dir)} (${Date.now() - started} ms)`)
}

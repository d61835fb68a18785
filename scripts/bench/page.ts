/**
 * `npm run bench:page`: how much JavaScript the viewer page (storefront/) costs a phone. Builds it
 * as `npm start` does, then prints each asset's size raw and gzipped (level 9), the JavaScript the
 * first page loads (the entry and what it preloads; lazy chunks such as checkout come later)
 * against the budget, and the same for a bare Vite + React app (one `<div>`) built the same way
 * in the same run, with the ratio. Exits 1 over budget. Settings: BENCH_PAGE_BUDGET_KIB (150).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { gzipSync } from "node:zlib"
import { buildViewerPage } from "../lib/viewer-page"

const ROOT = path.resolve(__dirname, "..", "..")
const BUDGET_KIB = Number(process.env.BENCH_PAGE_BUDGET_KIB || 150)

type Asset = { file: string; raw: number; gzip: number; firstPage: boolean }
type Measured = { assets: Asset[]; firstPageJs: number; buildMs: number }

async function main() {
  const out = await mkdtemp(path.join(os.tmpdir(), "bench-page-"))
  // The baseline's sources sit inside the project so they resolve react from its node_modules.
  const baselineRoot = path.join(ROOT, ".cache", "bench-page-baseline")
  try {
    const page = await measure(path.join(out, "viewer"))
    await writeBaseline(baselineRoot)
    const bare = await measure(path.join(out, "baseline"), baselineRoot)

    console.log(`bench:page: the viewer page (storefront/), production build, gzip -9`)
    report("viewer page", page)
    report("bare Vite + React (one <div>)", bare)
    const kib = (n: number) => (n / 1024).toFixed(1)
    console.log(
      `\nfirst page JS: ${kib(page.firstPageJs)} KiB gzipped, budget ${BUDGET_KIB} KiB (${((100 * page.firstPageJs) / (BUDGET_KIB * 1024)).toFixed(0)} %)` +
        `; bare baseline ${kib(bare.firstPageJs)} KiB; ratio ${(page.firstPageJs / bare.firstPageJs).toFixed(2)}×` +
        ` (+${kib(page.firstPageJs - bare.firstPageJs)} KiB for the page itself, js-sdk and socket.io-client)`
    )
    if (page.firstPageJs > BUDGET_KIB * 1024) {
      console.log("OVER BUDGET")
      process.exitCode = 1
    }
  } finally {
    await rm(out, { recursive: true, force: true })
    await rm(baselineRoot, { recursive: true, force: true })
  }
}

async function measure(outDir: string, root?: string): Promise<Measured> {
  const started = Date.now()
  await buildViewerPage(outDir, { root, logLevel: "silent" })
  const buildMs = Date.now() - started
  const html = await readFile(path.join(outDir, "index.html"), "utf8")
  // What the browser fetches for the first page: the entry script and its modulepreloads.
  const referenced = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]))
  const assets: Asset[] = []
  for (const name of (await readdir(path.join(outDir, "assets"))).sort()) {
    const body = await readFile(path.join(outDir, "assets", name))
    assets.push({ file: name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, firstPage: referenced.has(`assets/${name}`) })
  }
  const firstPageJs = assets.filter((a) => a.firstPage && a.file.endsWith(".js")).reduce((sum, a) => sum + a.gzip, 0)
  return { assets, firstPageJs, buildMs }
}

function report(name: string, m: Measured) {
  console.log(`\n${name} (built in ${(m.buildMs / 1000).toFixed(1)} s)`)
  console.log(`  ${"asset".padEnd(32)} ${"raw KiB".padStart(9)} ${"gzip KiB".padStart(9)}  loaded`)
  for (const a of m.assets) {
    const when = a.firstPage ? "first page" : "later (lazy)"
    console.log(`  ${a.file.padEnd(32)} ${(a.raw / 1024).toFixed(1).padStart(9)} ${(a.gzip / 1024).toFixed(1).padStart(9)}  ${when}`)
  }
}

async function writeBaseline(root: string) {
  await mkdir(path.join(root, "src"), { recursive: true })
  await writeFile(
    path.join(root, "index.html"),
    `<!doctype html><html><head><meta charset="UTF-8" /></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n`
  )
  await writeFile(
    path.join(root, "src", "main.tsx"),
    `import { createRoot } from "react-dom/client"\ncreateRoot(document.getElementById("root")!).render(<div>Hello</div>)\n`
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

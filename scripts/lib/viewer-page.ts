/**
 * The viewer page (storefront/): the demo storefront `npm start` builds with Vite and serves on
 * STOREFRONT_PORT, with `/config.json` telling it where the backend is. Not part of the plugin.
 */
import { readFile, stat } from "node:fs/promises"
import http from "node:http"
import path from "node:path"

const ROOT = path.resolve(__dirname, "..", "..")
export const STOREFRONT_DIR = path.join(ROOT, "storefront")

/** What the page reads from `/config.json` (storefront/src/config.ts). */
export type ViewerPageConfig = {
  backend_url: string
  publishable_key: string
  demo_customer?: { email: string; password: string }
}

/**
 * `vite build` of `root` (default: the storefront) into `outDir`, with the settings every build
 * of it uses (`npm start`, `npm run bench:page`). No config file: Vite would bundle one into a
 * temporary file beside it, which a read-only checkout cannot take.
 */
export async function buildViewerPage(outDir: string, { root = STOREFRONT_DIR, logLevel = "error" as "error" | "silent" } = {}) {
  const { build } = await import("vite")
  const { default: react } = await import("@vitejs/plugin-react")
  const contract = path.join(ROOT, "src", "realtime", "contract")
  await build({
    configFile: false,
    root,
    logLevel,
    publicDir: false,
    cacheDir: path.join(outDir, ".vite"),
    plugins: [react()],
    resolve: {
      // The shipped subpaths, from this repository's sources (a storefront of your own installs the package).
      alias: [
        { find: /^medusa-plugin-live-commerce\/store$/, replacement: path.join(contract, "store-api.ts") },
        { find: /^medusa-plugin-live-commerce\/realtime\/contract$/, replacement: path.join(contract, "index.ts") },
        { find: /^medusa-plugin-live-commerce\/(.*)$/, replacement: path.join(ROOT, "src", "$1") },
      ],
    },
    build: { outDir, emptyOutDir: true, target: "es2020", reportCompressedSize: false },
  })
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
}

/** Serves the built page and its `/config.json`; every other path gets `index.html` (hash routes). */
export function serveViewerPage(dir: string, port: number, config: ViewerPageConfig): Promise<http.Server> {
  const configJson = JSON.stringify(config)
  const server = http.createServer((req, res) => {
    void respond(dir, configJson, req, res).catch(() => {
      res.writeHead(500).end()
    })
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, () => resolve(server))
  })
}

async function respond(dir: string, configJson: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://localhost")
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end()
    return
  }
  if (url.pathname === "/config.json") {
    res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" }).end(configJson)
    return
  }
  const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""))
  const isAsset = file.startsWith(path.join(dir, "assets") + path.sep) && (await stat(file).catch(() => null))?.isFile()
  const target = isAsset ? file : path.join(dir, "index.html")
  const body = await readFile(target)
  res.writeHead(200, {
    "content-type": TYPES[path.extname(target)] ?? "application/octet-stream",
    // Vite names assets by content hash: they never change; the page itself always revalidates.
    "cache-control": isAsset ? "public, max-age=31536000, immutable" : "no-cache",
  })
  res.end(req.method === "HEAD" ? undefined : body)
}

/** `tsx scripts/lib/viewer-page.ts <outDir>`: the build alone, as `npm start` runs it (in a child process). */
if (require.main === module) {
  buildViewerPage(process.argv[2]).catch((err: Error) => {
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  })
}

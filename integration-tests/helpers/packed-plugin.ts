import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { runToCompletion } from "../../scripts/lib/processes"
import { ROOT } from "./launcher"

export type Packed = { tarball: string; files: string[] }

/**
 * The plugin as `npm publish` would ship it: `medusa plugin:build`, then `npm pack`. Built once per
 * test process (the e2e files run in one), since a build takes most of a minute on a small machine.
 */
export async function packedPlugin(): Promise<Packed> {
  const dir = path.join(os.tmpdir(), `live-pack-${process.pid}`)
  const marker = path.join(dir, "packed.json")
  if (existsSync(marker)) {
    return JSON.parse(readFileSync(marker, "utf8")) as Packed
  }
  mkdirSync(dir, { recursive: true })
  await runToCompletion("plugin:build", path.join(ROOT, "node_modules", ".bin", "medusa"), ["plugin:build"], { cwd: ROOT, echo: false })
  const [{ filename, files }] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: ROOT }).toString())
  const packed: Packed = { tarball: path.join(dir, filename), files: files.map((f: { path: string }) => f.path) }
  writeFileSync(marker, JSON.stringify(packed))
  return packed
}

import { mkdir, stat } from "node:fs/promises"
import path from "node:path"

/**
 * `mkdir -p` that fails instead of looping: Node's own `mkdir(dir, { recursive: true })`
 * spins forever on a path such as `/proc/live` (Node 20), where mkdir says ENOENT
 * although the parent exists. Creates each missing folder in turn, so the error is
 * the one for the first folder that cannot be made.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = []
  let current = path.resolve(dir)
  while (!(await isThere(current))) {
    missing.unshift(current)
    current = path.dirname(current)
  }
  for (const folder of missing) {
    await mkdir(folder).catch((err: NodeJS.ErrnoException) => {
      // Another process (a second `npm start`) made it meanwhile.
      if (err.code !== "EEXIST") {
        throw err
      }
    })
  }
  if (!(await stat(dir)).isDirectory()) {
    throw Object.assign(new Error(`${dir} is not a folder`), { code: "ENOTDIR" })
  }
}

async function isThere(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    // The root always "is there": stop climbing even if it cannot be read.
    () => path.dirname(file) === file
  )
}

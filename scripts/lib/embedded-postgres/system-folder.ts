import { chmod, lstat } from "node:fs/promises"
import path from "node:path"
import { makeFolder } from "../folders"

/**
 * Where, as root, goes what the `postgres` user must reach but cannot where the project
 * is (a clone in a folder only root can enter): a copy of the binaries and the cluster.
 * Root's own, every user may enter it, only root writes it; kept across reboots.
 */
export const SYSTEM_FOLDER = "/var/lib/medusa-live-commerce"

/** Makes `dir` (inside SYSTEM_FOLDER) and the folders between, each root's and mode 0755. */
export async function makeSystemFolder(dir: string): Promise<void> {
  const relative = path.relative(SYSTEM_FOLDER, dir)
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new Error(`${dir} is outside ${SYSTEM_FOLDER}`)
  }
  await makeFolder(dir)
  let folder = dir
  for (;;) {
    const info = await lstat(folder)
    // Refuse a folder someone else could have planted: we run PostgreSQL from here.
    if (!info.isDirectory() || info.uid !== 0) {
      throw Object.assign(new Error(`${folder} is not a folder of root's`), { code: "EPERM" })
    }
    // Ours: opened up explicitly, as root's umask may be 077.
    await chmod(folder, 0o755)
    if (folder === SYSTEM_FOLDER) {
      return
    }
    folder = path.dirname(folder)
  }
}

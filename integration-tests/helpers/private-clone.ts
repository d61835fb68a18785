import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { cp, mkdtemp, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { ROOT } from "./launcher"

export type Owner = { uid: number; gid: number }

export type PrivateClone = {
  /** The `mktemp -d` folder: mode 0700, only its owner may enter it. */
  home: string
  /** The project inside it. */
  app: string
  remove: () => Promise<void>
}

/**
 * This project as a new user has it after `git clone` and `npm ci`: in a fresh
 * `mktemp -d` folder (mode 0700) of root's, or of `owner`'s. The tracked files are
 * copied; node_modules is hard-linked (`cp -al`), which is fast and keeps every file's
 * mode while the folders above become private: the setting of issue #12.
 *
 * The linked files are shared with this worktree (and any it is linked with): they are
 * never chmod-ed or chown-ed here. For `owner` only the new folders change hands.
 */
export async function clonePrivately(owner?: Owner): Promise<PrivateClone> {
  const home = await mkdtemp(path.join(os.tmpdir(), "live-clone-"))
  const app = path.join(home, "app")
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT })
    .toString()
    .split("\0")
    .filter((file) => file && existsSync(path.join(ROOT, file)))
  for (const file of files) {
    await cp(path.join(ROOT, file), path.join(app, file), { verbatimSymlinks: true })
  }
  if (owner) {
    // Only copies so far: every file and folder under home is new.
    execFileSync("chown", ["-R", `${owner.uid}:${owner.gid}`, home])
  }
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(app, "node_modules")])
  if (owner) {
    execFileSync("find", [path.join(app, "node_modules"), "-type", "d", "-exec", "chown", `${owner.uid}:${owner.gid}`, "{}", "+"])
  }
  return { home, app, remove: () => rm(home, { recursive: true, force: true }) }
}

/** An unprivileged user to run as (made once, no login, no home), for tests run as root. */
export function unprivilegedUser(name = "livetest"): Owner {
  const lookUp = (): Owner | undefined => {
    try {
      const id = (flag: string) => Number(execFileSync("id", [flag, name], { stdio: "pipe" }).toString())
      return { uid: id("-u"), gid: id("-g") }
    } catch {
      return undefined
    }
  }
  const existing = lookUp()
  if (existing) {
    return existing
  }
  execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name])
  return lookUp()!
}

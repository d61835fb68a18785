import { execFileSync, spawnSync } from "node:child_process"
import { ExplainedFailure } from "./explain-failure"

/** Whom PostgreSQL's processes run as: `undefined` is ourselves (not root). */
export type RunAs = { uid: number; gid: number } | undefined

const NAME = "postgres"

/**
 * PostgreSQL refuses to run as root, so as root its processes run as the `postgres`
 * system user (Debian's PostgreSQL packages make it), created when missing: no login,
 * no home. As anyone else they run as ourselves and no system user is involved.
 */
export function whomPostgresRunsAs(): RunAs {
  if (process.getuid?.() !== 0) {
    return undefined
  }
  const existing = lookUp()
  if (existing) {
    return existing
  }
  try {
    // The group may outlive a removed PostgreSQL package: join it rather than fail.
    const group = groupExists() ? ["--gid", NAME] : ["--user-group"]
    execFileSync(
      "useradd",
      ["--system", ...group, "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", NAME],
      { stdio: "pipe" }
    )
  } catch (err) {
    const made = lookUp() // by a second `npm start`, meanwhile
    if (made) {
      return made
    }
    const detail = String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim()
    throw new ExplainedFailure(
      `embedded PostgreSQL: as root it must run as the "postgres" user, which could not be created (${detail}): ` +
        "create it (useradd --system postgres), run npm start as an ordinary user, or set DATABASE_URL to use your own PostgreSQL"
    )
  }
  return lookUp()!
}

function lookUp(): RunAs {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, NAME], { stdio: "pipe" }).toString().trim())
    return { uid: id("-u"), gid: id("-g") }
  } catch {
    return undefined
  }
}

function groupExists(): boolean {
  return spawnSync("getent", ["group", NAME], { stdio: "ignore" }).status === 0
}

/**
 * Whether `runAs` can enter the folder `dir` (every folder above it included). Asks the
 * kernel, by running `test -x` as that user, rather than guessing from mode bits: ACLs,
 * group membership and mount options all count.
 */
export function canEnter(runAs: RunAs, dir: string): boolean {
  return succeeds("/bin/sh", ["-c", 'test -d "$1" -a -x "$1"', "sh", dir], runAs)
}

/** Whether `runAs` can run the PostgreSQL binary at `binary` (and load its libraries). */
export function canRun(runAs: RunAs, binary: string): boolean {
  return succeeds(binary, ["--version"], runAs)
}

function succeeds(command: string, args: string[], runAs: RunAs): boolean {
  // cwd "/": our own working folder may be one the other user cannot enter.
  return spawnSync(command, args, { ...runAs, cwd: "/", stdio: "ignore", timeout: 10_000 }).status === 0
}

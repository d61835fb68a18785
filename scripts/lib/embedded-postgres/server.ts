import { spawn, type ChildProcess } from "node:child_process"
import type { RunAs } from "./system-user"

type Server = { postgres: string; dataDir: string; port: number; runAs: RunAs; locale: string }

const READY = "database system is ready to accept connections"
const READY_WITHIN_MS = 60_000

/**
 * Runs the server binary ourselves rather than through the library: as `runAs`, and in
 * its own process group, so a terminal's Ctrl-C reaches only the launcher, which stops
 * Medusa first and the database last. Rejects with the end of the server's log if it
 * exits, cannot be run, or is not ready in time (then it is stopped).
 */
export async function startServer({ postgres, dataDir, port, runAs, locale }: Server): Promise<ChildProcess> {
  const child = spawn(
    postgres,
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    {
      ...runAs,
      cwd: "/", // our working folder may be one the postgres user cannot enter
      env: { ...process.env, LC_MESSAGES: locale },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    }
  )
  // If the launcher dies without stopping it, do not leave an orphan holding the port.
  const stopOnExit = () => child.kill("SIGINT")
  process.once("exit", stopOnExit)

  let log = ""
  try {
    await new Promise<void>((resolve, reject) => {
      // The listener stays: the log keeps being drained, so the pipe never fills.
      child.stderr!.on("data", (chunk: Buffer) => {
        log = (log + chunk.toString("utf8")).slice(-4000)
        if (log.includes(READY)) {
          resolve()
        }
      })
      child.once("exit", (code, signal) => reject(new Error(`postgres exited (${signal ?? `exit ${code}`}): ${log}`)))
      child.once("error", reject)
      setTimeout(() => reject(new Error(`postgres not ready after ${READY_WITHIN_MS} ms: ${log}`)), READY_WITHIN_MS).unref()
    })
  } catch (err) {
    await stopServer(child)
    process.removeListener("exit", stopOnExit)
    throw err
  }
  return child
}

/** Fast shutdown (SIGINT): rolls back open transactions, checkpoints, exits. Nothing committed is lost. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  child.kill("SIGINT")
  const timer = setTimeout(() => child.kill("SIGQUIT"), 20_000)
  await exited
  clearTimeout(timer)
}

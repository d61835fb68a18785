import { spawn, type ChildProcess } from "node:child_process"
import readline from "node:readline"

export type Child = {
  name: string
  process: ChildProcess
  /** Resolves with the exit code once the child and its process group are gone. */
  exited: Promise<number | null>
}

type SpawnOptions = {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Called for every output line (after it is printed). */
  onLine?: (line: string) => void
  /** Print the child's output (prefixed with its name). */
  echo?: boolean
}

/**
 * Spawns a child in its own process group so that stopping it also stops
 * whatever it forked (`medusa develop` runs the server in a child of its own).
 */
export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const prefix = `[${name}] `
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream! }).on("line", (line) => {
      if (options.echo !== false) {
        process.stdout.write(prefix + line + "\n")
      }
      options.onLine?.(line)
    })
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code))
    child.once("error", () => resolve(-1))
  })
  return { name, process: child, exited }
}

/**
 * Runs a command to completion; rejects with its last output lines when it fails.
 * `onStart` gets the child while it runs (to stop it, say, on Ctrl-C).
 */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { onStart?: (child: Child) => void } = {}
): Promise<string[]> {
  const lines: string[] = []
  const child = startChild(name, command, args, {
    ...options,
    onLine: (line) => {
      lines.push(line)
      options.onLine?.(line)
    },
  })
  options.onStart?.(child)
  const code = await child.exited
  if (code !== 0) {
    const tail = lines.slice(-15).join("\n")
    throw new Error(`${name} failed (exit ${code}):\n${tail}`)
  }
  return lines
}

/** SIGTERM to the child's whole group, SIGKILL after `graceMs` if it is still there. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  const pid = child.process.pid
  if (!pid || child.process.exitCode !== null || child.process.signalCode !== null) {
    killGroup(pid, "SIGKILL")
    return
  }
  killGroup(pid, "SIGTERM")
  const timer = setTimeout(() => killGroup(pid, "SIGKILL"), graceMs)
  await child.exited
  clearTimeout(timer)
  // The leader may exit before the rest of its group: make sure nothing is left.
  killGroup(pid, "SIGKILL")
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) {
    return
  }
  try {
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Polls `url` every `intervalMs` until it answers 200, or rejects after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, failed?: Promise<unknown>, intervalMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let stop = false
  failed?.then(() => (stop = true))
  while (Date.now() < deadline && !stop) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (res.ok) {
        return
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error(stop ? `${url}: the process exited before it was ready` : `${url} not ready after ${timeoutMs} ms`)
}

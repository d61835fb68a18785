import { spawn, type ChildProcess } from "node:child_process"
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises"
import net from "node:net"
import path from "node:path"

export const ROOT = path.resolve(__dirname, "..", "..")

/** A free TCP port on loopback (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type Ports = { medusa: number; realtime: number; postgres: number; storefront: number }

/** Free ports for Medusa, the sidecar, the embedded PostgreSQL and the viewer page. */
export async function freePorts(): Promise<Ports> {
  return { medusa: await freePort(), realtime: await freePort(), postgres: await freePort(), storefront: await freePort() }
}

/**
 * `npm start`'s environment on these ports, with the embedded PostgreSQL and no Redis;
 * data in `dataDir`, or without one in the project's default `.data`.
 */
export function embeddedEnv(ports: Ports, dataDir = ""): NodeJS.ProcessEnv {
  return {
    LIVE_DATA_DIR: dataDir,
    PORT: String(ports.medusa),
    REALTIME_PORT: String(ports.realtime),
    EMBEDDED_PG_PORT: String(ports.postgres),
    STOREFRONT_PORT: String(ports.storefront),
    DATABASE_URL: "",
    REDIS_URL: "",
  }
}

/**
 * A data folder the embedded PostgreSQL can use: when tests run as root the
 * server runs as the "postgres" user, which must be able to traverse it.
 */
export async function makeDataDir(): Promise<string> {
  const dir = await mkdtemp("/var/tmp/live-e2e-")
  await chmod(dir, 0o755)
  return dir
}

export type Launched = {
  process: ChildProcess
  output: () => string
  stderr: () => string
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>
  /**
   * Resolves once every process writing to our pipes is gone (npm re-raises the
   * signal it got, so its own exit status says little; the launcher's log says the rest).
   */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends `signal` to the whole process group, as a terminal's Ctrl-C does. */
  signal: (signal: NodeJS.Signals) => void
}

type LaunchOptions = {
  /** The project to start (default: this one). */
  cwd?: string
  /** Start it as this user rather than as ourselves. */
  as?: { uid: number; gid: number }
}

/** Runs the README's first command (`npm start`) with the given environment. */
export function launch(env: NodeJS.ProcessEnv, { cwd = ROOT, as }: LaunchOptions = {}): Launched {
  const child = spawn("npm", ["start", "--silent"], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    ...as,
  })
  let out = ""
  let err = ""
  const waiters: Array<() => void> = []
  const onData = () => waiters.forEach((w) => w())
  child.stdout!.on("data", (d) => ((out += d.toString()), onData()))
  child.stderr!.on("data", (d) => ((err += d.toString()), onData()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => (onData(), resolve({ code, signal })))
  )

  return {
    process: child,
    output: () => out,
    stderr: () => err,
    exited,
    signal: (signal) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // already gone
      }
    },
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = (out + err).match(pattern)
          if (match) {
            cleanup()
            resolve(match)
          } else if (child.exitCode !== null) {
            cleanup()
            reject(new Error(`exited (${child.exitCode}) before ${pattern}:\n${(out + err).slice(-3000)}`))
          }
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${(out + err).slice(-3000)}`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.splice(waiters.indexOf(check), 1)
        }
        waiters.push(check)
        check()
      }),
  }
}

/** Ctrl-C (or SIGTERM) stopped everything in order, and nothing failed. */
export function expectCleanStop(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  sent: NodeJS.Signals,
  output: string
) {
  // npm exits by re-raising the signal it was sent; anything else is a crash.
  expect(exit.code === 0 || exit.signal === sent).toBe(true)
  expect(output).toContain(`[live] ${sent}: stopping`)
  expect(output).toContain("[live] embedded PostgreSQL stopped")
  expect(output).not.toContain("[live] error")
}

/**
 * A browser test's stack, stopped with Ctrl-C and checked to stop cleanly, its data folder removed.
 * With E2E_OUTPUT_FILE set, the stack's output (Medusa, the Admin build, the sidecar, the viewer
 * page) is kept there, for a failed run.
 */
export async function stopStack(app: Launched | undefined, dataDir: string): Promise<void> {
  if (process.env.E2E_OUTPUT_FILE && app) {
    await writeFile(process.env.E2E_OUTPUT_FILE, app.output())
  }
  if (app) {
    app.signal("SIGINT")
    expectCleanStop(await app.exited, "SIGINT", app.output())
  }
  await rm(dataDir, { recursive: true, force: true })
}

/** True while something accepts connections on the port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })
}

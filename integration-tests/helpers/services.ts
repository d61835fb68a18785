import net from "node:net"
import path from "node:path"
import { startChild, stopChild, type Child } from "../../scripts/lib/processes"
import { ROOT } from "./launcher"

export { freePort } from "./launcher"

/** Our own throwaway redis-server (so a test may kill and restart it), persisting nothing. */
export async function startRedis(port: number): Promise<Child> {
  const child = startChild("redis", "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    echo: false,
  })
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end()
        resolve(true)
      })
      socket.once("error", () => resolve(false))
    })
    if (up) {
      return child
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`redis-server did not start on ${port}`)
}

export type SidecarProcess = { child: Child; url: string; stop: () => Promise<void> }

/** The sidecar as its own process (`npm run realtime`), on a port of its choosing; `onLine` sees its output. */
export async function startSidecarProcess(env: Record<string, string>, onLine?: (line: string) => void): Promise<SidecarProcess> {
  let resolveUrl: (url: string) => void
  const url = new Promise<string>((resolve) => (resolveUrl = resolve))
  const lines: string[] = []
  const child = startChild("realtime", path.join(ROOT, "node_modules/.bin/tsx"), ["src/realtime/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, REALTIME_PORT: "0", REALTIME_HOST: "127.0.0.1", ...env },
    echo: false,
    onLine: (line) => {
      lines.push(line)
      onLine?.(line)
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(line)
      if (match) {
        resolveUrl(match[1])
      }
    },
  })
  const ready = await Promise.race([
    url,
    child.exited.then((code) => {
      throw new Error(`sidecar exited (${code}):\n${lines.join("\n")}`)
    }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`sidecar not up in 30 s:\n${lines.join("\n")}`)), 30_000)),
  ])
  // Ready once it also subscribed to its transport.
  const deadline = Date.now() + 10_000
  while (!lines.some((l) => l.includes("receiving lot events")) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
  }
  return { child, url: ready, stop: () => stopChild(child, 5000) }
}

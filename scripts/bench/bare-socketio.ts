/**
 * The baseline for bench:fanout: a bare Socket.io server (same version, websocket only) that
 * broadcasts a timestamped event at a fixed rate to everyone. Run as a child process; it says
 * `port <n>` when listening, broadcasts on `start <rate> <seconds>`, answers `rss` and `cpu`
 * (seconds used) with its own figures.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { Server } from "socket.io"

const http = createServer()
const io = new Server(http, { transports: ["websocket"], serveClient: false })
io.on("connection", (socket) => {
  ;(socket.conn as unknown as { request: unknown }).request = null
})

http.listen(0, "127.0.0.1", () => process.send!(`port ${(http.address() as AddressInfo).port}`))

process.on("message", (message: string) => {
  const [command, a, b] = message.split(" ")
  if (command === "rss") {
    process.send!(`rss ${process.memoryUsage().rss}`)
  } else if (command === "cpu") {
    const { user, system } = process.cpuUsage()
    process.send!(`cpu ${(user + system) / 1e6}`)
  } else if (command === "start") {
    const rate = Number(a)
    const total = Math.round(rate * Number(b))
    const started = performance.now()
    let seq = 0
    const tick = () => {
      seq++
      io.emit("tick", { seq, prev_seq: seq - 1, server_time: new Date().toISOString(), price: seq })
      if (seq < total) {
        setTimeout(tick, Math.max(0, started + (seq * 1000) / rate - performance.now()))
      } else {
        process.send!("done")
      }
    }
    tick()
  } else if (command === "stop") {
    io.close()
    process.exit(0)
  }
})

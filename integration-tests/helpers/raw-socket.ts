import WebSocket from "ws"

/**
 * A Socket.IO client speaking the protocol itself over `ws` (Engine.IO v4, Socket.IO v5), for
 * hostile tests: it sends any argument list as it is, and sees every ack packet, so a test can
 * tell one answer from two, and a disconnect by the server from silence.
 */
export type RawSocket = {
  /** Sends `event` with `args` and an ack id; resolves with the first answer, rejects after `timeoutMs`. */
  call: (event: string | number, args: unknown[], timeoutMs?: number) => Promise<{ id: number; answer: unknown }>
  /** Sends `event` with `args` and no ack id: a call that cannot be answered. */
  send: (event: string, args: unknown[]) => void
  /** Sends a text frame as it is. */
  sendFrame: (text: string) => void
  /** How many answers arrived for the call with this ack id. */
  answers: (id: number) => number
  /** Why the server ended the connection, if it did: a Socket.IO disconnect packet, or the transport's close code. */
  endedByServer: () => string | null
  /** Resolves when the connection is closed, however. */
  closed: Promise<void>
  close: () => void
}

/** Connects to the main namespace, with a Medusa token when given (`auth: { token }`). */
export function rawSocket(base: string, token?: string): Promise<RawSocket> {
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false })
  const acks = new Map<number, unknown[]>()
  const waiting = new Map<number, (answer: unknown) => void>()
  let nextId = 0
  let closing = false
  let ended: string | null = null
  const closed = new Promise<void>((resolve) =>
    ws.once("close", (code) => {
      ended ??= closing ? null : `transport closed (${code})`
      resolve()
    })
  )

  return new Promise((resolve, reject) => {
    ws.once("error", reject)
    ws.on("message", (raw: Buffer) => {
      const text = raw.toString()
      if (text === "2") {
        ws.send("3") // Engine.IO ping → pong
      } else if (text.startsWith("0")) {
        ws.send(`40${token ? JSON.stringify({ token }) : ""}`) // open → connect to the main namespace
      } else if (text.startsWith("40")) {
        resolve(socket)
      } else if (text.startsWith("41")) {
        ended = "disconnect packet"
      } else if (text.startsWith("43")) {
        const match = /^43(\d+)(.*)$/s.exec(text)!
        const id = Number(match[1])
        const answer = (JSON.parse(match[2]) as unknown[])[0]
        acks.set(id, [...(acks.get(id) ?? []), answer])
        waiting.get(id)?.(answer)
        waiting.delete(id)
      }
    })

    const socket: RawSocket = {
      call: (event, args, timeoutMs = 2000) => {
        const id = nextId++
        ws.send(`42${id}${JSON.stringify([event, ...args])}`)
        return new Promise((done, fail) => {
          const timer = setTimeout(() => {
            waiting.delete(id)
            fail(new Error(`no answer to ${JSON.stringify(event).slice(0, 40)} within ${timeoutMs} ms`))
          }, timeoutMs)
          waiting.set(id, (answer) => {
            clearTimeout(timer)
            done({ id, answer })
          })
        })
      },
      send: (event, args) => ws.send(`42${JSON.stringify([event, ...args])}`),
      sendFrame: (text) => ws.send(text),
      answers: (id) => acks.get(id)?.length ?? 0,
      endedByServer: () => ended,
      closed,
      close: () => {
        closing = true
        ws.close()
      },
    }
  })
}

import { useEffect, useState } from "react"
import { clock } from "../format"

/**
 * Time left until `endsAt` by the server's clock (`Date.now() + clockOffset`), so a phone whose
 * clock is off still shows the real end. A soft-close extension simply moves `endsAt`.
 */
export function Countdown({ endsAt, clockOffset, running }: { endsAt: string | null; clockOffset: number; running: boolean }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) {
      return
    }
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [running])
  if (!endsAt) {
    return null
  }
  const left = Date.parse(endsAt) - (now + clockOffset)
  return (
    <span className={left < 10_000 && running ? "countdown urgent" : "countdown"} data-testid="countdown" aria-label="Time left">
      {running ? clock(left) : "0:00"}
    </span>
  )
}

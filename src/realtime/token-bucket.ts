/**
 * A token bucket: `burst` tokens to start with, refilled at `perSecond`, never above `burst`.
 * A short burst passes at once; the sustained rate is capped.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    now = Date.now()
  ) {
    this.tokens = burst
    this.refilledAt = now
  }

  /** Takes a token if there is one (returns 0); otherwise returns the ms until the next one. */
  take(now = Date.now()): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000)
    this.refilledAt = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return 0
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond)
  }
}

import { TokenBucket } from "../token-bucket"

describe("TokenBucket", () => {
  it("lets a burst through at once, then the sustained rate, and says how long to wait", () => {
    const bucket = new TokenBucket(10, 3, 0)
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 0])
    expect(bucket.take(0)).toBe(100) // the next token in 1/10 s
    expect(bucket.take(50)).toBe(50)
    expect(bucket.take(100)).toBe(0)
    // Idle for a long time: saves up no more than the burst.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([0, 0, 0, 100])
  })
})

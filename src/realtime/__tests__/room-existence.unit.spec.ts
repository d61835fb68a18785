import { createRoomExistence, type ExistenceLookup } from "../room-existence"
import type { StreamRoomIds } from "../transport/outbox-reader"

const lot = (id: string) => ({ kind: "auction" as const, id })
const show = (id: string) => ({ kind: "show" as const, id })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A lookup over a fixed set of rooms that records each call. */
function database(existing: StreamRoomIds) {
  const calls: StreamRoomIds[] = []
  const lookup: ExistenceLookup = async (ids) => {
    calls.push(ids)
    return { auction: ids.auction.filter((id) => existing.auction.includes(id)), show: ids.show.filter((id) => existing.show.includes(id)) }
  }
  return { calls, lookup }
}

describe("createRoomExistence", () => {
  it("answers the checks of one window with one lookup of their distinct ids", async () => {
    const db = database({ auction: ["auc_1"], show: ["show_1"] })
    const existence = createRoomExistence(db.lookup, { windowMs: 10 })
    const answers = await Promise.all([
      existence.check(lot("auc_1")),
      existence.check(lot("auc_1")),
      existence.check(lot("auc_nope")),
      existence.check(show("show_1")),
      existence.check(show("show_nope")),
    ])
    expect(answers).toEqual(["exists", "exists", "missing", "exists", "missing"])
    expect(db.calls).toEqual([{ auction: ["auc_1", "auc_nope"], show: ["show_1", "show_nope"] }])
  })

  it("remembers what it found for minutes and what it did not for seconds", async () => {
    const db = database({ auction: ["auc_1"], show: [] })
    const existence = createRoomExistence(db.lookup, { windowMs: 5, missingTtlMs: 50 })
    await Promise.all([existence.check(lot("auc_1")), existence.check(lot("auc_2"))])
    expect(await existence.check(lot("auc_1"))).toBe("exists")
    expect(await existence.check(lot("auc_2"))).toBe("missing")
    expect(db.calls).toHaveLength(1)
    await sleep(60)
    expect(await existence.check(lot("auc_1"))).toBe("exists")
    expect(await existence.check(lot("auc_2"))).toBe("missing")
    expect(db.calls).toHaveLength(2)
    expect(db.calls[1]).toEqual({ auction: ["auc_2"], show: [] })
  })

  it("answers unavailable when the lookup hangs or fails, caches nothing then, and runs one lookup at a time", async () => {
    let calls = 0
    let fail = true
    const logged: string[] = []
    const existence = createRoomExistence(
      (ids) => {
        calls++
        return fail ? new Promise<StreamRoomIds>(() => undefined) : Promise.resolve(ids)
      },
      { windowMs: 5, timeoutMs: 50 },
      (m) => logged.push(m)
    )
    const started = Date.now()
    const first = existence.check(lot("auc_1"))
    await sleep(20)
    const second = existence.check(lot("auc_2")) // waits for the hanging lookup to be abandoned
    expect(await first).toBe("unavailable")
    expect(calls).toBe(1)
    expect(await second).toBe("unavailable")
    expect(calls).toBe(2)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(logged[0]).toMatch(/no answer within 50 ms/)
    fail = false
    expect(await existence.check(lot("auc_1"))).toBe("exists")
  })

  it("sheds checks beyond its queue, and splits a large batch", async () => {
    const db = database({ auction: [], show: [] })
    const existence = createRoomExistence(db.lookup, { windowMs: 5, maxBatch: 2, maxQueued: 3 })
    const answers = await Promise.all(["auc_1", "auc_2", "auc_3", "auc_4"].map((id) => existence.check(lot(id))))
    expect(answers).toEqual(["missing", "missing", "missing", "unavailable"])
    expect(db.calls.map((c) => c.auction)).toEqual([["auc_1", "auc_2"], ["auc_3"]])
  })

  it("answers what waits unavailable when closed", async () => {
    const db = database({ auction: ["auc_1"], show: [] })
    const existence = createRoomExistence(db.lookup, { windowMs: 1000 })
    const waiting = existence.check(lot("auc_1"))
    existence.close()
    expect(await waiting).toBe("unavailable")
    expect(db.calls).toHaveLength(0)
  })
})

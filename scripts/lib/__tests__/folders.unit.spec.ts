import { mkdtemp, rm, stat } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { makeFolder } from "../folders"

describe("makeFolder", () => {
  let scratch: string

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "live-folders-"))
  })

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it("should make the missing folders, and accept one that is there", async () => {
    const deep = path.join(scratch, "a", "b", "c")
    await makeFolder(deep)
    await makeFolder(deep)
    expect((await stat(deep)).isDirectory()).toBe(true)
  })

  it("should fail, not spin, where a folder cannot be (Node's recursive mkdir loops on /proc)", async () => {
    await expect(makeFolder("/proc/live/data")).rejects.toMatchObject({ code: "ENOENT" })
  })

  it("should fail under a file", async () => {
    await expect(makeFolder(path.join(__filename, "data"))).rejects.toMatchObject({ code: "ENOTDIR" })
  })
})

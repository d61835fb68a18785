import { chooseClusterFolder, movedClusterFolder, type ClusterChoice } from "../cluster-folder"

type Row = [wantedReachable: boolean, wantedHasCluster: boolean, movedHasCluster: boolean, chosenByUser: boolean, expected: ClusterChoice]

describe("chooseClusterFolder (as root)", () => {
  it.each<Row>([
    // The postgres user reaches the folder: it is used, cluster or not (an ordinary clone, a shared LIVE_DATA_DIR).
    [true, false, false, false, "wanted"],
    [true, true, false, false, "wanted"],
    [true, false, false, true, "wanted"],
    // Our default in a private folder: the cluster moves, and is found there on every later start.
    [false, false, false, false, "moved"],
    [false, false, true, false, "moved"],
    // The folder became reachable later (chmod, moved clone): the data already made is kept.
    [true, false, true, false, "moved"],
    // Both hold a cluster: the one where it was asked for wins.
    [true, true, true, false, "wanted"],
    // A folder the user named and the postgres user cannot enter: theirs to change, never moved.
    [false, false, false, true, "unreachable"],
    [false, true, false, true, "unreachable"],
  ])("reachable %s, cluster there %s, moved cluster %s, chosen by user %s: %s", (wantedReachable, wantedHasCluster, movedHasCluster, chosenByUser, expected) => {
    expect(chooseClusterFolder({ wantedReachable, wantedHasCluster, movedHasCluster, chosenByUser })).toBe(expected)
  })
})

describe("movedClusterFolder", () => {
  it("should give every project folder its own stand-in, the same on every start", () => {
    const a = movedClusterFolder("/root/app/.data/postgres")
    expect(a).toMatch(/^\/var\/lib\/medusa-live-commerce\/data\/[0-9a-f]{16}$/)
    expect(movedClusterFolder("/root/app/.data/../.data/postgres")).toBe(a)
    expect(movedClusterFolder("/root/other/.data/postgres")).not.toBe(a)
  })
})

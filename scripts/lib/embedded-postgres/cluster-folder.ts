import { createHash } from "node:crypto"
import { existsSync } from "node:fs"
import path from "node:path"
import { makeFolder } from "../folders"
import { ExplainedFailure } from "./explain-failure"
import { SYSTEM_FOLDER, makeSystemFolder } from "./system-folder"
import { canEnter, type RunAs } from "./system-user"

type Situation = {
  /** The `postgres` user can enter the folder the cluster should be in. */
  wantedReachable: boolean
  wantedHasCluster: boolean
  /** A cluster in the stand-in folder under SYSTEM_FOLDER, from an earlier start. */
  movedHasCluster: boolean
  /** The folder comes from LIVE_DATA_DIR rather than our default. */
  chosenByUser: boolean
}

export type ClusterChoice = "wanted" | "moved" | "unreachable"

/**
 * As root, where the cluster lives. An existing cluster is kept wherever it is, so data
 * survives restarts (and a folder that became reachable later does not hide it). A new
 * one goes where it was asked for when the `postgres` user can reach that; else our
 * default moves under SYSTEM_FOLDER, while a folder the user named is their call to fix.
 */
export function chooseClusterFolder(s: Situation): ClusterChoice {
  if (s.wantedReachable && s.wantedHasCluster) {
    return "wanted"
  }
  if (s.movedHasCluster) {
    return "moved"
  }
  if (s.wantedReachable) {
    return "wanted"
  }
  return s.chosenByUser ? "unreachable" : "moved"
}

/** The stand-in for `wanted` under SYSTEM_FOLDER: one per project folder, found again on every start. */
export function movedClusterFolder(wanted: string): string {
  const key = createHash("sha256").update(path.resolve(wanted)).digest("hex").slice(0, 16)
  return path.join(SYSTEM_FOLDER, "data", key)
}

/** Where the cluster for `wanted` lives, as `runAs` (see chooseClusterFolder). */
export async function placeCluster(wanted: string, chosenByUser: boolean, runAs: RunAs): Promise<string> {
  if (!runAs) {
    return wanted // not root: the server runs as ourselves, who made the folder
  }
  const moved = movedClusterFolder(wanted)
  await makeFolder(path.dirname(wanted))
  const choice = chooseClusterFolder({
    wantedReachable: canEnter(runAs, path.dirname(wanted)),
    wantedHasCluster: existsSync(path.join(wanted, "PG_VERSION")),
    movedHasCluster: existsSync(path.join(moved, "PG_VERSION")),
    chosenByUser,
  })
  if (choice === "unreachable") {
    throw new ExplainedFailure(
      `embedded PostgreSQL: as root it runs as the "postgres" user, which cannot enter ${path.dirname(wanted)}: ` +
        "set LIVE_DATA_DIR to a folder every user can enter (e.g. /var/lib/live-commerce), " +
        "or unset it (npm start then keeps the database where that user can reach it)"
    )
  }
  if (choice === "wanted") {
    return wanted
  }
  await makeSystemFolder(path.dirname(moved)).catch((err: NodeJS.ErrnoException) => {
    throw new ExplainedFailure(
      `embedded PostgreSQL: the "postgres" user cannot enter ${path.dirname(wanted)}, and ${path.dirname(moved)} ` +
        `could not be made for it (${err.code ?? err.message}): set LIVE_DATA_DIR to a folder every user can enter, ` +
        "or set DATABASE_URL to use your own PostgreSQL"
    )
  })
  return moved
}

import { constants } from "node:fs"
import { access } from "node:fs/promises"
import { makeFolder } from "./folders"

/**
 * Makes the data folder (`LIVE_DATA_DIR`, default `.data`) if needed and checks we can
 * write there, before anything is started: otherwise one line saying what to do.
 */
export async function ensureDataFolder(dir: string): Promise<void> {
  try {
    await makeFolder(dir)
    await access(dir, constants.W_OK | constants.X_OK)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new Error(
      `LIVE_DATA_DIR: cannot keep data in ${dir} (${code}): set LIVE_DATA_DIR to a folder you can write, ` +
        "or unset it to keep the data in the project's .data folder"
    )
  }
}

import { randomBytes } from "node:crypto"
import { mkdir, readFile, writeFile } from "node:fs/promises"
import path from "node:path"

export type LocalSecrets = { jwtSecret: string; cookieSecret: string }

/**
 * Secrets for the local app, made once and kept in the data folder so that
 * logins survive restarts and the realtime sidecar verifies the same tokens.
 */
export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json")
  try {
    return JSON.parse(await readFile(file, "utf8"))
  } catch {
    const secrets = {
      jwtSecret: randomBytes(32).toString("hex"),
      cookieSecret: randomBytes(32).toString("hex"),
    }
    await mkdir(dataDir, { recursive: true })
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
    return secrets
  }
}

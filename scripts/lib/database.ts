import { Client } from "pg"

/** Parses and checks a PostgreSQL URL, returning one line that says what to fix on failure. */
export async function checkDatabaseUrl(url: string, variable = "DATABASE_URL"): Promise<void> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`${variable} is not a URL (expected postgres://user:password@host:5432/database)`)
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new Error(`${variable} must start with postgres:// (got ${parsed.protocol}//)`)
  }
  const database = decodeURIComponent(parsed.pathname.slice(1))
  if (!database) {
    throw new Error(`${variable} names no database (add /<name> after the host)`)
  }

  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query("select 1")
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.code === "3D000") {
      // The server is fine, the database is not there yet: create it.
      await createDatabase(url, database)
      return
    }
    throw new Error(
      `${variable}: cannot connect to ${parsed.hostname}:${parsed.port || 5432} (${e.code ?? ""} ${e.message}). ` +
        "Fix DATABASE_URL, or unset it to use the embedded PostgreSQL."
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Creates `database` on the server behind `url` unless it exists. */
export async function createDatabase(url: string, database: string): Promise<void> {
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
    if (!rowCount) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

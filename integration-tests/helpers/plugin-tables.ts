type Sql = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

/**
 * A fingerprint of every row of the plugin's tables (`live_*`): equal before and after means
 * nothing was written, whatever the table.
 */
export async function pluginTablesChecksum(db: Sql): Promise<Record<string, string>> {
  const { rows: tables } = await db.raw(
    "select tablename from pg_tables where schemaname = current_schema() and tablename like 'live\\_%' order by tablename"
  )
  const sums: Record<string, string> = {}
  for (const { tablename } of tables) {
    const { rows } = await db.raw(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${tablename}" t`
    )
    sums[tablename] = `${rows[0].n} rows, ${rows[0].sum}`
  }
  return sums
}

/** Waits until the relay has published every outbox event (it runs in the background after a change). */
export async function outboxPublished(db: Sql, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await db.raw("select count(*)::int as n from live_auction_event where published_at is null")
    if (rows[0].n === 0) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`${rows[0].n} outbox events still unpublished after ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

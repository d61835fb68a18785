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

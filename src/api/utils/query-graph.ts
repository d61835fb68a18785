import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type Row = Record<string, any>
type Read = {
  entity: string
  fields: string[]
  filters: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, unknown> }
  /** bigNumber columns, returned as plain numbers (prices are decimals in the currency's main unit). */
  money?: string[]
}

/** A page of records through Query, with their count. */
export async function queryList(scope: MedusaContainer, { entity, fields, filters, pagination, money = [] }: Read) {
  const { data, metadata } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters, pagination })
  const rows = (data as Row[]).map((row) => withNumbers(row, money))
  return { rows, count: metadata?.count ?? rows.length }
}

/** One record through Query, or a 404 naming it. */
export async function queryOne(scope: MedusaContainer, read: Omit<Read, "pagination">, label: string): Promise<Row> {
  const { rows } = await queryList(scope, read)
  if (!rows[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} ${String(read.filters.id ?? "")} not found`.trim())
  }
  return rows[0]
}

function withNumbers(row: Row, money: string[]): Row {
  const out = { ...row }
  for (const field of money) {
    if (out[field] !== undefined && out[field] !== null) {
      out[field] = Number(out[field])
    }
  }
  return out
}

/** `relation` (all of it, `*relation`) and `relation.<field>` for each field: what `allowed` lists. */
export function relationFields(relation: string, fields: string[]): string[] {
  return [relation, ...fields.map((f) => `${relation}.${f}`)]
}

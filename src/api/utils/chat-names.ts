import type { MedusaContainer } from "@medusajs/framework/types"
import { queryList } from "./query-graph"

/** A customer as the moderation panel names them. */
export type ChatCustomerName = { id: string; name: string; email: string | null }

type Person = { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }

/** "Ana Viewer", else the email, else the id (a customer deleted since). */
const displayName = (p: Person) => [p.first_name, p.last_name].filter(Boolean).join(" ") || p.email || p.id

const byId = async (scope: MedusaContainer, entity: "customer" | "user", ids: Set<string>) => {
  if (!ids.size) {
    return new Map<string, Person>()
  }
  const { rows } = await queryList(scope, {
    entity,
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: [...ids] },
    pagination: { take: ids.size },
  })
  return new Map((rows as Person[]).map((p) => [p.id, p]))
}

/**
 * Names for the people chat records point at: customers (viewers, moderators) and admin users
 * (the seller, staff), whose actors read `customer:<id>` or `user:<id>`. Read through Medusa's
 * Query, never by joining its tables: they belong to the Customer and User modules.
 */
export async function chatNames(scope: MedusaContainer, { customers = [], actors = [] }: { customers?: (string | null)[]; actors?: string[] }) {
  const customerIds = new Set(customers.filter((id): id is string => !!id))
  const userIds = new Set<string>()
  for (const actor of actors) {
    const [kind, id] = actor.split(":", 2)
    ;(kind === "customer" ? customerIds : kind === "user" ? userIds : new Set<string>()).add(id)
  }
  const [customerRows, userRows] = await Promise.all([byId(scope, "customer", customerIds), byId(scope, "user", userIds)])
  return {
    /** The customer's name and email, or null for an id no customer has. */
    customer: (id: string | null): ChatCustomerName | null => {
      const c = id ? customerRows.get(id) : undefined
      return c ? { id: c.id, name: displayName(c), email: c.email ?? null } : null
    },
    /** An admin user by email, a customer by display name; the raw actor if neither is known. */
    actor: (actor: string): string => {
      const [kind, id] = actor.split(":", 2)
      const person = kind === "user" ? userRows.get(id) : kind === "customer" ? customerRows.get(id) : undefined
      return person ? (kind === "user" ? person.email || person.id : displayName(person)) : actor
    },
  }
}

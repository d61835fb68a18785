import { XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useCustomerSearch, useCustomersById, type ChatModerator, type CustomerSummary } from "../../hooks/chat"
import type { Moderate } from "./use-moderate"

const nameOf = (c: CustomerSummary | undefined, fallback: string) =>
  c ? [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email : fallback

/** The show's moderators (customers who moderate from the viewer page): add by searching customers, remove. */
export const Moderators = ({ moderators, moderate, pending }: { moderators: ChatModerator[]; moderate: Moderate; pending: boolean }) => {
  const [q, setQ] = useState("")
  const found = useCustomerSearch(q)
  const known = useCustomersById(moderators.map((m) => m.customer_id))
  const byId = new Map((known.data?.customers ?? []).map((c) => [c.id, c]))
  const isModerator = new Set(moderators.map((m) => m.customer_id))

  return (
    <div className="flex flex-col gap-y-2" data-testid="mod-moderators">
      <Text size="small" weight="plus">
        Moderators
      </Text>
      <ul className="flex flex-col gap-y-1">
        {moderators.map((m) => (
          <li key={m.customer_id} className="flex items-center justify-between gap-x-2" data-testid="mod-moderator" data-customer-id={m.customer_id}>
            <Text size="small">{nameOf(byId.get(m.customer_id), m.customer_id)}</Text>
            <IconButton
              size="2xsmall"
              variant="transparent"
              aria-label="Remove moderator"
              disabled={pending}
              data-testid="mod-moderator-remove"
              onClick={() => moderate({ method: "DELETE", path: `/moderators/${m.customer_id}` }, "Moderator removed")}
            >
              <XMarkMini />
            </IconButton>
          </li>
        ))}
        {!moderators.length ? (
          <li>
            <Text size="xsmall" className="text-ui-fg-muted">
              None yet: add a customer, or use "Make moderator" on a message.
            </Text>
          </li>
        ) : null}
      </ul>
      <Input
        size="small"
        type="search"
        placeholder="Find a customer by name or email"
        aria-label="Find a customer to make moderator"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="mod-moderator-search"
      />
      {q.trim().length >= 2 ? (
        <ul className="flex flex-col gap-y-1">
          {(found.data?.customers ?? []).map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-x-2">
              <Text size="small" className="truncate">
                {nameOf(c, c.id)} <span className="text-ui-fg-subtle">{c.email}</span>
              </Text>
              <Button
                size="small"
                variant="secondary"
                disabled={pending || isModerator.has(c.id)}
                data-testid="mod-moderator-add"
                onClick={() =>
                  moderate({ method: "POST", path: "/moderators", body: { customer_id: c.id } }, `${nameOf(c, c.id)} is a moderator`, () => setQ(""))
                }
              >
                {isModerator.has(c.id) ? "Moderator" : "Make moderator"}
              </Button>
            </li>
          ))}
          {found.data && !found.data.customers.length ? (
            <li>
              <Text size="xsmall" className="text-ui-fg-muted">
                No customer matches.
              </Text>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  )
}

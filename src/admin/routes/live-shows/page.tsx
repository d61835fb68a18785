import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PlaySolid } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { ShowForm } from "../../components/show-form"
import { useMe, useShows } from "../../hooks/live"
import { describeError } from "../../lib/api"
import { dateTime, statusColor } from "../../lib/format"

const TABS = [
  { value: "scheduled", label: "Upcoming" },
  { value: "live", label: "Live" },
  { value: "ended", label: "Past" },
  { value: "cancelled", label: "Cancelled" },
] as const

/** Live shows: upcoming, live and past, and a new show. */
const LiveShowsPage = () => {
  const [tab, setTab] = useState<string>("scheduled")
  const [creating, setCreating] = useState(false)
  const navigate = useNavigate()
  const { data, isLoading, error } = useShows(tab)
  const me = useMe()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Live shows</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {me.data?.role === "seller"
              ? "Your shows: a lineup of lots auctioned live."
              : "Every seller's shows: a lineup of lots auctioned live."}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
          Create show
        </Button>
      </div>
      <div className="px-6 py-4">
        <Tabs value={tab} onValueChange={setTab}>
          <Tabs.List>
            {TABS.map((t) => (
              <Tabs.Trigger key={t.value} value={t.value}>
                {t.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
      </div>
      {error ? (
        <Text className="text-ui-fg-error px-6 py-4" data-testid="shows-error">
          {describeError(error)}
        </Text>
      ) : null}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Title</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Scheduled</Table.HeaderCell>
            <Table.HeaderCell>Seller</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.shows ?? []).map((show) => (
            <Table.Row key={show.id} className="cursor-pointer" onClick={() => navigate(`/live-shows/${show.id}`)}>
              <Table.Cell>
                <Link to={`/live-shows/${show.id}`}>{show.title}</Link>
              </Table.Cell>
              <Table.Cell>
                <StatusBadge color={statusColor(show.status)}>{show.status}</StatusBadge>
              </Table.Cell>
              <Table.Cell>{dateTime(show.scheduled_at)}</Table.Cell>
              <Table.Cell>{show.seller?.email ?? show.seller_id ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isLoading && !data?.shows.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No shows here yet.
        </Text>
      ) : null}
      <ShowForm open={creating} onOpenChange={setCreating} onSaved={(show) => navigate(`/live-shows/${show.id}`)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Live shows",
  icon: PlaySolid,
})

export default LiveShowsPage

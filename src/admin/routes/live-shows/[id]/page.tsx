import { ArrowDownMini, ArrowUpMini, PencilSquare } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { AddLotModal } from "../../../components/add-lot-modal"
import { EditLotDrawer } from "../../../components/edit-lot-drawer"
import { ShowChatPanel } from "../../../components/show-chat"
import { ShowForm } from "../../../components/show-form"
import { ShowMediaPanel } from "../../../components/show-media"
import { ShowVideoPanel } from "../../../components/show-video"
import { useAddToLineup, useLineup, useMe, useNextLot, useReorderLineup, useShow, useShowAction } from "../../../hooks/live"
import { describeError } from "../../../lib/api"
import { dateTime, money, statusColor } from "../../../lib/format"
import { formatRemaining, useLiveConsole, useServerNow, type LiveLotState } from "../../../lib/realtime"
import type { Lot } from "../../../lib/types"

/** The running lot: its price and countdown as the sidecar tells them, the HTTP read until then. */
const CurrentLot = ({ lot, live, offsetMs }: { lot: Lot; live?: LiveLotState; offsetMs: number }) => {
  const now = useServerNow(offsetMs)
  const endsAt = live?.ends_at ?? lot.ends_at
  const price = live?.price ?? lot.current_price ?? lot.starting_price
  const status = live?.status ?? lot.status
  return (
    <div className="flex flex-wrap items-center gap-x-8 gap-y-2" data-testid="current-lot">
      <div>
        <Text size="small" className="text-ui-fg-subtle">
          Now selling
        </Text>
        <Link to={`/live-shows/lots/${lot.id}`}>
          <Text weight="plus">{lot.title}</Text>
        </Link>
      </div>
      <div>
        <Text size="small" className="text-ui-fg-subtle">
          Current price
        </Text>
        <Text weight="plus" data-testid="current-price">
          {money(price, lot.currency_code)}
        </Text>
      </div>
      <div>
        <Text size="small" className="text-ui-fg-subtle">
          Bids
        </Text>
        <Text data-testid="bid-count">{live?.bid_count ?? lot.bid_count}</Text>
      </div>
      <div>
        <Text size="small" className="text-ui-fg-subtle">
          {status === "live" ? "Ends in" : "Status"}
        </Text>
        {status === "live" && endsAt ? (
          <Text weight="plus" className="font-mono" data-testid="countdown">
            {formatRemaining(new Date(endsAt).getTime() - now)}
          </Text>
        ) : (
          <StatusBadge color={statusColor(status)}>{status}</StatusBadge>
        )}
      </div>
    </div>
  )
}

/** A show's run-of-show console: lineup, the running lot, its bids over the sidecar, viewers. */
const ShowConsolePage = () => {
  const { id } = useParams() as { id: string }
  const show = useShow(id)
  const lineup = useLineup(id, show.data?.show.status === "live")
  const me = useMe()
  const showAction = useShowAction(id)
  const nextLot = useNextLot(id)
  const reorder = useReorderLineup(id)
  const addToLineup = useAddToLineup(id)
  const [editingShow, setEditingShow] = useState(false)
  const [adding, setAdding] = useState(false)
  const [editingLot, setEditingLot] = useState<Lot | null>(null)
  const [lastError, setLastError] = useState<string | null>(null)

  const lots = lineup.data?.lots ?? []
  const running = lots.find((l) => l.status === "live") ?? null
  const latest = running ?? [...lots].reverse().find((l) => l.started_at) ?? null
  // The show's seller's console room carries its viewer counts (staff may join any seller's).
  const sellerRoom = show.data ? (show.data.show.seller_id ?? me.data?.user_id) : undefined
  const live = useLiveConsole({ sellerId: sellerRoom, showId: id, auction: running })

  const fail = (err: unknown) => {
    const text = describeError(err)
    setLastError(text)
    toast.error(text)
  }
  const ok = (message: string) => () => {
    setLastError(null)
    toast.success(message)
  }

  // Only lots still to run (or running) move; finished ones keep their places at the top.
  const movable = lots.filter((l) => l.status === "draft" || l.status === "scheduled" || l.status === "live").map((l) => l.id)
  const canMove = (lot: Lot, delta: -1 | 1) => {
    const at = movable.indexOf(lot.id)
    return at !== -1 && at + delta >= 0 && at + delta < movable.length
  }
  const move = (lot: Lot, delta: -1 | 1) => {
    const ids = [...movable]
    const at = ids.indexOf(lot.id)
    ids.splice(at, 1)
    ids.splice(at + delta, 0, lot.id)
    reorder.mutate(ids, { onError: fail })
  }

  if (show.error) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{describeError(show.error)}</Text>
      </Container>
    )
  }
  const s = show.data?.show
  const feed = live.feed.filter((b) => !running || b.auction_id === running.id)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading level="h1">{s?.title ?? "…"}</Heading>
            {s ? (
              <StatusBadge color={statusColor(s.status)} data-testid="show-status">
                {s.status}
              </StatusBadge>
            ) : null}
            <Badge size="2xsmall" color={live.connected ? "green" : "grey"}>
              {live.connected ? "realtime connected" : "realtime offline"}
            </Badge>
            <Text size="small" data-testid="viewers">
              {live.viewers ?? 0} watching
            </Text>
          </div>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setEditingShow(true)}>
              Edit
            </Button>
            {s?.status === "scheduled" ? (
              <Button
                size="small"
                isLoading={showAction.isPending}
                onClick={() => showAction.mutate("go-live", { onSuccess: ok("The show is live"), onError: fail })}
              >
                Go live
              </Button>
            ) : null}
            {s?.status === "live" ? (
              <Button
                size="small"
                variant="danger"
                isLoading={showAction.isPending}
                onClick={() => showAction.mutate("end", { onSuccess: ok("The show ended"), onError: fail })}
              >
                End show
              </Button>
            ) : null}
          </div>
        </div>
        <div className="text-ui-fg-subtle grid grid-cols-2 gap-4 px-6 py-4">
          <Text size="small">Scheduled: {dateTime(s?.scheduled_at)}</Text>
          <Text size="small">Playback: {s?.playback_url ?? "–"}</Text>
          {s?.description ? <Text size="small">{s.description}</Text> : null}
        </div>
        {lastError ? (
          <Text size="small" className="text-ui-fg-error px-6 py-3" data-testid="console-error">
            {lastError}
          </Text>
        ) : null}
        {live.error ? (
          <Text size="small" className="text-ui-fg-error px-6 py-3">
            Realtime: {live.error}
          </Text>
        ) : null}
      </Container>

      {s ? <ShowVideoPanel show={s} /> : null}
      {s ? <ShowMediaPanel show={s} /> : null}

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">On air</Heading>
          <Button
            size="small"
            isLoading={nextLot.isPending}
            onClick={() => nextLot.mutate(undefined, { onSuccess: ok("The next lot is running"), onError: fail })}
          >
            Start next lot
          </Button>
        </div>
        <div className="px-6 py-4">
          {latest ? (
            <CurrentLot lot={latest} live={live.lots[latest.id]} offsetMs={live.offsetMs} />
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No lot has run yet.
            </Text>
          )}
        </div>
        <div className="px-6 py-4">
          <Text size="small" weight="plus" className="mb-2">
            Bid feed
          </Text>
          <ul className="flex max-h-64 flex-col gap-y-1 overflow-y-auto" data-testid="bid-feed">
            {feed.map((b) => (
              <li key={b.bid_id} className="txt-compact-small flex gap-x-3">
                <span className="text-ui-fg-subtle">{new Date(b.at).toLocaleTimeString()}</span>
                <span>{b.bidder}</span>
                <span className="font-medium">{money(b.price, running?.currency_code ?? latest?.currency_code)}</span>
                <span className="text-ui-fg-subtle">{b.outcome}</span>
              </li>
            ))}
            {!feed.length ? (
              <li className="txt-compact-small text-ui-fg-subtle">No bids yet.</li>
            ) : null}
          </ul>
        </div>
      </Container>

      {s ? <ShowChatPanel show={s} live={live.chat} staff={me.data?.role === "staff"} /> : null}

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Lineup</Heading>
          <Button size="small" variant="secondary" onClick={() => setAdding(true)}>
            Add lot
          </Button>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>#</Table.HeaderCell>
              <Table.HeaderCell>Lot</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Starting price</Table.HeaderCell>
              <Table.HeaderCell>Timer</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lots.map((lot, i) => (
              <Table.Row key={lot.id} data-testid="lineup-row">
                <Table.Cell>{i + 1}</Table.Cell>
                <Table.Cell>
                  <Link to={`/live-shows/lots/${lot.id}`}>{lot.title}</Link>
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge color={statusColor(lot.status)}>{lot.status}</StatusBadge>
                </Table.Cell>
                <Table.Cell>{money(lot.starting_price, lot.currency_code)}</Table.Cell>
                <Table.Cell>
                  {lot.duration_seconds}s
                  {lot.soft_close_seconds ? ` · soft close ${lot.soft_close_seconds}s (${lot.soft_close_mode})` : " · no soft close"}
                </Table.Cell>
                <Table.Cell>
                  <div className="flex justify-end gap-x-1">
                    <IconButton size="small" variant="transparent" aria-label="Move up" disabled={!canMove(lot, -1)} onClick={() => move(lot, -1)}>
                      <ArrowUpMini />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label="Move down"
                      disabled={!canMove(lot, 1)}
                      onClick={() => move(lot, 1)}
                    >
                      <ArrowDownMini />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label="Edit lot"
                      disabled={lot.status !== "draft" && lot.status !== "scheduled"}
                      onClick={() => setEditingLot(lot)}
                    >
                      <PencilSquare />
                    </IconButton>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!lineup.isLoading && !lots.length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            The lineup is empty: add lots from your products.
          </Text>
        ) : null}
        {lineup.error ? (
          <Text size="small" className="text-ui-fg-error px-6 py-4">
            {describeError(lineup.error)}
          </Text>
        ) : null}
      </Container>

      {s ? <ShowForm show={s} open={editingShow} onOpenChange={setEditingShow} /> : null}
      <AddLotModal
        open={adding}
        onOpenChange={setAdding}
        heading="Add a lot to the lineup"
        submitLabel="Add to lineup"
        pending={addToLineup.isPending}
        onSubmit={(lot) =>
          addToLineup.mutate([lot], {
            onSuccess: () => {
              ok("Lot added")()
              setAdding(false)
            },
            onError: fail,
          })
        }
      />
      <EditLotDrawer lot={editingLot} onClose={() => setEditingLot(null)} />
    </div>
  )
}

export default ShowConsolePage

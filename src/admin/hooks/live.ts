import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminLiveMeResponse,
  AdminPublisherTokenResponse,
  AdminSellerListResponse,
  AdminShowIngress,
  AdminShowIngressResponse,
  AdminShowMediaUploadResponse,
  ShowMediaKind,
} from "../../realtime/contract/admin-api"
import { LiveApiError, liveFetch } from "../lib/api"
import type { Bid, BidderBlock, Lot, LotOffer, LotSettingsInput, RealtimeToken, Show } from "../lib/types"

export const liveKeys = {
  all: ["live-commerce"] as const,
  shows: (status?: string) => [...liveKeys.all, "shows", status ?? "all"] as const,
  show: (id: string) => [...liveKeys.all, "show", id] as const,
  lineup: (showId: string) => [...liveKeys.all, "lineup", showId] as const,
  lot: (id: string) => [...liveKeys.all, "lot", id] as const,
  lots: (filter: Record<string, string>) => [...liveKeys.all, "lots", filter] as const,
  bids: (filter: Record<string, string>) => [...liveKeys.all, "bids", filter] as const,
  offers: (filter: Record<string, string>) => [...liveKeys.all, "offers", filter] as const,
  blocks: (customerId: string) => [...liveKeys.all, "blocks", customerId] as const,
  ingress: (showId: string) => [...liveKeys.all, "ingress", showId] as const,
}

/** A lot with its variant, product, show and order, for the lot page. */
const LOT_FIELDS = [
  "+product_variant.id",
  "+product_variant.title",
  "+product_variant.sku",
  "+product_variant.product_id",
  "+product_variant.product.title",
  "+show.id",
  "+show.title",
  "+show.status",
  "+order.id",
  "+order.display_id",
].join(",")

export const useShows = (status?: string | string[]) =>
  useQuery({
    queryKey: liveKeys.shows([status ?? "all"].flat().join(",")),
    queryFn: () =>
      liveFetch<{ shows: Show[]; count: number }>("/admin/shows", { query: { status, limit: 100, fields: "*seller" } }),
  })

export const useShow = (id: string) =>
  useQuery({
    queryKey: liveKeys.show(id),
    queryFn: () => liveFetch<{ show: Show }>(`/admin/shows/${id}`),
  })

/**
 * A show's lots in running order. While it is live the lineup is read again every few seconds: a
 * scheduled lot may start by itself, and the console follows only the running lot's room.
 */
export const useLineup = (showId: string, live = false) =>
  useQuery({
    queryKey: liveKeys.lineup(showId),
    refetchInterval: live ? 5_000 : false,
    queryFn: () => liveFetch<{ lots: Lot[] }>(`/admin/shows/${showId}/lineup`),
  })

export const useLot = (id: string) =>
  useQuery({
    queryKey: liveKeys.lot(id),
    queryFn: () => liveFetch<{ auction: Lot }>(`/admin/auctions/${id}`, { query: { fields: LOT_FIELDS } }),
  })

/** Lots by product, winner or show (`GET /admin/auctions?product_id=|winner_id=|show_id=`). */
export const useLots = (filter: Record<string, string>, enabled = true) =>
  useQuery({
    queryKey: liveKeys.lots(filter),
    enabled,
    queryFn: () => liveFetch<{ auctions: Lot[]; count: number }>("/admin/auctions", { query: { ...filter, limit: 50 } }),
  })

export const useLotBids = (auctionId: string) =>
  useQuery({
    queryKey: liveKeys.bids({ auction_id: auctionId }),
    queryFn: () => liveFetch<{ bids: Bid[]; count: number }>(`/admin/auctions/${auctionId}/bids`, { query: { limit: 500 } }),
  })

export const useCustomerBids = (customerId: string) =>
  useQuery({
    queryKey: liveKeys.bids({ customer_id: customerId }),
    queryFn: () => liveFetch<{ bids: Bid[]; count: number }>("/admin/bids", { query: { customer_id: customerId, limit: 50 } }),
  })

export const useLotOffers = (filter: Record<string, string>) =>
  useQuery({
    queryKey: liveKeys.offers(filter),
    queryFn: () => liveFetch<{ lot_offers: LotOffer[]; count: number }>("/admin/lot-offers", { query: { ...filter, limit: 50 } }),
  })

export const useBidderBlocks = (customerId: string) =>
  useQuery({
    queryKey: liveKeys.blocks(customerId),
    queryFn: () =>
      liveFetch<{ bidder_blocks: BidderBlock[] }>("/admin/bidder-blocks", { query: { customer_id: customerId } }),
  })


/** The signed-in admin user and whether they are platform staff or a seller (scoped to their own data). */
export const useMe = () =>
  useQuery({
    queryKey: [...liveKeys.all, "me"],
    queryFn: () => liveFetch<AdminLiveMeResponse>("/admin/live/me"),
    staleTime: Infinity,
  })

/** Seller profiles (staff only: a seller is not asked). */
export const useSellers = (enabled: boolean) =>
  useQuery({
    queryKey: [...liveKeys.all, "sellers"],
    enabled,
    queryFn: () => liveFetch<AdminSellerListResponse>("/admin/sellers", { query: { limit: 200 } }),
  })

/**
 * The show's OBS ingress, if one was made (`GET /admin/shows/:id/ingress`). Also how the console
 * learns that video is off: a 400 `video_not_configured` (not retried: it will not change).
 */
export const useShowIngress = (showId: string, enabled = true) =>
  useQuery({
    queryKey: liveKeys.ingress(showId),
    enabled,
    retry: (count, err) => !(err instanceof LiveApiError && err.status < 500) && count < 2,
    queryFn: () => liveFetch<AdminShowIngressResponse>(`/admin/shows/${showId}/ingress`),
  })

/** Makes (or, for another type, replaces) the show's ingress: `POST /admin/shows/:id/ingress`. */
export const useCreateIngress = (showId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (type: AdminShowIngress["type"]) =>
      liveFetch<AdminShowIngressResponse>(`/admin/shows/${showId}/ingress`, { method: "POST", body: { type } }),
    onSuccess: (data) => client.setQueryData(liveKeys.ingress(showId), data),
  })
}

/** A LiveKit token that may publish into the show's room (the seller's camera). */
export const fetchPublisherToken = (showId: string) =>
  liveFetch<AdminPublisherTokenResponse>(`/admin/shows/${showId}/publisher-token`, { method: "POST", body: {} })

export const fetchRealtimeToken = () => liveFetch<RealtimeToken>("/admin/live/realtime-token", { method: "POST", body: {} })

export type ShowInput = {
  title?: string
  seller_id?: string
  description?: string | null
  scheduled_at?: string | null
  playback_url?: string | null
}

/** Every mutation refreshes the plugin's queries: shows, lineups and lots move together. */
function useLiveMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: liveKeys.all }),
  })
}

/**
 * Uploads a show's thumbnail or preview video straight to S3: a presigned PUT from
 * `POST /admin/shows/:id/media-uploads`, the bytes, then `POST /admin/shows/:id/media` to check the
 * stored file and set it on the show.
 */
export const useUploadShowMedia = (showId: string) =>
  useLiveMutation(async ({ kind, file }: { kind: ShowMediaKind; file: File }) => {
    const { upload } = await liveFetch<AdminShowMediaUploadResponse>(`/admin/shows/${showId}/media-uploads`, {
      method: "POST",
      body: { kind, content_type: file.type || "application/octet-stream", size: file.size },
    })
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file })
    if (!put.ok) {
      throw new LiveApiError(`The file store refused the upload (HTTP ${put.status})`, put.status)
    }
    return liveFetch<{ show: Show }>(`/admin/shows/${showId}/media`, { method: "POST", body: { kind, key: upload.key } })
  })

export const useSaveShow = (id?: string) =>
  useLiveMutation((body: ShowInput) =>
    liveFetch<{ show: Show }>(id ? `/admin/shows/${id}` : "/admin/shows", { method: "POST", body })
  )

export const useShowAction = (id: string) =>
  useLiveMutation((action: "go-live" | "end" | "cancel") =>
    liveFetch<{ show: Show }>(`/admin/shows/${id}/${action}`, { method: "POST", body: {} })
  )

export const useAddToLineup = (showId: string) =>
  useLiveMutation((lots: LotSettingsInput[]) =>
    liveFetch<{ lots: Lot[] }>(`/admin/shows/${showId}/lineup`, { method: "POST", body: { lots } })
  )

export const useReorderLineup = (showId: string) =>
  useLiveMutation((auction_ids: string[]) =>
    liveFetch<{ lots: Lot[] }>(`/admin/shows/${showId}/lineup/reorder`, { method: "POST", body: { auction_ids } })
  )

export const useNextLot = (showId: string) =>
  useLiveMutation(() => liveFetch<{ auction: Lot }>(`/admin/shows/${showId}/next-lot`, { method: "POST", body: {} }))

export const useCreateLot = () =>
  useLiveMutation((body: LotSettingsInput) => liveFetch<{ auction: Lot }>("/admin/auctions", { method: "POST", body }))

export const useUpdateLot = () =>
  useLiveMutation(({ id, ...body }: LotSettingsInput & { id: string }) =>
    liveFetch<{ auction: Lot }>(`/admin/auctions/${id}`, { method: "POST", body })
  )

export const useLotAction = () =>
  useLiveMutation(({ id, action }: { id: string; action: "start" | "cancel" | "rerun" }) =>
    liveFetch<{ auction: Lot }>(`/admin/auctions/${id}/${action}`, { method: "POST", body: {} })
  )

export const useBlockBidder = () =>
  useLiveMutation((body: { customer_id: string; reason?: string | null; expires_at?: string | null }) =>
    liveFetch<unknown>("/admin/bidder-blocks", { method: "POST", body })
  )

export const useLiftBlock = () =>
  useLiveMutation((customerId: string) => liveFetch<unknown>(`/admin/bidder-blocks/${customerId}`, { method: "DELETE" }))

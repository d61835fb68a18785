import { toast } from "@medusajs/ui"
import { useChatAction, type ChatActionInput } from "../../hooks/chat"
import { describeError } from "../../lib/api"

export type Moderate = (input: ChatActionInput, done: string, after?: () => void) => void

/** One moderation request with the console's toasts: the server's refusal (`code: message`) or `done`. */
export function useModerate(showId: string): { moderate: Moderate; pending: boolean } {
  const action = useChatAction(showId)
  const moderate: Moderate = (input, done, after) =>
    action.mutate(input, {
      onSuccess: () => {
        toast.success(done)
        after?.()
      },
      onError: (err) => toast.error(describeError(err)),
    })
  return { moderate, pending: action.isPending }
}

import { Label, Text } from "@medusajs/ui"
import { useChatModerators, usePlatformBlockedWords, useShowBlockedWords } from "../../hooks/chat"
import { BlockedWords } from "./blocked-words"
import { Moderators } from "./moderators"
import type { Moderate } from "./use-moderate"

const SLOW_MODES = [0, 5, 10, 30, 60]

/**
 * The chat's rules: slow mode (a native select: one message per N seconds per viewer), moderators,
 * this show's blocked words and, for staff, the platform's.
 */
export const ChatSettings = ({
  showId,
  slowMode,
  staff,
  moderate,
  pending,
}: {
  showId: string
  slowMode: number | undefined
  staff: boolean
  moderate: Moderate
  pending: boolean
}) => {
  const moderators = useChatModerators(showId)
  const words = useShowBlockedWords(showId)
  const platform = usePlatformBlockedWords(staff)
  // A value set elsewhere (another seller tab, a moderator API) still shows as itself.
  const options = slowMode !== undefined && !SLOW_MODES.includes(slowMode) ? [...SLOW_MODES, slowMode] : SLOW_MODES

  return (
    <div className="flex flex-col gap-y-6">
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus" htmlFor={`slow-mode-${showId}`}>
          Slow mode
        </Label>
        <select
          id={`slow-mode-${showId}`}
          className="bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2"
          value={slowMode ?? 0}
          disabled={slowMode === undefined || pending}
          data-testid="mod-slow-mode"
          onChange={(e) => {
            const seconds = Number(e.target.value)
            moderate({ method: "POST", path: "/slow-mode", body: { seconds } }, seconds ? `Slow mode: one message per ${seconds} s` : "Slow mode off")
          }}
        >
          {options.map((s) => (
            <option key={s} value={s}>
              {s ? `One message per ${s} s` : "Off"}
            </option>
          ))}
        </select>
      </div>
      <Moderators moderators={moderators.data?.moderators ?? []} moderate={moderate} pending={pending} />
      <BlockedWords
        title="Blocked words in this show"
        hint="A message containing one is refused before anyone sees it."
        words={words.data?.blocked_words ?? []}
        testId="mod-blocked-word"
        pending={pending}
        onAdd={(word, added) => moderate({ method: "POST", path: "/blocked-words", body: { word } }, `"${word}" blocked`, added)}
        onRemove={(w) => moderate({ method: "DELETE", path: `/blocked-words/${w.id}` }, `"${w.word}" unblocked`)}
      />
      {staff ? (
        <BlockedWords
          title="Blocked words on the whole platform (staff)"
          hint="They apply in every seller's shows."
          words={platform.data?.blocked_words ?? []}
          testId="mod-platform-word"
          pending={pending}
          onAdd={(word, added) => moderate({ method: "POST", path: "/admin/blocked-chat-words", body: { word } }, `"${word}" blocked everywhere`, added)}
          onRemove={(w) => moderate({ method: "DELETE", path: `/admin/blocked-chat-words/${w.id}` }, `"${w.word}" unblocked everywhere`)}
        />
      ) : null}
      {moderators.error || words.error ? (
        <Text size="small" className="text-ui-fg-error">
          Could not read the chat's settings.
        </Text>
      ) : null}
    </div>
  )
}

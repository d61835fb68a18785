import { XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import type { BlockedWord } from "../../hooks/chat"

/**
 * A list of blocked words or phrases with an input to add one: this show's, or (staff) the
 * platform's. `testId` prefixes the test ids: `<testId>-input`, `-add`, each `<testId>`, `-remove`.
 */
export const BlockedWords = ({
  title,
  hint,
  words,
  testId,
  pending,
  onAdd,
  onRemove,
}: {
  title: string
  hint: string
  words: BlockedWord[]
  testId: string
  pending: boolean
  onAdd: (word: string, added: () => void) => void
  onRemove: (word: BlockedWord) => void
}) => {
  const [word, setWord] = useState("")
  // One word or a phrase of words separated by single spaces, as the server takes it.
  const clean = word.trim().replace(/\s+/g, " ")
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
      <form
        className="flex gap-x-2"
        onSubmit={(e) => {
          e.preventDefault()
          if (clean) {
            onAdd(clean, () => setWord(""))
          }
        }}
      >
        <Input
          size="small"
          placeholder="Word or phrase"
          aria-label={title}
          value={word}
          maxLength={100}
          onChange={(e) => setWord(e.target.value)}
          data-testid={`${testId}-input`}
        />
        <Button size="small" variant="secondary" type="submit" disabled={!clean || pending} data-testid={`${testId}-add`}>
          Add
        </Button>
      </form>
      <ul className="flex flex-wrap gap-2">
        {words.map((w) => (
          <li key={w.id} className="bg-ui-bg-subtle flex items-center gap-x-1 rounded-md border py-0.5 pl-2" data-testid={testId}>
            <Text size="xsmall">{w.word}</Text>
            <IconButton
              size="2xsmall"
              variant="transparent"
              aria-label={`Unblock ${w.word}`}
              disabled={pending}
              onClick={() => onRemove(w)}
              data-testid={`${testId}-remove`}
            >
              <XMarkMini />
            </IconButton>
          </li>
        ))}
        {!words.length ? (
          <li>
            <Text size="xsmall" className="text-ui-fg-muted">
              None.
            </Text>
          </li>
        ) : null}
      </ul>
    </div>
  )
}

import { Text, clx } from "@medusajs/ui"
import { describeError } from "../lib/api"

type Props = { error: unknown; className?: string; "data-testid"?: string }

/** A query's or an action's error in the Admin's error colour (its code first); nothing while there is none. */
export const ErrorText = ({ error, className, "data-testid": testId }: Props) =>
  error ? (
    <Text size="small" className={clx("text-ui-fg-error", className)} data-testid={testId}>
      {describeError(error)}
    </Text>
  ) : null

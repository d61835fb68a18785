/**
 * Registers `register`'s tests with `it` (and `it.each`) bounded by `timeoutMs` unless they say
 * otherwise. jest.setTimeout is read once per file: a spec that runs several suites on one Medusa
 * passes each suite the bound its own file had.
 */
export function withTestTimeout(timeoutMs: number, register: () => void): void {
  const g = globalThis as unknown as { it: jest.It }
  const plain = g.it
  type Fn = Parameters<jest.It>[1]
  const timed = Object.assign((name: string, fn?: Fn, timeout?: number) => plain(name, fn, timeout ?? timeoutMs), plain, {
    each: (...table: unknown[]) => {
      const each = (plain.each as (...t: unknown[]) => (name: string, fn: unknown, timeout?: number) => void)(...table)
      return (name: string, fn: unknown, timeout?: number) => each(name, fn, timeout ?? timeoutMs)
    },
  })
  g.it = timed as unknown as jest.It
  try {
    register()
  } finally {
    g.it = plain
  }
}

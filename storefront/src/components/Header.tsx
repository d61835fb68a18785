import { useState, type FormEvent } from "react"
import { toProblem, type Problem } from "../medusa"
import { useSession } from "../session"
import { ProblemLine } from "./ProblemLine"

/** The page's top bar: back to the shows, and the customer's login (anonymous viewers only watch). */
export function Header() {
  const { customer, logout } = useSession()
  const [open, setOpen] = useState(false)
  return (
    <header className="bar">
      <a href="#/" className="brand">
        Live shows
      </a>
      {customer ? (
        <span className="who">
          <span data-testid="customer-email">{customer.email}</span>
          <button type="button" className="link" onClick={() => void logout()}>
            Log out
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setOpen(!open)}>
          Log in
        </button>
      )}
      {open && !customer && <LoginForm onDone={() => setOpen(false)} />}
    </header>
  )
}

function LoginForm({ onDone }: { onDone: () => void }) {
  const { login, config } = useSession()
  const demo = config.demo_customer
  const [email, setEmail] = useState(demo?.email ?? "")
  const [password, setPassword] = useState(demo?.password ?? "")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      await login(email, password)
      onDone()
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="login" onSubmit={(e) => void submit(e)} aria-label="Log in">
      <label>
        Email
        <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Logging in…" : "Log in to bid"}
      </button>
      {demo && (
        <small>
          Demo customer: {demo.email} / {demo.password}
        </small>
      )}
      <ProblemLine problem={problem} />
    </form>
  )
}

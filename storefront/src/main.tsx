import { createRoot } from "react-dom/client"
import { App } from "./App"
import { loadViewerConfig } from "./config"
import { toProblem } from "./medusa"
import { SessionProvider, startSession } from "./session"
import "./styles.css"

const root = createRoot(document.getElementById("root")!)

async function boot() {
  const config = await loadViewerConfig()
  const session = await startSession(config)
  root.render(
    <SessionProvider config={config} {...session}>
      <App />
    </SessionProvider>
  )
}

boot().catch((err: unknown) => {
  const problem = toProblem(err)
  root.render(
    <main className="page">
      <p className="problem" role="alert">
        The page could not start ({problem.code}): {problem.message}
      </p>
    </main>
  )
})

/**
 * `npm test`: every check the project has, in order, against real services.
 * PostgreSQL: DATABASE_URL, else DB_*, else 127.0.0.1:5432, else an embedded one.
 * Redis: REDIS_URL, else 127.0.0.1:6379.
 * Pass suite names to run only those: `npm test -- unit http`.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres"
import { runToCompletion } from "./lib/processes"

const ROOT = path.resolve(__dirname, "..")
const BIN = path.join(ROOT, "node_modules", ".bin")

/**
 * `workers`: test files run at once (default one: in band). `quiet`: the Medusa apps the tests
 * boot in process log warnings and errors only (no "Processing <event>…" line per event: those
 * ran to tens of thousands of lines and pushed the summary out of CI's tail). `beside`: runs at
 * the same time as the suites next to it that say so too (checks with no timing in them).
 */
type Suite = { name: string; jestType?: string; workers?: number; quiet?: boolean; beside?: boolean; command?: [string, string[]] }

const SUITES: Suite[] = [
  // `npm run typecheck`: the server, scripts and tests, then the Admin extensions and the viewer page
  // (browser code, bundler resolution), each with its own tsconfig.
  // These four at once: about 40 s instead of 75.
  { name: "typecheck", beside: true, command: ["npm", ["run", "--silent", "typecheck"]] },
  { name: "lint", beside: true, command: [path.join(BIN, "medusa"), ["lint"]] },
  { name: "unit", beside: true, jestType: "unit" },
  { name: "modules", beside: true, jestType: "integration:modules" },
  // Two files at once: each boots its own Medusa on its own port and database (the runner names it
  // by worker), with no Redis between them (REDIS_URL is unset here), and a file spends about half
  // its time waiting on PostgreSQL (database restores) and timers: 9.5 min instead of 13.
  { name: "http", jestType: "integration:http", workers: 2, quiet: true },
  { name: "realtime", jestType: "integration:realtime", quiet: true },
  { name: "e2e", jestType: "integration:e2e" },
  // kill -9 of Medusa, the sidecar and Redis under load (issue #11); `npm run test:faults` alone.
  { name: "faults", jestType: "integration:faults" },
]

type Totals = { passed: number; failed: number; skipped: number; failedSuites: string[]; failures: string[] }

async function main() {
  const only = process.argv.slice(2)
  const suites = only.length ? SUITES.filter((s) => only.includes(s.name)) : SUITES
  if (only.length && suites.length !== only.length) {
    throw new Error(`unknown suite in ${only.join(", ")}; suites: ${SUITES.map((s) => s.name).join(", ")}`)
  }

  const postgres = await resolvePostgres()
  const redisUrl = await resolveRedis()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...postgres.env,
    REDIS_URL_FOR_TESTS: redisUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  }
  // Medusa's test runner boots the app: keep the developer's REDIS_URL out of it.
  delete env.REDIS_URL
  delete env.DATABASE_URL

  const totals: Totals = { passed: 0, failed: 0, skipped: 0, failedSuites: [], failures: [] }
  const reportDir = await mkdtemp(path.join(os.tmpdir(), "live-tests-"))
  try {
    for (const batch of batches(suites)) {
      await Promise.all(batch.map((suite) => runSuite(suite, env, reportDir, totals)))
    }
  } finally {
    await rm(reportDir, { recursive: true, force: true })
    await postgres.embedded?.stop()
  }

  if (totals.failures.length) {
    // Repeated at the very end: CI keeps only the tail of a long log.
    console.log(`\nfailures:\n${totals.failures.join("\n")}`)
  }
  if (totals.failedSuites.length) {
    console.log(`\nfailed: ${totals.failedSuites.join(", ")}`)
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(totals.failed || totals.failedSuites.length ? 1 : 0)
}

/** The suites in order, those side by side that run `beside` each other in one batch. */
function batches(suites: Suite[]): Suite[][] {
  const out: Suite[][] = []
  for (const suite of suites) {
    const last = out.at(-1)
    if (suite.beside && last?.[0].beside) {
      last.push(suite)
    } else {
      out.push([suite])
    }
  }
  return out
}

async function runSuite(suite: Suite, env: NodeJS.ProcessEnv, reportDir: string, totals: Totals) {
  const started = Date.now()
  console.log(`\n=== ${suite.name} ===`)
  if (suite.command) {
    try {
      await runToCompletion(suite.name, suite.command[0], suite.command[1], { cwd: ROOT, env })
      totals.passed += 1
    } catch {
      totals.failed += 1
      totals.failedSuites.push(suite.name)
    }
    console.log(`=== ${suite.name}: ${Date.now() - started} ms`)
    return
  }

  const report = path.join(reportDir, `${suite.name}.json`)
  const args = [...(suite.workers ? [`--maxWorkers=${suite.workers}`] : ["--runInBand"]), "--forceExit", "--silent", "--json", `--outputFile=${report}`]
  try {
    await runToCompletion(suite.name, path.join(BIN, "jest"), args, {
      cwd: ROOT,
      env: { ...env, TEST_TYPE: suite.jestType, ...(suite.quiet ? { LOG_LEVEL: "warn" } : {}) },
    })
  } catch {
    totals.failedSuites.push(suite.name)
  }
  const counts = await readJestCounts(report)
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  totals.failures.push(...counts.failures.map((failure) => `[${suite.name}] ${failure}`))
  if (counts.total === 0) {
    // A suite that runs nothing proves nothing.
    totals.failedSuites.push(`${suite.name} (no tests ran)`)
  }
  console.log(`=== ${suite.name}: ${counts.passed} passed, ${counts.failed} failed in ${Date.now() - started} ms`)
}

async function readJestCounts(file: string) {
  try {
    const json = JSON.parse(await readFile(file, "utf8")) as JestReport
    return {
      failures: describeFailures(json),
      passed: json.numPassedTests,
      failed: json.numFailedTests + json.numRuntimeErrorTestSuites,
      skipped: json.numPendingTests + json.numTodoTests,
      total: json.numTotalTests,
    }
  } catch {
    return { passed: 0, failed: 1, skipped: 0, total: 0, failures: [`no report at ${file}`] }
  }
}

type JestReport = {
  numPassedTests: number
  numFailedTests: number
  numRuntimeErrorTestSuites: number
  numPendingTests: number
  numTodoTests: number
  numTotalTests: number
  testResults: {
    name: string
    message: string
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[]
  }[]
}

/** One line per failed test (file, name, the error's first lines), for the summary. */
function describeFailures(report: JestReport): string[] {
  const firstLines = (text: string) =>
    text
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(0, 6)
      .join(" | ")
      .slice(0, 600)
  const lines: string[] = []
  for (const file of report.testResults ?? []) {
    const relative = path.relative(ROOT, file.name)
    const failed = file.assertionResults.filter((result) => result.status === "failed")
    for (const result of failed) {
      lines.push(`${relative} › ${result.fullName}: ${firstLines(result.failureMessages.join("\n"))}`)
    }
    if (!failed.length && file.message) {
      lines.push(`${relative}: ${firstLines(file.message)}`)
    }
  }
  return lines
}

type ResolvedPostgres = { env: NodeJS.ProcessEnv; embedded?: EmbeddedPostgres }

async function resolvePostgres(): Promise<ResolvedPostgres> {
  const e = process.env
  if (e.DATABASE_URL) {
    const u = new URL(e.DATABASE_URL)
    return {
      env: dbEnv(u.hostname, u.port || "5432", decodeURIComponent(u.username), decodeURIComponent(u.password)),
    }
  }
  const candidate = dbEnv(e.DB_HOST || "localhost", e.DB_PORT || "5432", e.DB_USERNAME || "postgres", e.DB_PASSWORD || "")
  if (await canConnect(candidate)) {
    console.log(`[test] PostgreSQL at ${candidate.DB_HOST}:${candidate.DB_PORT}`)
    return { env: candidate }
  }
  const port = Number(e.EMBEDDED_PG_PORT || 54339)
  console.log(`[test] no PostgreSQL at ${candidate.DB_HOST}:${candidate.DB_PORT}; starting an embedded one on ${port}`)
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "test-postgres"),
    port,
  })
  return { env: dbEnv("127.0.0.1", String(port), "postgres", "postgres"), embedded }
}

function dbEnv(host: string, port: string, user: string, password: string): NodeJS.ProcessEnv {
  // Medusa's test runner turns on SSL for any host but "localhost": name loopback that way.
  const testHost = host === "127.0.0.1" || host === "::1" ? "localhost" : host
  return { DB_HOST: testHost, DB_PORT: port, DB_USERNAME: user, DB_PASSWORD: password }
}

async function canConnect(env: NodeJS.ProcessEnv): Promise<boolean> {
  const client = new Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD,
    database: "postgres",
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function resolveRedis(): Promise<string> {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  const u = new URL(url)
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(u.port || 6379), u.hostname)
    socket.setTimeout(2000)
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => (socket.destroy(), resolve(false)))
  })
  if (!reachable) {
    throw new Error(`no Redis at ${u.host}: start one (redis-server) or set REDIS_URL`)
  }
  console.log(`[test] Redis at ${u.host}`)
  return url
}

main().catch((err: Error) => {
  console.error(`[test] ${err.message}`)
  console.log("\n0 passed, 1 failed")
  process.exit(1)
})

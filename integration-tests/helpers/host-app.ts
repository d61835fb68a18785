import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"

const pkg = require("../../package.json")
const MEDUSA_VERSION: string = pkg.devDependencies["@medusajs/medusa"]

/**
 * An app as `create-medusa-app` 2.21.2 makes it (medusa-starter-default's package.json with every
 * `@medusajs/*` at the release, plus `@medusajs/draft-order`), and the plugin's tarball: nothing
 * pinned to make the plugin fit, so `npm install` resolves what an integrator's would.
 */
export function hostPackageJson(tarballPath: string) {
  const medusa = (names: string[]) => Object.fromEntries(names.map((n) => [`@medusajs/${n}`, MEDUSA_VERSION]))
  return {
    name: "live-commerce-host-app",
    private: true,
    dependencies: {
      ...medusa(["admin-sdk", "cli", "draft-order", "framework", "medusa"]),
      [pkg.name]: `file:${tarballPath}`,
    },
    devDependencies: {
      ...medusa(["test-utils"]),
      "@swc/core": "^1.7.28",
      "@swc/jest": "^0.2.36",
      "@types/jest": "^29.5.13",
      "@types/node": "^20.12.11",
      "@types/react": "^18.3.2",
      "@types/react-dom": "^18.2.25",
      jest: "^29.7.0",
      "prop-types": "^15.8.1",
      react: "^18.3.1",
      "react-dom": "^18.3.1",
      "ts-node": "^10.9.2",
      typescript: "^5.6.2",
      vite: "^5.4.14",
      yalc: "^1.0.0-pre.53",
    },
    engines: { node: ">=20" },
    // npm 11 runs no install scripts it is not told to (the same list the plugin's own `npm ci` needs).
    allowScripts: pkg.allowScripts,
  }
}

/** What an integrator writes: the plugin under `plugins`, with options. */
const HOST_CONFIG = `
const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "host-secret", cookieSecret: "host-secret" },
  },
  plugins: [
    {
      resolve: "medusa-plugin-live-commerce",
      options: process.env.LIVE_BAD_OPTIONS
        ? { realtime: { url: "not a url" } }
        : { realtime: { url: "wss://realtime.host.example" }, auctions: { softCloseSeconds: 15 } },
    },
  ],
})
`

/** The starter's tsconfig: Medusa's CLI loads the app's TypeScript through ts-node with swc. */
const HOST_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    skipLibCheck: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

/** The core cart workflows whose `validate` hook the plugin once took, and the host now takes. */
export const HOST_HOOKS = ["createCartWorkflow", "addToCartWorkflow", "updateLineItemInCartWorkflow", "completeCartWorkflow"]

/**
 * The host's own `validate` handler on each of those hooks, one file each in its
 * `src/workflows/hooks/`: it checks nothing and appends the hook's name to HOST_HOOK_LOG.
 */
function hostHookFile(workflow: string) {
  return `import { appendFileSync } from "node:fs"
import { ${workflow} } from "@medusajs/medusa/core-flows"

${workflow}.hooks.validate(async () => {
  appendFileSync(process.env.HOST_HOOK_LOG!, "${workflow}\\n")
})
`
}

/** Writes the host app into `dir`, installing nothing. */
export async function writeHostApp(dir: string, tarballPath: string): Promise<void> {
  const hooks = path.join(dir, "src", "workflows", "hooks")
  await mkdir(hooks, { recursive: true })
  await writeFile(path.join(dir, "package.json"), JSON.stringify(hostPackageJson(tarballPath), null, 2))
  await writeFile(path.join(dir, "medusa-config.js"), HOST_CONFIG)
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(HOST_TSCONFIG, null, 2))
  for (const workflow of HOST_HOOKS) {
    const file = workflow.replace(/Workflow$/, "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    await writeFile(path.join(hooks, `${file}.ts`), hostHookFile(workflow))
  }
}

const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/** TEST_TYPE picks the suite; `npm test` (scripts/test.ts) runs them all in order. */
const testMatchByType = {
  unit: [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/scripts/**/__tests__/**/*.unit.spec.[jt]s",
    "**/storefront/src/**/__tests__/**/*.unit.spec.[jt]s",
  ],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:realtime": ["**/integration-tests/realtime/**/*.spec.[jt]s"],
  "integration:e2e": ["**/integration-tests/e2e/**/*.spec.[jt]s"],
  "integration:faults": ["**/integration-tests/faults/**/*.spec.[jt]s"],
}

const type = process.env.TEST_TYPE || "unit"
if (!testMatchByType[type]) {
  throw new Error(`Unknown TEST_TYPE "${type}". Use one of: ${Object.keys(testMatchByType).join(", ")}`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: testMatchByType[type],
  // unit spec files are excluded from the module glob by name
  ...(type === "integration:modules" ? { testPathIgnorePatterns: ["\\.unit\\.spec\\.", "/node_modules/"] } : {}),
}

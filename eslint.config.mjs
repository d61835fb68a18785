import medusa from "@medusajs/eslint-plugin"

export default [
  { ignores: [".medusa/**", ".data/**", "node_modules/**", "static/**", "**/migrations/**"] },
  ...medusa.configs.recommended,
  {
    // Outside Medusa: the realtime sidecar (which must not import @medusajs/*),
    // the dev/test scripts and the tests themselves.
    files: ["src/realtime/**", "scripts/**", "integration-tests/**", "*.config.js"],
    rules: {
      "@medusajs/use-medusa-error-not-generic-error": "off",
      "@medusajs/zod-import-source": "off",
    },
  },
]

import medusa from "@medusajs/eslint-plugin"

export default [
  { ignores: [".medusa/**", ".data/**", "node_modules/**", "static/**", "**/migrations/**", "storefront/dist/**"] },
  ...medusa.configs.recommended,
  {
    // Outside Medusa: the realtime sidecar (which must not import @medusajs/*),
    // the dev/test scripts, the tests themselves and the viewer page (browser code).
    files: ["src/realtime/**", "scripts/**", "integration-tests/**", "storefront/**", "*.config.js"],
    rules: {
      "@medusajs/use-medusa-error-not-generic-error": "off",
      "@medusajs/zod-import-source": "off",
    },
  },
  {
    // The viewer page renders what users wrote (titles, handles) as text only.
    files: ["storefront/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Render user text as text (React escapes it)." },
      ],
    },
  },
]

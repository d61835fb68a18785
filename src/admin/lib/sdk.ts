import Medusa from "@medusajs/js-sdk"

/** The Admin's own session (cookie): the plugin's pages call the backend the Admin was loaded from. */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ || "/",
  auth: { type: "session" },
})

/// <reference types="vite/client" />

/** Set by the Medusa Admin for plugins: the backend's URL ("" = same origin). */
declare const __BACKEND_URL__: string

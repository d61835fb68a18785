/** The Store API's types are declared once, in the contract storefronts import. */
export type { StoreLiveConfig, StoreLiveConfigResponse } from "../../realtime/contract/store-api"

import { useBrowserStack } from "../helpers/browser-stack"
import { adminConsoleScenario } from "./browser/admin-console"
import { frontDoorsScenario } from "./browser/front-doors"
import { videoScenario } from "./browser/video"

/**
 * Every browser scenario on ONE `npm start` stack (Medusa, the Admin, the sidecar, the viewer
 * page, with the fake LiveKit and a local S3): booting it and building the Admin cost minutes, so
 * they are paid once. Each scenario makes its own shows, lots and customers.
 */
const stack = useBrowserStack()
frontDoorsScenario(stack)
adminConsoleScenario(stack)
videoScenario(stack)

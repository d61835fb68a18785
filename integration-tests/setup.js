// Each test file boots its own Medusa; stale entity metadata from a previous file breaks it.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

/** What the demo shop holds. Kept apart from the seeding steps so it reads as a catalogue. */

export const DEMO_SALES_CHANNEL = "Live Commerce Demo"
export const DEMO_API_KEY_TITLE = "Live Commerce Demo storefront"

export const DEMO_SHOW_TITLE = "Friday night breaks (demo)"
export const DEMO_ADMIN = { email: "admin@live-commerce.local", password: "live-commerce-admin" }
/** An admin user with a seller profile: confined to their own shows and lots in the Admin. */
export const DEMO_SELLER = {
  email: "seller@live-commerce.local",
  password: "live-commerce-seller",
  handle: "demo-seller",
  display_name: "Demo Seller",
  bio: "Cards, kicks and vintage finds, live every Friday.",
}
export const DEMO_SELLER_SHOW_TITLE = "Demo Seller's Friday lineup"
/** The seller's lineup: demo products by handle, each a 30-second draft lot with soft close. */
export const DEMO_SELLER_LINEUP = [
  { handle: "holo-dragon-card", starting_price: 40 },
  { handle: "sealed-booster-box", starting_price: 30 },
  { handle: "retro-high-top-10", starting_price: 60 },
  { handle: "vintage-film-camera", starting_price: 25 },
]

export const DEMO_CUSTOMER = {
  email: "buyer@live-commerce.local",
  password: "live-commerce-buyer",
  first_name: "Demo",
  last_name: "Buyer",
}

export const DEMO_COUNTRIES = ["us", "ca"]
export const DEMO_CURRENCY = "usd"

export type DemoProduct = {
  title: string
  handle: string
  category: string
  description: string
  /** Price in dollars (Medusa stores main units). */
  price: number
  /** Colour of the generated placeholder image. */
  color: string
}

export const DEMO_CATEGORIES = ["Trading Cards", "Sneakers", "Vintage"]

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: "Holographic Dragon Card (PSA 9)",
    handle: "holo-dragon-card",
    category: "Trading Cards",
    description: "Graded first-edition holographic dragon. A classic opener for a card break.",
    price: 120,
    color: "#7c3aed",
  },
  {
    title: "Sealed Booster Box",
    handle: "sealed-booster-box",
    category: "Trading Cards",
    description: "36 packs, factory sealed. Ripped live on the show or shipped sealed.",
    price: 95,
    color: "#2563eb",
  },
  {
    title: "Retro High-Top Sneakers, Size 10",
    handle: "retro-high-top-10",
    category: "Sneakers",
    description: "Deadstock retro high-tops in the original box.",
    price: 180,
    color: "#dc2626",
  },
  {
    title: "1970s Film Camera",
    handle: "vintage-film-camera",
    category: "Vintage",
    description: "Tested and working 35 mm rangefinder with its leather case.",
    price: 75,
    color: "#059669",
  },
]

/** A small SVG so the demo has real, locally served images and needs no network. */
export function placeholderImage(product: DemoProduct): string {
  const label = product.title.replace(/[<&>"]/g, "")
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <rect width="800" height="800" fill="${product.color}"/>
  <text x="400" y="400" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${label}</text>
</svg>`
}

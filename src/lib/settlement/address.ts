/** The fields a cart's shipping address takes from a customer's saved address. */
const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
] as const

type SavedAddress = Record<string, any> & { is_default_shipping?: boolean }

/** The customer's default shipping address (else their first), as a cart address; null if none. */
export function defaultShippingAddress(addresses: SavedAddress[] | null | undefined): Record<string, unknown> | null {
  const address = addresses?.find((a) => a.is_default_shipping) ?? addresses?.[0]
  if (!address) {
    return null
  }
  return Object.fromEntries(ADDRESS_FIELDS.filter((k) => address[k] != null).map((k) => [k, address[k]]))
}

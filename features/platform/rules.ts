/** Rules for tenants: the slug a company name gets. Plain functions. */

/** A URL-safe slug from a company name: "Acme Ltd." becomes "acme-ltd". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/**
 * Publishable widget keys: `fl_pk_` + 32 random base62 characters. Public by design (they sit in a
 * partner's HTML), so the key alone grants little: its allowed origins, its widgets' trusted
 * documents and the widget fields. Stored as a SHA-256 hash like secret keys; shown once.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isPublishableKey } from '../../features/widgets/rules.ts';
import { publishableKeys, type WidgetKind } from '../../features/widgets/tables.ts';
import { hashSecretKey } from '../../db/keys.ts';

/** What a request needs to know about its publishable key. */
export interface ActivePublishableKey {
  id: string;
  tenantId: string;
  allowedOrigins: readonly string[];
  widgets: readonly WidgetKind[];
}

/**
 * The active (known, not revoked) key for `key`, or null. Malformed keys are refused before any
 * hashing or SQL. This is a lookup by hash before the tenant is known, like secret keys'.
 */
export async function findActivePublishableKey(db: Database, key: string | null): Promise<ActivePublishableKey | null> {
  if (!key || !isPublishableKey(key)) return null;
  const [row] = await db
    .select({
      id: publishableKeys.id,
      tenantId: publishableKeys.tenantId,
      allowedOrigins: publishableKeys.allowedOrigins,
      widgets: publishableKeys.widgets,
      revokedAt: publishableKeys.revokedAt,
    })
    .from(publishableKeys)
    .where(eq(publishableKeys.hash, await hashSecretKey(key)))
    .limit(1);
  if (!row || row.revokedAt) return null;
  return { id: row.id, tenantId: row.tenantId, allowedOrigins: row.allowedOrigins, widgets: row.widgets };
}

// The part of a WebExtension storage area (storage.local, storage.sync, storage.managed) the
// store uses. Passed in rather than reached for, so unit tests run against memory-area.ts,
// which enforces Chrome's real quotas, and the background against browser.storage.*.

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type ChangeListener = (changes: Record<string, StorageChange>) => void;

export interface StorageEvent {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Chrome 73+, Firefox 101+: changes to this area only, from any context or device. */
  onChanged?: StorageEvent;
}

/** storage.managed: read-only, and absent or refusing where no policy is set (Firefox). */
export interface ReadableArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  onChanged?: StorageEvent;
}

/**
 * Whether `error` is a storage quota refusal. Chrome's messages name the quota
 * ("QUOTA_BYTES quota exceeded", "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_ITEMS quota
 * exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded", also _PER_HOUR); Firefox's
 * sync says "QuotaExceededError" or "exceeded ... quota".
 */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS|QuotaExceeded|quota/iu.test(text);
}

/** The message of anything thrown, for problems and replies. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// An in-memory storage area that behaves like Chrome's: values are copied through JSON on
// the way in and out (as the browser serialises them), onChanged fires with old and new
// values, and the quotas are enforced with Chrome's error messages. Used by unit tests of the
// store, the service and the content client; no browser code.
import type { ChangeListener, StorageArea, StorageChange } from './area.ts';
import { utf8Length } from '../dictionary/user-entry.ts';

export interface Quotas {
  /** Total bytes: sum over items of key length + JSON length of the value. */
  QUOTA_BYTES: number;
  QUOTA_BYTES_PER_ITEM?: number;
  MAX_ITEMS?: number;
  MAX_WRITE_OPERATIONS_PER_MINUTE?: number;
}

/** chrome.storage.sync (Firefox's storage.sync has the same numbers). */
export const SYNC_QUOTAS: Quotas = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
};

/** chrome.storage.local without the unlimitedStorage permission. */
export const LOCAL_QUOTAS: Quotas = { QUOTA_BYTES: 10_485_760 };

/** Bytes Chrome counts for one item: the key plus the JSON of its value. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

export interface MemoryArea extends StorageArea {
  onChanged: NonNullable<StorageArea['onChanged']>;
  /** The stored items as they are, for assertions (a copy). */
  dump(): Record<string, unknown>;
  /** Bytes in use, as Chrome counts them. */
  bytesInUse(): number;
  /** How many set/remove calls succeeded or failed: each counts as one write operation. */
  writes: number;
}

/**
 * `now` decides when a minute of write operations has passed (tests pass a clock they move);
 * `failNext` lets a test make the next write fail with a given error, as a browser might.
 */
export function createMemoryArea(quotas: Quotas = LOCAL_QUOTAS, now: () => number = () => 0): MemoryArea & {
  failNext(error: Error): void;
} {
  const items = new Map<string, string>();
  const listeners = new Set<ChangeListener>();
  const writeTimes: number[] = [];
  let failure: Error | undefined;

  const copy = (json: string | undefined): unknown => (json === undefined ? undefined : JSON.parse(json));
  const keysOf = (keys?: string | string[] | null): string[] => {
    if (keys === undefined || keys === null) return [...items.keys()];
    return typeof keys === 'string' ? [keys] : keys;
  };
  const countWrite = () => {
    const limit = quotas.MAX_WRITE_OPERATIONS_PER_MINUTE;
    if (failure) {
      const error = failure;
      failure = undefined;
      throw error;
    }
    if (limit === undefined) return;
    const t = now();
    while (writeTimes.length > 0 && writeTimes[0]! <= t - 60_000) writeTimes.shift();
    if (writeTimes.length >= limit) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    writeTimes.push(t);
  };
  const emit = (changes: Record<string, StorageChange>) => {
    if (Object.keys(changes).length === 0) return;
    // Browsers deliver change events asynchronously, after the write has resolved.
    queueMicrotask(() => {
      for (const listener of listeners) listener(structuredClone(changes));
    });
  };
  const bytes = (map: Map<string, string>) => {
    let total = 0;
    for (const [key, json] of map) total += utf8Length(key) + utf8Length(json);
    return total;
  };

  const area = {
    writes: 0,
    async get(keys?: string | string[] | null) {
      const out: Record<string, unknown> = {};
      for (const key of keysOf(keys)) if (items.has(key)) out[key] = copy(items.get(key));
      return out;
    },
    async set(values: Record<string, unknown>) {
      area.writes++;
      countWrite();
      const next = new Map(items);
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        const json = JSON.stringify(value);
        if (quotas.QUOTA_BYTES_PER_ITEM !== undefined && itemBytes(key, value) > quotas.QUOTA_BYTES_PER_ITEM) {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        next.set(key, json);
      }
      if (quotas.MAX_ITEMS !== undefined && next.size > quotas.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
      if (bytes(next) > quotas.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      const changes: Record<string, StorageChange> = {};
      for (const [key, json] of next) {
        if (!(key in values)) continue;
        if (items.get(key) === json) continue;
        changes[key] = { oldValue: copy(items.get(key)), newValue: copy(json) };
        items.set(key, json);
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      area.writes++;
      countWrite();
      const changes: Record<string, StorageChange> = {};
      for (const key of keysOf(keys)) {
        if (!items.has(key)) continue;
        changes[key] = { oldValue: copy(items.get(key)) };
        items.delete(key);
      }
      emit(changes);
    },
    onChanged: {
      addListener: (listener: ChangeListener) => void listeners.add(listener),
      removeListener: (listener: ChangeListener) => void listeners.delete(listener),
    },
    dump: () => Object.fromEntries([...items].map(([key, json]) => [key, JSON.parse(json)])),
    bytesInUse: () => bytes(items),
    failNext(error: Error) {
      failure = error;
    },
  };
  return area;
}

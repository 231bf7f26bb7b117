// The copy of the user's allowed terms and dictionary in storage.sync, so their second
// computer gets them. storage.sync allows 8,192 bytes per item, 102,400 in all and 512 items
// (editors.md "Storage limits"), so the JSON text is cut into chunks of at most CHUNK_BYTES
// (key + stored value, as Chrome counts) plus a meta record that says how many chunks make it
// up and a hash of the whole, which tells a reader on another computer whether every chunk
// of one save has arrived. Each save is one `set` call (one write operation of the 120 a
// minute allows), with a second (`remove`) only when the text got shorter.
import type { StorageArea } from './area.ts';
import { utf8Length } from '../dictionary/user-entry.ts';
import { SYNC_META_KEY, syncChunkKey } from './keys.ts';
import { itemBytes } from './memory-area.ts';
import { readUserData, type UserData } from './user-record.ts';

export const MIRROR_VERSION = 1;
/** Bytes of one chunk item (key + JSON of its value): under the 8,192 limit with room to spare. */
export const CHUNK_BYTES = 7 * 1024;
/** All mirror items together; leaves room under 102,400 for settings kept in sync later. */
export const MIRROR_BUDGET = 96 * 1024;

export interface MirrorMeta {
  version: number;
  chunks: number;
  hash: string;
  savedAt: number;
}

/** FNV-1a over UTF-16 code units: tells one save from another, not a security measure. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}:${text.length}`;
}

export function mirrorText(data: UserData): string {
  return JSON.stringify({ allowed: data.allowed, entries: data.entries });
}

/** `text` cut so that every piece, stored as a JSON string under `keyOf(i)`, fits CHUNK_BYTES. */
export function chunkText(text: string, keyOf: (index: number) => string = syncChunkKey): string[] {
  const chunks: string[] = [];
  let start = 0;
  let bytes = 2; // the quotes
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    const cost = utf8Length(JSON.stringify(char)) - 2;
    const room = CHUNK_BYTES - utf8Length(keyOf(chunks.length));
    if (bytes + cost > room && i > start) {
      chunks.push(text.slice(start, i));
      start = i;
      bytes = 2;
      continue;
    }
    bytes += cost;
    i += width;
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start));
  return chunks;
}

export type MirrorPlan =
  | { ok: true; items: Record<string, unknown>; hash: string; chunks: number; bytes: number }
  | { ok: false; bytes: number };

/** The items one save writes, or the size when it would not fit MIRROR_BUDGET. */
export function planMirror(data: UserData, savedAt: number): MirrorPlan {
  const text = mirrorText(data);
  const chunks = chunkText(text);
  const hash = textHash(text);
  const meta: MirrorMeta = { version: MIRROR_VERSION, chunks: chunks.length, hash, savedAt };
  const items: Record<string, unknown> = { [SYNC_META_KEY]: meta };
  chunks.forEach((chunk, index) => (items[syncChunkKey(index)] = chunk));
  const bytes = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  if (bytes > MIRROR_BUDGET) return { ok: false, bytes };
  return { ok: true, items, hash, chunks: chunks.length, bytes };
}

/** Writes a planned save; removes chunks a longer earlier save left behind. */
export async function writeMirror(sync: StorageArea, plan: Extract<MirrorPlan, { ok: true }>, previousChunks: number): Promise<void> {
  await sync.set(plan.items);
  if (previousChunks > plan.chunks) {
    const stale = Array.from({ length: previousChunks - plan.chunks }, (_, i) => syncChunkKey(plan.chunks + i));
    await sync.remove(stale);
  }
}

export type MirrorRead =
  | { state: 'missing' }
  /** Half-arrived, from a newer Selge, or damaged: left alone, never written over blindly. */
  | { state: 'unreadable'; reason: string; meta?: MirrorMeta }
  | { state: 'ok'; data: UserData; meta: MirrorMeta; problems: string[] };

function readMeta(raw: unknown): MirrorMeta | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const count = m.chunks;
  if (typeof m.version !== 'number' || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 512) return undefined;
  if (typeof m.hash !== 'string' || typeof m.savedAt !== 'number') return undefined;
  return { version: m.version, chunks: count, hash: m.hash, savedAt: m.savedAt };
}

export async function readMirror(sync: StorageArea): Promise<MirrorRead> {
  const rawMeta = (await sync.get(SYNC_META_KEY))[SYNC_META_KEY];
  if (rawMeta === undefined) return { state: 'missing' };
  const meta = readMeta(rawMeta);
  if (!meta) return { state: 'unreadable', reason: 'the sync record is damaged' };
  if (meta.version > MIRROR_VERSION) return { state: 'unreadable', reason: 'the sync copy was written by a newer version of Selge', meta };
  const keys = Array.from({ length: meta.chunks }, (_, i) => syncChunkKey(i));
  const stored = await sync.get(keys);
  const parts = keys.map((key) => stored[key]);
  if (parts.some((part) => typeof part !== 'string')) return { state: 'unreadable', reason: 'part of the sync copy has not arrived', meta };
  const text = parts.join('');
  if (textHash(text) !== meta.hash) return { state: 'unreadable', reason: 'the parts of the sync copy are from different saves', meta };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { state: 'unreadable', reason: 'the sync copy is not valid JSON', meta };
  }
  if (parsed === null || typeof parsed !== 'object') return { state: 'unreadable', reason: 'the sync copy is not an object', meta };
  const read = readUserData(parsed as Record<string, unknown>, 'Synced user data');
  return { state: 'ok', data: read.value, meta, problems: read.problems };
}

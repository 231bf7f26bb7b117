// The storage keys Selge owns. A leaf module (no imports) so the content script can watch
// REVISION_KEY without loading the store.

/** storage.local: the user's familiar list and dictionary (user-record.ts). */
export const USER_KEY = 'selge:user';
/** storage.local only: "Ignore in this message" per message key (ignored-record.ts). */
export const IGNORED_KEY = 'selge:ignored';
/** storage.local: problems the popup shows (problems.ts). */
export const PROBLEMS_KEY = 'selge:problems';
/**
 * storage.local: a number the background raises after every change to what the
 * `selge/dictionary` reply holds (user dictionary, familiar list, team dictionary). Content
 * scripts watch this one key with storage.local.onChanged and ask again when it changes.
 */
export const REVISION_KEY = 'selge:revision';
/** storage.local: stored values that could not be read, kept as they were: `selge:backup:<key>:<time>`. */
export const BACKUP_PREFIX = 'selge:backup:';

/** storage.sync: the mirror of USER_KEY's allowed + entries, in chunks (sync-mirror.ts). */
export const SYNC_META_KEY = 'selge:sync:meta';
export const syncChunkKey = (index: number): string => `selge:sync:${index}`;

/** storage.local: a hash of the team dictionary policy value the background last saw. */
export const TEAM_HASH_KEY = 'selge:team-hash';

// Problems the user should hear about (corrupt stored data set aside, sync refused, a team
// dictionary that does not load), one per code, kept in storage.local so the popup can show
// them later. The list in memory is the truth: if storage refuses to store it, it is still
// answered while the background runs.
import * as v from 'valibot';
import type { StorageArea } from './area.ts';
import { PROBLEMS_KEY } from './keys.ts';
import { createSerialQueue } from './serial.ts';

export type ProblemCode =
  /** Stored data that could not be read whole; the raw value is in a backup key. */
  | 'stored-data'
  /** storage.local refused a write: the change holds until the browser restarts. */
  | 'local-write'
  /** storage.sync refused the mirror (quota, rate, offline): kept on this computer only. */
  | 'sync-write'
  /** The user data is larger than storage.sync holds. */
  | 'sync-too-large'
  /** The team dictionary (storage.managed) is invalid and is not used. */
  | 'team-dictionary'
  /** The user dictionary could not be layered over the built-in one as a whole. */
  | 'user-dictionary';

export interface Problem {
  code: ProblemCode;
  /** For people: what happened and what Selge did about it. */
  message: string;
  /** Details, such as one line per entry set aside (at most 20). */
  details: string[];
  at: number;
}

const ProblemSchema = v.object({
  code: v.string(),
  message: v.string(),
  details: v.array(v.string()),
  at: v.number(),
});

export interface ProblemLog {
  load(): Promise<void>;
  record(code: ProblemCode, message: string, details?: string[]): Promise<void>;
  clear(code: ProblemCode): Promise<void>;
  list(): Problem[];
}

export function createProblemLog(local: StorageArea, now: () => number = Date.now): ProblemLog {
  let problems: Problem[] = [];
  let loaded: Promise<void> | undefined;
  const queue = createSerialQueue();
  const save = () =>
    queue.run(async () => {
      try {
        await local.set({ [PROBLEMS_KEY]: problems });
      } catch {
        // Nowhere left to report to: the list stays in memory (see the header).
      }
    });
  const load = () =>
    (loaded ??= (async () => {
      try {
        const raw = (await local.get(PROBLEMS_KEY))[PROBLEMS_KEY];
        const parsed = v.safeParse(v.array(ProblemSchema), raw);
        // Problems recorded before the stored ones were read win.
        if (parsed.success) problems = [...parsed.output.filter((p) => !problems.some((q) => q.code === p.code)) as Problem[], ...problems];
      } catch {
        // Unreadable problem list: start a new one (it only ever holds copies of messages).
      }
    })());
  return {
    load,
    async record(code, message, details = []) {
      await load();
      const old = problems.find((p) => p.code === code);
      if (old && old.message === message && JSON.stringify(old.details) === JSON.stringify(details.slice(0, 20))) return;
      problems = [...problems.filter((p) => p.code !== code), { code, message, details: details.slice(0, 20), at: now() }];
      await save();
    },
    async clear(code) {
      await load();
      if (!problems.some((p) => p.code === code)) return;
      problems = problems.filter((p) => p.code !== code);
      await save();
    },
    list: () => problems.map((p) => ({ ...p, details: [...p.details] })),
  };
}

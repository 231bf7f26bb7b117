import { describe, expect, it } from 'vitest';
import { extraOrigins, startSiteAccess, type PermissionsArea } from './site-access';

const BUILTIN = ['https://mail.google.com/*', 'https://*.zendesk.com/*'];

type Listener = (permissions: { origins?: string[] }) => void;

/** Permissions as the browser keeps them: granting fires onAdded, revoking onRemoved. */
function fakePermissions(initial: string[]) {
  const granted = new Set(initial);
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const area: PermissionsArea = {
    getAll: async () => ({ origins: [...granted] }),
    onAdded: { addListener: (listener) => added.push(listener) },
    onRemoved: { addListener: (listener) => removed.push(listener) },
  };
  return {
    area,
    grant(origins: string[]) {
      origins.forEach((origin) => granted.add(origin));
      added.forEach((listener) => listener({ origins }));
    },
    revoke(origins: string[]) {
      origins.forEach((origin) => granted.delete(origin));
      removed.forEach((listener) => listener({ origins }));
    },
  };
}

function start(initial: string[], options: { failFirst?: boolean } = {}) {
  const permissions = fakePermissions(initial);
  const registered: string[][] = [];
  const injected: string[][] = [];
  const reported: unknown[] = [];
  let fail = options.failFirst ?? false;
  const access = startSiteAccess({
    permissions: permissions.area,
    registrar: {
      set: async (origins) => {
        if (fail) {
          fail = false;
          throw new Error('registration refused');
        }
        registered.push([...origins]);
      },
    },
    injector: {
      inject: async (origins) => {
        injected.push([...origins]);
      },
    },
    builtin: BUILTIN,
    report: (error) => reported.push(error),
  });
  return { permissions, registered, injected, reported, ready: () => access.ready };
}

/** Lets the queued reconciles finish (they chain on promises only). */
async function drain(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('extraOrigins', () => {
  it('keeps the granted origins the manifest does not cover, sorted and once each', () => {
    expect(extraOrigins(['https://b.test/*', ...BUILTIN, 'https://a.test/*', 'https://b.test/*'], BUILTIN)).toEqual([
      'https://a.test/*',
      'https://b.test/*',
    ]);
    expect(extraOrigins(undefined, BUILTIN)).toEqual([]);
  });
});

describe('startSiteAccess', () => {
  it('registers the script for the sites already switched on at start, without the built-in ones', async () => {
    const run = start([...BUILTIN, 'https://help.example.org/*']);
    await run.ready();
    expect(run.registered).toEqual([['https://help.example.org/*']]);
    expect(run.injected).toEqual([]);
  });

  it('clears the registration at start when no other site is switched on', async () => {
    const run = start(BUILTIN);
    await run.ready();
    expect(run.registered).toEqual([[]]);
  });

  it('registers a newly granted site and starts the script in its open tabs', async () => {
    const run = start([...BUILTIN, 'https://a.test/*']);
    await run.ready();
    run.permissions.grant(['https://b.test/*']);
    await drain();
    expect(run.registered).toEqual([['https://a.test/*'], ['https://a.test/*', 'https://b.test/*']]);
    // Only the new site's tabs: the other one's already run the script.
    expect(run.injected).toEqual([['https://b.test/*']]);
  });

  it('drops a revoked site from the registration and injects nothing', async () => {
    const run = start([...BUILTIN, 'https://a.test/*', 'https://b.test/*']);
    await run.ready();
    run.permissions.revoke(['https://a.test/*']);
    await drain();
    expect(run.registered.at(-1)).toEqual(['https://b.test/*']);
    expect(run.injected).toEqual([]);
  });

  it('ignores permission changes that touch only the built-in sites', async () => {
    const run = start(BUILTIN);
    await run.ready();
    run.permissions.grant(['https://mail.google.com/*']);
    run.permissions.revoke(['https://*.zendesk.com/*']);
    await drain();
    expect(run.registered).toEqual([[]]);
    expect(run.injected).toEqual([]);
  });

  it('ends in the state of the last change when a grant and a revocation follow each other', async () => {
    const run = start(BUILTIN);
    await run.ready();
    run.permissions.grant(['https://a.test/*']);
    run.permissions.revoke(['https://a.test/*']);
    await drain();
    expect(run.registered.at(-1)).toEqual([]);
    // Revoked before its turn came: no tab gets the script for a site that is off again.
    expect(run.injected).toEqual([]);
  });

  it('reports a failed registration and still follows the next change', async () => {
    const run = start([...BUILTIN, 'https://a.test/*'], { failFirst: true });
    await run.ready();
    expect(run.reported).toEqual([new Error('registration refused')]);
    expect(run.registered).toEqual([]);
    run.permissions.grant(['https://b.test/*']);
    await drain();
    expect(run.registered).toEqual([['https://a.test/*', 'https://b.test/*']]);
  });
});

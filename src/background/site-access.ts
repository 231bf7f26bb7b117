// Sites the user switched on: the optional host permissions granted at run time (the popup
// asks for them). The manifest's content script covers only the built-in help desks and
// mail composers; for every other granted origin the same script is registered here, and
// kept in step with the permissions as they are granted and revoked.

/** The content script as the manifest declares it (see entrypoints/content.ts). */
export const CONTENT_SCRIPT = {
  js: ['content-scripts/content.js'],
  css: ['content-scripts/content.css'],
  allFrames: true,
  matchAboutBlank: true,
} as const;

/** Registers the content script for exactly these match patterns (none: unregisters it). */
export interface ScriptRegistrar {
  set(origins: readonly string[]): Promise<void>;
}

/** Starts the content script in tabs that are already open (a reload should not be needed). */
export interface TabInjector {
  inject(origins: readonly string[]): Promise<void>;
}

/** The slice of `browser.permissions` that site access needs. */
export interface PermissionsArea {
  getAll(): Promise<{ origins?: string[] }>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}

interface PermissionEvent {
  addListener(listener: (permissions: { origins?: string[] }) => void): void;
}

export interface SiteAccessDeps {
  permissions: PermissionsArea;
  registrar: ScriptRegistrar;
  injector: TabInjector;
  /** Match patterns the manifest's content script already covers. */
  builtin: readonly string[];
  /** Where a failed registration is told (the problem log); site access keeps going. */
  report(error: unknown): void;
}

/** The granted origins the manifest does not already cover, sorted and without repeats. */
export function extraOrigins(granted: readonly string[] | undefined, builtin: readonly string[]): string[] {
  const known = new Set(builtin);
  return [...new Set(granted ?? [])].filter((origin) => !known.has(origin)).sort();
}

/**
 * Reconciles the registration with the granted permissions now, and again after every
 * grant or revocation. Listeners are added before the first await, so an MV3 service worker
 * woken by a permission change finds them. Reconciles run one after another: a grant and a
 * quick revocation must not race into an out-of-date registration.
 */
export function startSiteAccess(deps: SiteAccessDeps): { ready: Promise<void> } {
  let queue = Promise.resolve();
  const reconcile = (afterwards?: (origins: string[]) => Promise<void>) => {
    queue = queue
      .then(async () => {
        const origins = extraOrigins((await deps.permissions.getAll()).origins, deps.builtin);
        await deps.registrar.set(origins);
        await afterwards?.(origins);
      })
      .catch(deps.report);
    return queue;
  };
  deps.permissions.onAdded.addListener((added) => {
    const fresh = extraOrigins(added.origins, deps.builtin);
    if (fresh.length === 0) return;
    // Tabs already open on a site just switched on get the script too; the registration
    // covers pages loaded from now on.
    void reconcile(async (origins) => {
      const stillOn = fresh.filter((origin) => origins.includes(origin));
      if (stillOn.length > 0) await deps.injector.inject(stillOn);
    });
  });
  deps.permissions.onRemoved.addListener((removed) => {
    if (extraOrigins(removed.origins, deps.builtin).length > 0) void reconcile();
  });
  return { ready: reconcile() };
}

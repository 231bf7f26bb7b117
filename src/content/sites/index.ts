// Pages where Selge's content script runs, and the adapters that apply there. Start narrow:
// the help-desk and mail composers customers' replies are written in. Match patterns, see
// https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
import { appliesTo, type SiteAdapter } from './adapter';
import { generic } from './generic';
import { gmail } from './gmail';

export type { SiteAdapter } from './adapter';

export const CONTENT_MATCHES = [
  'https://mail.google.com/*',
  'https://*.zendesk.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
];

/** Site adapters first, generic last. Later the generic one only where the user enabled it. */
export const ADAPTERS: readonly SiteAdapter[] = [gmail, generic];

export function adaptersFor(hostname: string, adapters: readonly SiteAdapter[] = ADAPTERS): SiteAdapter[] {
  return adapters.filter((adapter) => appliesTo(adapter, hostname));
}

// Pages where Selge's content script runs, and the adapters that apply there. Start narrow:
// the help-desk and mail composers customers' replies are written in. Match patterns, see
// https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
import { appliesTo, type SiteAdapter } from './adapter';
import { editors } from './editors';
import { freshdesk } from './freshdesk';
import { generic } from './generic';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { intercom } from './intercom';
import { outlook } from './outlook';
import { zendesk } from './zendesk';

export type { SiteAdapter } from './adapter';

export const CONTENT_MATCHES = [
  'https://mail.google.com/*',
  'https://*.zendesk.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
  'https://*.freshdesk.com/*',
  'https://secure.helpscout.net/*',
  // Intercom's US, EU and Australian regions (see intercom.ts).
  'https://app.intercom.com/*',
  'https://app.eu.intercom.com/*',
  'https://app.au.intercom.com/*',
];

/**
 * Site adapters first, then the known rich editors, generic last. Later the editors and the
 * generic rules only where the user enabled them.
 */
export const ADAPTERS: readonly SiteAdapter[] = [
  gmail, zendesk, outlook, freshdesk, helpscout, intercom, editors, generic,
];

export function adaptersFor(hostname: string, adapters: readonly SiteAdapter[] = ADAPTERS): SiteAdapter[] {
  return adapters.filter((adapter) => appliesTo(adapter, hostname));
}

/**
 * The host name a frame's adapters are chosen by. An about:blank or about:srcdoc frame (the
 * iframe TinyMCE writes its editor into) has no host of its own; it belongs to the origin
 * that made it, which `window.origin` keeps.
 */
export function frameHostname(location: Pick<Location, 'hostname'>, origin: string): string {
  if (location.hostname) return location.hostname;
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

// Outlook on the web (outlook.office.com, outlook.live.com): the mail body is a roosterjs
// editor. Class names are hashed and change with every release, so only attributes and the
// ids Outlook gives the reply part are used. Verified against
// tests/fixtures/editors/outlook.html, built from the real roosterjs package.
import type { SiteAdapter } from './adapter';

export const outlook: SiteAdapter = {
  name: 'outlook',
  hosts: ['outlook.office.com', 'outlook.live.com'],
  fields: [
    // The message body: roosterjs's contenteditable div, which Outlook marks as a textbox.
    // (The subject line is an <input>, checked by the generic rules.)
    'div[contenteditable=true][role=textbox]',
  ],
  skipFields: [],
  skipInside: [
    // The empty marker Outlook puts between the new text and the reply part.
    '#appendonsend',
    // Everything after that marker: the divider, the "From/Sent/To/Subject" header and the
    // quoted mail. The customer's words, not ours.
    '#appendonsend ~ *',
    // The reply header itself, for replies where the marker is missing (drafts saved by
    // other clients keep only this one).
    '#divRplyFwdMsg',
    // The quoted mail that follows the reply header.
    '#divRplyFwdMsg ~ *',
    // The sender's signature block, written once and not part of this message's wording.
    '#Signature',
  ],
};

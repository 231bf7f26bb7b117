// Gmail's compose and reply editors. Verified against tests/fixtures/pages/gmail-*.html,
// which keep the structure of the real compose window.
import type { SiteAdapter } from './adapter';

export const gmail: SiteAdapter = {
  name: 'gmail',
  hosts: ['mail.google.com'],
  fields: [
    // The message body. Gmail marks its own editors with g_editable; role=textbox leaves out
    // other g_editable parts. Not limited to [role=dialog]: inline replies and pop-out
    // windows use the same editor outside the compose dialog.
    'div[g_editable=true][role=textbox]',
  ],
  skipFields: [],
  skipInside: [
    // The quoted reply: the "On Mon, … wrote:" line plus the quoted message. The customer's
    // words, not ours; flagging their acronyms would be noise.
    '.gmail_quote',
    // A quote Gmail keeps without the wrapper div, e.g. forwarded from other mail clients.
    'blockquote.gmail_quote',
    // The sender's signature: written once, not part of this message's wording.
    '.gmail_signature',
  ],
};

// Freshdesk (*.freshdesk.com): the ticket reply, forward and note editors are Froala. What is
// known, and from where (public code read through the project's code search):
// - chrisrivero-dev/futurehub-sidecar static/js/freshdesk_tampermonkey.user.js, a userscript
//   for today's Freshdesk (@match https://*.freshdesk.com/*) that writes drafts into
//   "div.fr-element.fr-view[contenteditable='true']", its comment: "Insert into Froala editor".
// - Ramesh-Veeriaperumal/freshconsult, Freshdesk's own Rails app (the classic agent UI):
//   public/javascripts/app/ticket_details.js, seperateQuoteText(), strips
//   "div.freshdesk_quote" out of the reply body before sending, so the quoted mail sits inside
//   the editor; its reply template helper (quoted_text) builds
//   <div class="freshdesk_quote"><blockquote class="freshdesk_quote">… wrote: …</blockquote></div>.
//   The same helper puts the agent's signature in a plain <div> with no class: nothing
//   stable marks it, so the signature is checked like the rest of the reply (not guessed at).
// Verified against tests/fixtures/editors/freshdesk.html: Froala's markup on a plain
// contenteditable, since froala-editor is not among the project's packages.
import type { SiteAdapter } from './adapter';

export const freshdesk: SiteAdapter = {
  name: 'freshdesk',
  hosts: ['.freshdesk.com'],
  fields: [
    // Froala's editing root: fr-element marks the editable, fr-view the content styles
    // (futurehub-sidecar, above). The attribute leaves out a Froala box switched to read-only.
    '.fr-element.fr-view[contenteditable=true]',
  ],
  skipFields: [],
  skipInside: [
    // The quoted customer mail Freshdesk puts under the reply ("On …, Mari <…> wrote:"): the
    // customer's words, not the agent's (freshconsult ticket_details.js and quoted_text).
    '.freshdesk_quote',
    // The blockquote inside it carries the class too; listed for a quote pasted without its
    // wrapper div, as Gmail's adapter does for blockquote.gmail_quote.
    'blockquote.freshdesk_quote',
    // Froala's selection markers: empty spans with a zero-width space that Froala puts in
    // the content while it runs a command ($.FroalaEditor.START_MARKER / END_MARKER in
    // Froala's froala_editor.js, '<span class="fr-marker" …>&#8203;</span>'). Not text.
    '.fr-marker',
  ],
};

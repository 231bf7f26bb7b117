// Intercom inbox (app.intercom.com and its EU and Australian regions): the reply and note
// composer is Intercom's ProseMirror editor ("embercom" is Intercom's Ember app). What is
// known, and from where:
// - The hosts: nango.dev's Intercom guide (docs/api-integrations/intercom/connect) and
//   speakeasy.com's (docs/ai-control-plane/guides/intercom) tell the region by the address:
//   app.intercom.com (US), app.eu.intercom.com (EU), app.au.intercom.com (Australia).
//   app.intercom.io is the old address (saadq/intercom-code src/manifest.json), left out.
// - The composer: Gunnyarts/tb tagenforcer/tagenforcer.user.js (@match
//   https://app.intercom.com/*) reads the reply and the note from
//   ".conversation__text .embercom-prosemirror-composer-editor".
// The conversation stream the customer wrote is outside the composer and not editable, so it
// needs no rule. No public source shows quotes, signatures or mention widgets inside the
// composer, so none is guessed: ProseMirror's widgets and non-editable nodes are already
// skipped by the editors and generic rules.
// Verified against tests/fixtures/editors/intercom.html, built from the real ProseMirror.
import type { SiteAdapter } from './adapter';

export const intercom: SiteAdapter = {
  name: 'intercom',
  hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'],
  fields: [
    // The composer's ProseMirror root (Gunnyarts/tb, above). ProseMirror sets
    // contenteditable=true on its root only while the view is editable.
    '.embercom-prosemirror-composer-editor[contenteditable=true]',
  ],
  skipFields: [],
  skipInside: [],
};

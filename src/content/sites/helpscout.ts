// Help Scout (secure.helpscout.net): the conversation reply and note editor. What is known,
// and from where (public code read through the project's code search):
// - The app's host: toggl/track-extension src/content/helpscout.js (@urlRegex
//   *://secure.helpscout.net/*) and the content-script matches of
//   verygoodplugins/freescout-gpt-assistant manifest.json. No other agent host was found.
// - The editor: verygoodplugins/freescout-gpt-assistant adapters/helpscoutAdapter.js (2025)
//   says "Help Scout uses Slate v0.47" and tells it by the data-slate-editor attribute.
// - How Slate 0.47 renders: ianstormtaylor/slate packages/slate-react/src/components/
//   content.js puts data-slate-editor and contentEditable (null when read-only) on the root;
//   components/void.js wraps void nodes (mentions, images) in data-slate-void with a spacer.
// - The older UI: gd3kr/cx-copilot client/chrome-extension/src/utils/constants.js names the
//   reply box "redactor_redactor redactor_editor" (the Redactor editor).
// The thread the customer wrote sits above the editor and is not editable, so it needs no
// rule; no public source shows a quote or a signature inside the editor, so none is guessed.
// Verified against tests/fixtures/editors/helpscout.html: Slate's root attributes on a plain
// contenteditable, since slate is not among the project's packages.
import type { SiteAdapter } from './adapter';

export const helpscout: SiteAdapter = {
  name: 'helpscout',
  hosts: ['secure.helpscout.net'],
  fields: [
    // Slate's editing root (content.js above). contenteditable=true leaves out a root Slate
    // renders read-only; Help Scout's own class names are generated, Slate's attribute is not.
    '[data-slate-editor=true][contenteditable=true]',
    // The Redactor box of the older Help Scout UI (cx-copilot's constants.js).
    '.redactor_editor[contenteditable=true]',
  ],
  skipFields: [],
  skipInside: [
    // Slate void nodes (a mention in a note, an inline image): the spacer Slate keeps for the
    // caret and the node's own non-editable rendering are not the agent's words (void.js).
    '[data-slate-void]',
  ],
};

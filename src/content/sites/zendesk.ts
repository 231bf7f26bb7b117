// Zendesk Agent Workspace: the omnicomposer (public replies and internal notes) is a
// CKEditor 5 editor. Verified against tests/fixtures/editors/zendesk.html, built from the
// real ckeditor5 package. The conversation log above the composer is the customer's text
// and is no field at all (not editable), so it needs no rule.
import type { SiteAdapter } from './adapter';

export const zendesk: SiteAdapter = {
  name: 'zendesk',
  hosts: ['.zendesk.com'],
  fields: [
    // CKEditor 5's editing root. Zendesk's class names are generated (sc-…), CKEditor's are
    // stable; the contenteditable attribute leaves out a root switched to read-only.
    '.ck-editor__editable[contenteditable=true]',
  ],
  skipFields: [],
  skipInside: [
    // CKEditor widgets (images, mentions, embedded macros) are rendered as non-editable
    // islands; not the agent's own words.
    '.ck-widget',
    // CKEditor keeps an off-screen copy of a selected widget's label here, inside the
    // editable root, so screen readers can read the "fake" selection.
    '.ck-fake-selection-container',
    // UI CKEditor puts inside widgets (the "insert paragraph before/after" buttons).
    '.ck-widget__type-around',
  ],
};

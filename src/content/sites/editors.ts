// Rich text editors found on many sites (ProseMirror, Quill, Lexical, Trix, TinyMCE,
// CKEditor 5): their editing roots and the parts inside them that are editor machinery, not
// text. Applies wherever the content script runs; later only where the user switched
// checking on. Verified against tests/fixtures/editors/, built from the real npm packages.
// Every root is also a [contenteditable] the generic rules match; naming them here keeps
// them checked when the generic catch-all is narrowed, and documents what was verified.
import type { SiteAdapter } from './adapter';

export const editors: SiteAdapter = {
  name: 'editors',
  hosts: [],
  fields: [
    // ProseMirror (and editors built on it: Tiptap, Remirror, Atlassian's) mount here.
    '.ProseMirror',
    // Quill 1 and 2: the editing root inside .ql-container.
    '.ql-editor',
    // Lexical sets this on its root element (the contenteditable it was given).
    '[data-lexical-editor=true]',
    // Trix: the custom element itself is the contenteditable root.
    'trix-editor',
    // TinyMCE in iframe mode: the body of the editor's about:blank / srcdoc iframe.
    'body#tinymce',
    // TinyMCE in inline mode, and the iframe body if a page changes its id.
    '.mce-content-body',
    // CKEditor 5 outside Zendesk.
    '.ck-editor__editable',
  ],
  skipFields: [
    // Quill 1's hidden paste catcher: a contenteditable next to the editor, never shown.
    '.ql-clipboard',
  ],
  skipInside: [
    // ProseMirror decorations drawn as widgets (collaborators' cursors, placeholders):
    // not part of the document.
    '.ProseMirror-widget',
    // Lexical decorator nodes (mentions, embeds, images) render arbitrary UI.
    '[data-lexical-decorator]',
    // Trix marks what is not content (attachment toolbars, captions' UI) this way.
    '[data-trix-serialize=false]',
    // Trix attachments (files, images) with their captions.
    'figure[data-trix-attachment]',
    // TinyMCE helpers that are not content at all (off-screen selection, resize handles).
    "[data-mce-bogus='all']",
    // CKEditor's off-screen copy of a selected widget, inside the editable root.
    '.ck-fake-selection-container',
  ],
};

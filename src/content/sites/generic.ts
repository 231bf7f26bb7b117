// Rules for any page where checking is switched on: ordinary fields and rich editors.
// Site adapters add their own fields and skips on top of these.
import type { SiteAdapter } from './adapter';

export const generic: SiteAdapter = {
  name: 'generic',
  hosts: [],
  fields: [
    // Multi-line plain text: contact forms, ticket replies in simpler help desks.
    'textarea',
    // Single-line text such as a subject line; an input without a type is a text input.
    // Other types (password, search, email, url, number, tel, …) are never selected: they
    // hold secrets, queries or values, not sentences a customer reads.
    'input[type=text i]',
    'input:not([type])',
    // Rich editors (ProseMirror, Lexical, Quill, CKEditor, plain contenteditable) all end in
    // a contenteditable root; "" and "plaintext-only" are editable as well.
    '[contenteditable]:not([contenteditable=false i])',
  ],
  skipFields: [
    // Autocompleting pickers (recipients, assignees, tags): values, not prose, and our
    // underline would sit under the suggestion list.
    '[role=combobox]',
    // Explicit opt-out by the page or, later, by the user's per-field switch.
    '[data-selge=off]',
    // Nothing there the writer can change.
    '[readonly]',
    '[aria-readonly=true]',
    ':disabled',
    // Not skipped on purpose: [spellcheck=false]. Other checkers went silent there and
    // users reported it as broken (harper #3938).
  ],
  skipInside: [
    // Widgets inside an editor (mentions, chips, embedded cards): not typed text.
    '[contenteditable=false i]',
    // Explicit opt-out of a part of a field.
    '[data-selge=off]',
  ],
};

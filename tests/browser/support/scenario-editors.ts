// The fixture editors every scenario of issue 4 runs in, each under a host where the built
// extension's content script runs: the site pages under their own site, the rich editors and
// plain fields a user would meet on a help desk under Zendesk's, TinyMCE under Outlook's.
import type { EditorPageName } from '../../fixtures/editors/build';

export interface ScenarioEditor {
  name: EditorPageName;
  host: string;
}

export const SCENARIO_EDITORS: readonly ScenarioEditor[] = [
  { name: 'gmail', host: 'mail.google.com' },
  { name: 'zendesk', host: 'acme.zendesk.com' },
  { name: 'outlook', host: 'outlook.office.com' },
  { name: 'prosemirror', host: 'acme.zendesk.com' },
  { name: 'quill', host: 'acme.zendesk.com' },
  { name: 'lexical', host: 'acme.zendesk.com' },
  { name: 'trix', host: 'acme.zendesk.com' },
  { name: 'tinymce', host: 'outlook.live.com' },
  { name: 'textarea', host: 'acme.zendesk.com' },
  { name: 'input', host: 'acme.zendesk.com' },
];


// The site adapters' selector lists: one selector per entry (so each keeps its own reason),
// the skips the design depends on, and host matching.
import { describe, expect, it } from 'vitest';
import { rulesFor } from '../fields';
import { editors } from './editors';
import { generic } from './generic';
import { gmail } from './gmail';
import { ADAPTERS, adaptersFor, frameHostname } from './index';
import { outlook } from './outlook';
import { zendesk } from './zendesk';

describe('site adapters', () => {
  it.each(ADAPTERS.map((adapter) => [adapter.name, adapter] as const))('%s lists one selector per entry', (_name, adapter) => {
    for (const selector of [...adapter.fields, ...adapter.skipFields, ...adapter.skipInside]) {
      expect(selector.trim()).toBe(selector);
      expect(selector).not.toBe('');
      // A top-level comma would hide a second selector without its own comment.
      expect(selector.replace(/\([^)]*\)/g, '')).not.toContain(',');
    }
  });

  it('Gmail checks its compose body and skips quotes and signatures', () => {
    expect(gmail.fields).toContain('div[g_editable=true][role=textbox]');
    expect(gmail.skipInside).toEqual(expect.arrayContaining(['.gmail_quote', 'blockquote.gmail_quote', '.gmail_signature']));
  });

  it('the generic rules skip pickers, opt-outs, read-only fields and widgets, never spellcheck=false', () => {
    expect(generic.skipFields).toEqual(expect.arrayContaining(['[role=combobox]', '[data-selge=off]', '[readonly]', ':disabled']));
    expect(generic.skipInside).toContain('[contenteditable=false i]');
    expect(generic.skipFields.join(' ')).not.toContain('spellcheck');
    // Only text inputs: password, search, email, url and number fields are never selected.
    for (const type of ['password', 'search', 'email', 'url', 'number']) {
      expect(generic.fields.join(' ')).not.toContain(type);
    }
  });

  it('Zendesk checks CKEditor 5 roots and skips its widgets', () => {
    expect(zendesk.fields).toContain('.ck-editor__editable[contenteditable=true]');
    expect(zendesk.skipInside).toEqual(expect.arrayContaining(['.ck-widget', '.ck-fake-selection-container']));
  });

  it('Outlook checks the roosterjs body and skips the reply part and everything after it', () => {
    expect(outlook.fields).toContain('div[contenteditable=true][role=textbox]');
    expect(outlook.skipInside).toEqual(expect.arrayContaining(['#appendonsend', '#appendonsend ~ *', '#divRplyFwdMsg', '#divRplyFwdMsg ~ *']));
    // Hashed class names change with every Outlook release.
    expect([...outlook.fields, ...outlook.skipInside].join(' ')).not.toMatch(/\.[A-Za-z]/);
  });

  it('knows the roots of the rich editors and their machinery', () => {
    for (const root of ['.ProseMirror', '.ql-editor', '[data-lexical-editor=true]', 'trix-editor', 'body#tinymce']) {
      expect(editors.fields).toContain(root);
    }
    expect(editors.skipFields).toContain('.ql-clipboard');
    expect(editors.skipInside).toEqual(expect.arrayContaining(['.ProseMirror-widget', "[data-mce-bogus='all']"]));
  });

  it('applies each site adapter only on its hosts, the editors and generic rules everywhere, site rules first', () => {
    const names = (host: string) => adaptersFor(host).map((adapter) => adapter.name);
    expect(names('mail.google.com')).toEqual(['gmail', 'editors', 'generic']);
    expect(names('MAIL.google.com')).toEqual(['gmail', 'editors', 'generic']);
    expect(names('acme.zendesk.com')).toEqual(['zendesk', 'editors', 'generic']);
    expect(names('zendesk.com.example.org')).toEqual(['editors', 'generic']);
    expect(names('outlook.office.com')).toEqual(['outlook', 'editors', 'generic']);
    expect(names('outlook.live.com')).toEqual(['outlook', 'editors', 'generic']);
    expect(names('notmail.google.com')).toEqual(['editors', 'generic']);
  });

  it('chooses the adapters of an about:blank or about:srcdoc frame by the origin that made it', () => {
    expect(frameHostname({ hostname: 'acme.zendesk.com' }, 'https://acme.zendesk.com')).toBe('acme.zendesk.com');
    expect(frameHostname({ hostname: '' }, 'https://outlook.office.com')).toBe('outlook.office.com');
    // A sandboxed frame has an opaque origin: no site adapter, only the rules for every page.
    expect(frameHostname({ hostname: '' }, 'null')).toBe('');
  });

  it('joins the active rules into one selector each, matching nothing when a list is empty', () => {
    const rules = rulesFor([gmail]);
    expect(rules.fields).toBe('div[g_editable=true][role=textbox]');
    expect(rules.skipFields).toBe(':not(*)');
    expect(rules.skipInside).toBe('.gmail_quote, blockquote.gmail_quote, .gmail_signature');
  });
});

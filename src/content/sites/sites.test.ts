// The site adapters' selector lists: one selector per entry (so each keeps its own reason),
// the skips the design depends on, and host matching.
import { describe, expect, it } from 'vitest';
import { rulesFor } from '../fields';
import { generic } from './generic';
import { gmail } from './gmail';
import { ADAPTERS, adaptersFor } from './index';

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

  it('applies Gmail only on mail.google.com, the generic rules everywhere, site rules first', () => {
    expect(adaptersFor('mail.google.com').map((adapter) => adapter.name)).toEqual(['gmail', 'generic']);
    expect(adaptersFor('MAIL.google.com').map((adapter) => adapter.name)).toEqual(['gmail', 'generic']);
    expect(adaptersFor('acme.zendesk.com').map((adapter) => adapter.name)).toEqual(['generic']);
    expect(adaptersFor('notmail.google.com').map((adapter) => adapter.name)).toEqual(['generic']);
  });

  it('joins the active rules into one selector each, matching nothing when a list is empty', () => {
    const rules = rulesFor([gmail]);
    expect(rules.fields).toBe('div[g_editable=true][role=textbox]');
    expect(rules.skipFields).toBe(':not(*)');
    expect(rules.skipInside).toBe('.gmail_quote, blockquote.gmail_quote, .gmail_signature');
  });
});

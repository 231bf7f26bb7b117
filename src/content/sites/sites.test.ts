// The site adapters' selector lists: one selector per entry (so each keeps its own reason),
// the skips the design depends on, and host matching.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findFields, rulesFor } from '../fields';
import type { SiteAdapter } from './adapter';
import { editors } from './editors';
import { freshdesk } from './freshdesk';
import { generic } from './generic';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { ADAPTERS, adaptersFor, CONTENT_MATCHES, frameHostname } from './index';
import { intercom } from './intercom';
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
    expect(names('acme.freshdesk.com')).toEqual(['freshdesk', 'editors', 'generic']);
    expect(names('freshdesk.com.example.org')).toEqual(['editors', 'generic']);
    expect(names('secure.helpscout.net')).toEqual(['helpscout', 'editors', 'generic']);
    expect(names('helpscout.net')).toEqual(['editors', 'generic']);
    for (const host of ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com']) {
      expect(names(host)).toEqual(['intercom', 'editors', 'generic']);
    }
    expect(names('www.intercom.com')).toEqual(['editors', 'generic']);
  });

  it('runs the content script on exactly the hosts the site adapters are for', () => {
    // "https://*.zendesk.com/*" is the adapter host ".zendesk.com"; "https://x/*" is "x".
    const patternHosts = CONTENT_MATCHES.map((pattern) => {
      const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
      if (!host) throw new Error(`unexpected match pattern ${pattern}`);
      return host.startsWith('*.') ? host.slice(1) : host;
    });
    const adapterHosts = ADAPTERS.flatMap((adapter) => adapter.hosts);
    expect([...patternHosts].sort()).toEqual([...adapterHosts].sort());
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

/**
 * What the rules of `host` (site adapter, editors, generic: as the content script joins them)
 * make of `html`: the fields found, and for each `[data-part]` element whether it is skipped.
 */
function onHost(host: string, html: string, adapters: readonly SiteAdapter[] = adaptersFor(host)) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const rules = rulesFor(adapters);
  const parts = [...document.querySelectorAll('[data-part]')];
  return {
    fields: findFields(document, rules).map((field) => field.getAttribute('data-test') ?? field.localName),
    skipped: Object.fromEntries(parts.map((part) => [part.getAttribute('data-part'), part.closest(rules.skipInside) !== null])),
  };
}

// Markup shaped like the sources cited in each adapter file. `data-test` names a field and
// `data-part` a part of one for the assertions; neither is in any rule.
describe('help desk composers', () => {
  it('Freshdesk: the Froala reply box; the quoted customer mail and Froala markers are skipped, the signature is not', () => {
    const html =
      '<section class="ticket-conversation"><p data-part="customer">Tere! Kus on mu PO?</p></section>' +
      '<div class="fr-box fr-basic fr-top"><div class="fr-toolbar"></div><div class="fr-wrapper">' +
      '<div class="fr-element fr-view" contenteditable="true" data-test="reply">' +
      '<p data-part="reply">Tere! Meie CRM-iga<span class="fr-marker" data-id="0" data-type="true" data-part="marker">\u200b</span></p>' +
      '<p><br></p><div data-part="signature">Jaan Tamm, klienditugi</div>' +
      '<div class="freshdesk_quote"><blockquote class="freshdesk_quote">On Mon, Mari wrote:' +
      '<div data-part="quote">ETA oli eile ja teie SLA lubas…</div></blockquote></div>' +
      '</div></div></div>' +
      // Froala in read-only mode sets contenteditable=false: nothing to write there.
      '<div class="fr-element fr-view" contenteditable="false" data-test="read-only"><p>CSAT</p></div>';
    expect(onHost('acme.freshdesk.com', html)).toEqual({
      fields: ['reply'],
      skipped: { customer: false, reply: false, marker: true, signature: false, quote: true },
    });
    // The adapter names the root on its own, without the generic catch-all.
    expect(onHost('acme.freshdesk.com', html, [freshdesk]).fields).toEqual(['reply']);
    // A quote pasted without its wrapper div.
    const pasted = onHost('acme.freshdesk.com',
      '<div class="fr-element fr-view" contenteditable="true"><blockquote class="freshdesk_quote"><p data-part="quote">SLA</p></blockquote></div>');
    expect(pasted.skipped).toEqual({ quote: true });
  });

  it('Help Scout: the Slate root (and the older Redactor box); Slate void nodes are skipped', () => {
    const html =
      '<ol aria-label="Thread Items"><li><div id="thread-1" data-part="customer">Miks mu ETA muutus?</div></li></ol>' +
      '<div data-cy="ConvoEditor"><div data-slate-editor="true" data-key="0" contenteditable="true" role="textbox" data-test="reply">' +
      '<div data-slate-object="block" data-part="reply">Tere! Meie NPSi ' +
      '<span data-slate-void="true" data-part="mention"><span>\ufeff</span><span contenteditable="false">@KOV-tiim</span></span>' +
      '</div></div></div>' +
      // Slate renders a read-only root without contenteditable.
      '<div data-slate-editor="true" data-key="9" data-test="preview"><div>SLA</div></div>' +
      '<div class="redactor_box"><div class="redactor_redactor redactor_editor" contenteditable="true" data-test="classic"><p>CRM</p></div></div>';
    expect(onHost('secure.helpscout.net', html)).toEqual({
      fields: ['reply', 'classic'],
      skipped: { customer: false, reply: false, mention: true },
    });
    expect(onHost('secure.helpscout.net', html, [helpscout]).fields).toEqual(['reply', 'classic']);
  });

  it('Intercom: the ProseMirror composer of replies and notes, in every region', () => {
    const html =
      '<div class="conversation__stream"><div class="o__user-comment" data-part="customer">Kas SLA kehtib?</div></div>' +
      '<div class="conversation__text"><div class="ProseMirror embercom-prosemirror-composer-editor" contenteditable="true" translate="no" data-test="reply">' +
      '<p data-part="reply">Tere! Meie CRM-iga</p></div></div>' +
      '<div class="conversation__text o__note"><div class="ProseMirror embercom-prosemirror-composer-editor" contenteditable="true" data-test="note">' +
      '<p>Sisemine märkus: NPS</p></div></div>';
    for (const host of intercom.hosts) {
      expect(onHost(host, html)).toEqual({ fields: ['reply', 'note'], skipped: { customer: false, reply: false } });
    }
    // A ProseMirror view switched to read-only has contenteditable=false. (Only the adapter's
    // own selector is asked here: linkedom counts any contenteditable attribute as editable.)
    const readOnly = '<div class="ProseMirror embercom-prosemirror-composer-editor" contenteditable="false"><p>ETA</p></div>';
    expect(onHost('app.intercom.com', html + readOnly, [intercom]).fields).toEqual(['reply', 'note']);
  });
});

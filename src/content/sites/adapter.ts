// What a site adapter tells the content script: which elements are fields a person writes
// a message in, which fields to leave alone, and which parts inside a field are not the
// writer's own words. Plain selector lists, so each entry can carry its own reason.

export interface SiteAdapter {
  /** For logs and tests. */
  name: string;
  /**
   * Host names the adapter applies to: exact ("mail.google.com") or a suffix starting with
   * a dot (".zendesk.com"). Empty: every page the content script runs on.
   */
  hosts: readonly string[];
  /** Elements to check: contenteditable roots, textareas, text inputs. */
  fields: readonly string[];
  /** Fields (or their ancestors) that match `fields` but must not be checked. */
  skipFields: readonly string[];
  /** Elements inside a field whose text is not the writer's message (quotes, signatures). */
  skipInside: readonly string[];
}

export function appliesTo(adapter: SiteAdapter, hostname: string): boolean {
  if (adapter.hosts.length === 0) return true;
  const host = hostname.toLowerCase();
  return adapter.hosts.some((pattern) =>
    pattern.startsWith('.') ? host.endsWith(pattern) : host === pattern,
  );
}

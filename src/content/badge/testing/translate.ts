// browser.i18n.getMessage over our own _locales files, for tests and the browser test page:
// named placeholders ($COUNT$) resolve to their content ("$1"), which takes the
// substitutions. A missing key is an error here, so a test never passes on an empty label.
import en from '../../../../public/_locales/en/messages.json';
import et from '../../../../public/_locales/et/messages.json';
import type { Translate } from '../model';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const LOCALES: Record<'en' | 'et', Record<string, Message>> = { en, et };

export function translator(language: 'en' | 'et'): Translate {
  const messages = LOCALES[language];
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message "${key}" in _locales/${language}/messages.json`);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const withSubstitutions = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const placeholder = Object.entries(entry.placeholders ?? {}).find(([own]) => own.toLowerCase() === name.toLowerCase());
      return placeholder ? withSubstitutions(placeholder[1].content) : whole;
    });
  };
}

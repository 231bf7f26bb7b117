import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { check } from './check.ts';
import { testDictionary as dictionary } from './testing/dictionary.ts';

describe('language detection', () => {
  it.each([
    ['Tere! Teie tellimus on teel ja jõuab homme kohale. Lugupidamisega, Mari', 'et'],
    ['Hello! Your order is on its way and will arrive tomorrow. Kind regards, Mary', 'en'],
    ['Kõik töötab nüüd hästi, aitäh.', 'et'],
    ['Thanks, that fixed it for us.', 'en'],
    ['Palun vaadake üle CRM-i seaded.', 'et'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('can be overridden', () => {
    expect(check('Hello there, our NPS rose', { dictionary, language: 'et' }).language).toBe('et');
  });
});

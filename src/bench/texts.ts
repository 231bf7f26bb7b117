// Realistic customer messages for the benchmark: paragraphs an agent might write, cycled
// (in a fixed, shuffled order) until a message reaches the requested size, so every size
// has the same density of acronyms, jargon, URLs and quoted lines.

const ESTONIAN = [
  'Tere, Mari! Aitäh, et võtsite meiega ühendust. Vaatasime teie pöördumise üle ja saime aru, et arved ei jõudnud teie CRM-i.',
  'Meie klienditugi kontrollis SLA tingimusi: esimene vastus tuleb kahe tunni jooksul ning lahendus hiljemalt järgmisel tööpäeval.',
  'Kvartali kokkuvõttes tõusis NPSi tulemus 42 punktini ja CSAT püsis 4,6 juures. CES-i mõõdame alates järgmisest kuust.',
  'Kui probleem kordub, eskaleerime pileti teisele tasemele (T2), kes vaatab üle ERP-süsteemiga liidestuse ja API logid.',
  'Teadmusbaasist leiate juhendi, kuidas PIN-koodi vahetada: https://abi.example.ee/juhendid/pin-kood. Kirjutage julgelt tugi@example.ee.',
  '> Kas saate palun kontrollida, miks SSO ei tööta?\n> Lugupidamisega, Jaan',
  'Kliendisuhete juhtimise (CRM) süsteemi uuendus on plaanis järgmisel nädalal. KPI-d ja ROI arvutused saadame eraldi failina.',
  'TÄHTIS: palun ärge jagage oma parooli kellegagi, ka mitte meie CSM-iga. Tellimuse number on ABC-12345.',
  'Kasutajakogemuse (UX) uuringu tulemused näitasid, et KKK leht vajab uuendamist ja FCR peaks tõusma.',
  'Lugupidamisega,\nKati\nKlienditoe spetsialist',
];

const ENGLISH = [
  'Hi Mary, thanks for reaching out. We looked into your ticket and found that the invoices never reached your CRM.',
  'Our support team checked the SLA: the first response comes within two hours and a fix by the next business day.',
  'This quarter our NPS rose to 42 and CSAT held at 4.6. We will start measuring CES next month.',
  'If the problem comes back we will escalate the ticket to tier 2 (T2), who will review the ERP integration and the API logs.',
  'Our knowledge base has a guide on changing your PIN: https://help.example.com/guides/pin. Feel free to write to support@example.com.',
  '> Could you please check why SSO is not working?\n> Kind regards, John',
  'The customer relationship management (CRM) upgrade is planned for next week. KPIs and ROI figures will follow in a separate file.',
  'IMPORTANT: please never share your password with anyone, not even your CSM. Your order number is ABC-12345.',
  'The user experience (UX) study showed that the FAQ page needs an update and that FCR should go up. We saw churn on the B2B side.',
  'Kind regards,\nKate\nCustomer Support Specialist',
];

export const LANGUAGES = { et: ESTONIAN, en: ENGLISH } as const;
export type BenchLanguage = keyof typeof LANGUAGES;

/** A message of at least `size` UTF-16 units in the given language, the same text every run. */
export function message(language: BenchLanguage, size: number): string {
  const paragraphs = LANGUAGES[language];
  const order = [3, 7, 1, 9, 0, 5, 2, 8, 4, 6];
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < size; k++) {
    const p = paragraphs[order[k % order.length]!]!;
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join('\n\n').slice(0, size);
}

/**
 * Hostile inputs for the linearity check: long hyphen chains, unclosed brackets, a paste
 * with no spaces, many e-mail-like and URL-like fragments. Each must cost the same per KB
 * at every size.
 */
export const HOSTILE: Record<string, (size: number) => string> = {
  'hyphen chain': (size) => 'AB-'.repeat(Math.ceil(size / 3)).slice(0, size),
  'unclosed brackets': (size) => 'NPS ('.repeat(Math.ceil(size / 5)).slice(0, size),
  'no spaces': (size) => 'CRMigaNPSiKPIdVDdest'.repeat(Math.ceil(size / 20)).slice(0, size),
  'at signs and schemes': (size) => 'a@b.c://x@'.repeat(Math.ceil(size / 10)).slice(0, size),
  'dotted letters': (size) => 'A.'.repeat(Math.ceil(size / 2)).slice(0, size),
};

// Valibot schemas for the dictionary source files in dictionaries/. Data only: every rule that
// needs more than one entry (duplicates, capitals against acronyms) lives in compile.ts.
// Messages are written to be read by the person editing the JSON file; validate.ts adds the
// file name, entry and field path.

import * as v from 'valibot';
import type { Kind } from '../core/types.ts';
import { PARADIGM_NAMES, paradigmReason, type ParadigmForm } from './paradigms.ts';
import { LIMITS, acronymShapeReason, jargonFormReason, sourceReason, unsafeTextReason } from './text.ts';

/** Plain text of at most `max` characters that passes the shared safety rules. */
function text(max: number, what: string) {
  return v.pipe(
    v.string(`must be text (${what})`),
    v.maxLength(max, (issue) => `is ${issue.received.replace(/^</u, '')} characters long; the limit is ${max}`),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const reason = unsafeTextReason(dataset.value);
      if (reason) addIssue({ message: reason });
    }),
  );
}

/** A list of at most `max` items. */
function list<T extends v.GenericSchema>(item: T, max: number, what: string) {
  return v.pipe(
    v.array(item, `must be a list of ${what}`),
    v.maxLength(max, `has too many items; the limit is ${max}`),
  );
}

function withShape(base: ReturnType<typeof text>, reason: (s: string) => string | undefined) {
  return v.pipe(
    base,
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const why = reason(dataset.value);
      if (why) addIssue({ message: why });
    }),
  );
}

/** A jargon word or phrase as it appears in text ("customer journey", "teadmusbaas"). */
const FormText = withShape(text(LIMITS.form, 'a word or phrase'), jargonFormReason);

export const SenseTextSchema = v.strictObject(
  {
    expansion: text(LIMITS.expansion, 'what the term stands for'),
    explanation: text(LIMITS.explanation, 'one plain sentence'),
    plain: text(LIMITS.plain, 'plain words to write instead'),
  },
  'must be an object with expansion, explanation and plain',
);

export const SenseSchema = v.strictObject(
  { et: SenseTextSchema, en: SenseTextSchema },
  'must be an object with "et" and "en" texts',
);

const VerbDaSchema = v.strictObject({
  paradigm: v.literal('verb-da'),
  stem: FormText,
});

const NounSchema = v.strictObject({
  paradigm: v.literal('noun'),
  nominative: FormText,
  genitive: FormText,
  partitive: FormText,
  genitivePlural: v.optional(FormText),
  partitivePlural: v.optional(list(FormText, LIMITS.partitivePlurals, 'plural partitive forms')),
});

/** One Estonian form item: an exact form, or a paradigm to expand. */
const EtFormSchema = v.lazy((input: unknown) => {
  if (typeof input === 'string') return FormText;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const paradigm = (input as { paradigm?: unknown }).paradigm;
    if (paradigm === 'verb-da') return ParadigmCheck(VerbDaSchema);
    if (paradigm === 'noun') return ParadigmCheck(NounSchema);
  }
  return v.never(
    `must be a form as text, or an object with "paradigm" set to one of: ${PARADIGM_NAMES.map((p) => `"${p}"`).join(', ')}`,
  );
});

function ParadigmCheck<T extends typeof VerbDaSchema | typeof NounSchema>(schema: T) {
  return v.pipe(
    schema,
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const why = paradigmReason(dataset.value as ParadigmForm);
      if (why) {
        addIssue({
          message: why.message,
          path: [{ type: 'object', origin: 'value', input: dataset.value as Record<string, unknown>, key: why.field, value: (dataset.value as Record<string, unknown>)[why.field] }],
        });
      }
    }),
  );
}

/** One English form item: a base word/phrase (compromise decides noun or verb), or an explicit one. */
const EnFormSchema = v.lazy((input: unknown) => {
  if (typeof input === 'string') return FormText;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const keys = Object.keys(input);
    if (keys.length === 1 && keys[0] === 'verb') return v.strictObject({ verb: FormText });
    if (keys.length === 1 && keys[0] === 'noun') return v.strictObject({ noun: FormText });
    if (keys.length === 1 && keys[0] === 'exact') return v.strictObject({ exact: FormText });
  }
  return v.never('must be a word or phrase as text, or exactly one of {"verb": …}, {"noun": …}, {"exact": …}');
});

export const FormsSchema = v.strictObject(
  {
    en: v.optional(list(EnFormSchema, LIMITS.formsPerLanguage, 'English forms')),
    et: v.optional(list(EtFormSchema, LIMITS.formsPerLanguage, 'Estonian forms')),
  },
  'must be an object with optional "en" and "et" lists',
);

const KindSchema = v.picklist(['acronym', 'jargon'], 'must be "acronym" or "jargon"');
const FamiliaritySchema = v.picklist(['everyone', 'field'], 'must be "everyone" (never flagged) or "field" (flagged when unexplained)');

/** Term or variant: safe text; its shape depends on `kind` and is checked at entry level. */
const SurfaceText = text(LIMITS.term, 'a surface form');

export const EntrySchema = v.pipe(
  v.strictObject(
    {
      term: SurfaceText,
      kind: KindSchema,
      variants: v.optional(list(text(LIMITS.variant, 'another surface form'), LIMITS.variantsPerEntry, 'surface forms')),
      familiarity: FamiliaritySchema,
      senses: v.pipe(
        list(SenseSchema, LIMITS.sensesPerEntry, 'senses'),
        v.minLength(1, 'must have at least one sense'),
      ),
      source: withShape(text(LIMITS.source, 'a URL or a short rationale'), sourceReason),
      uncertain: v.optional(text(LIMITS.uncertain, 'what is uncertain')),
      forms: v.optional(FormsSchema),
    },
    'must be an object with term, kind, familiarity, senses and source',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const issue of entryShapeIssues(dataset.value)) {
      const path: v.ObjectPathItem[] = [];
      let parent: Record<string, unknown> = dataset.value as unknown as Record<string, unknown>;
      for (const key of issue.path) {
        const value = parent[key as string];
        path.push({ type: 'object', origin: 'value', input: parent, key: key as string, value });
        parent = (value ?? {}) as Record<string, unknown>;
      }
      addIssue({ message: issue.message, path: path as [v.ObjectPathItem, ...v.ObjectPathItem[]] });
    }
  }),
);

/**
 * Rules that depend on more than one field of an entry: the shape of the term and variants
 * (acronym or jargon), and which kind may have `forms`. Works on partly invalid input too, so
 * validate.ts can report these alongside other problems instead of after they are fixed.
 */
export function entryShapeIssues(raw: unknown): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  if (raw === null || typeof raw !== 'object') return out;
  const entry = raw as Record<string, unknown>;
  const kind = entry.kind;
  if (kind !== 'acronym' && kind !== 'jargon') return out;
  const familiar = entry.familiarity === 'everyone';
  const shape = (form: string) => (kind === 'acronym' ? acronymShapeOrPhraseReason(form, familiar) : jargonFormReason(form));
  const safe = (value: unknown): value is string => typeof value === 'string' && value.length <= LIMITS.term && unsafeTextReason(value) === undefined;
  if (safe(entry.term)) {
    const why = kind === 'acronym' ? acronymShapeReason(entry.term, familiar) : jargonFormReason(entry.term);
    if (why) out.push({ path: ['term'], message: why });
  }
  if (Array.isArray(entry.variants)) {
    entry.variants.forEach((variant: unknown, i) => {
      if (!safe(variant)) return;
      const why = shape(variant);
      if (why) out.push({ path: ['variants', i], message: why });
    });
  }
  const forms = entry.forms as { en?: unknown; et?: unknown } | undefined;
  if (kind === 'acronym' && forms !== undefined) {
    out.push({ path: ['forms'], message: 'is only for jargon; the checker handles acronym endings such as "CRM-iga" itself' });
  }
  if (kind === 'jargon') {
    const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
    if (forms === undefined || (typeof forms === 'object' && count(forms?.en) + count(forms?.et) === 0)) {
      out.push({ path: ['forms'], message: 'is missing: jargon needs at least one English or Estonian form to match (forms.en or forms.et)' });
    }
  }
  return out;
}

/** An acronym variant may also be a phrase built on the acronym ("CSAT score"). */
function acronymShapeOrPhraseReason(form: string, familiar: boolean): string | undefined {
  if (!form.includes(' ')) return acronymShapeReason(form, familiar);
  const words = form.split(' ');
  if (!words.some((w) => acronymShapeReason(w, familiar) === undefined)) {
    return 'is a phrase without an acronym in it; an acronym variant with spaces must contain the acronym ("CSAT score")';
  }
  if (words.some((w) => acronymShapeReason(w, familiar) !== undefined && jargonFormReason(w) !== undefined)) {
    return 'must be words of Latin letters, digits or acronyms separated by single spaces';
  }
  return undefined;
}

export const PackSchema = v.strictObject(
  {
    pack: v.pipe(
      v.string('must be text (the pack name)'),
      v.maxLength(LIMITS.packName, `is too long; the limit is ${LIMITS.packName}`),
      v.regex(/^[a-z][a-z0-9-]*$/u, 'must be lowercase letters, digits and hyphens, starting with a letter ("cx", "support")'),
    ),
    title: v.strictObject(
      { et: text(LIMITS.packTitle, 'Estonian title'), en: text(LIMITS.packTitle, 'English title') },
      'must be an object with "et" and "en" titles',
    ),
    entries: v.pipe(
      v.array(v.unknown(), 'must be a list of entries'),
      v.maxLength(LIMITS.entriesPerPack, `has too many entries; the limit is ${LIMITS.entriesPerPack}`),
    ),
  },
  'must be an object with pack, title and entries',
);

export const CapitalsSchema = v.strictObject(
  {
    words: v.pipe(
      list(
        v.pipe(
          v.string('must be text'),
          v.maxLength(LIMITS.capitalWord, `is too long; the limit is ${LIMITS.capitalWord}`),
          v.regex(/^\p{Script=Latin}{2,}$/u, 'must be one word of at least two Latin letters'),
          v.check((w) => w === w.toUpperCase() && w !== w.toLowerCase(), 'must be written in CAPITALS, as people write it'),
          v.check((w) => w.normalize('NFC') === w, 'is not in Unicode NFC form; retype it'),
        ),
        LIMITS.capitalsWords,
        'words',
      ),
      v.minLength(1, 'must list at least one word'),
    ),
    source: withShape(text(LIMITS.source, 'a URL or a short rationale'), sourceReason),
  },
  'must be an object with "words" and "source"',
);

export type SenseTextSource = v.InferOutput<typeof SenseTextSchema>;
export type SenseSource = v.InferOutput<typeof SenseSchema>;
export type EnForm = string | { verb: string } | { noun: string } | { exact: string };
export type EtForm = string | ParadigmForm;
export interface Forms {
  en?: EnForm[];
  et?: EtForm[];
}
export type Familiarity = 'everyone' | 'field';

/** One dictionary entry as written in a pack file. */
export interface Entry {
  term: string;
  kind: Kind;
  variants?: string[];
  familiarity: Familiarity;
  senses: SenseSource[];
  source: string;
  uncertain?: string;
  forms?: Forms;
}

/** One pack file, `dictionaries/<pack>.json`. */
export interface Pack {
  pack: string;
  title: { et: string; en: string };
  entries: Entry[];
}

/** `dictionaries/capitals.json`: ordinary words written in capitals, never acronyms. */
export interface Capitals {
  words: string[];
  source: string;
}

// One random edit script, the same for every editor and browser: a seeded PRNG picks 200
// steps of what a support agent does while writing (typing Estonian and English words with
// jargon and acronyms, deleting, moving the caret, selecting and typing over, pasting,
// undo and redo, and applying Selge's fix). Pure: no browser here; random-edits.test.ts runs it.
import type { Modifier } from './typing';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Key {
  key: string;
  modifiers?: Modifier[];
}

/** What one step does after its optional caret moves. */
export type Action =
  /** Types `text` key by key ("\n" is Enter). */
  | { kind: 'type'; text: string }
  /** Presses Backspace or Delete `count` times. */
  | { kind: 'delete'; key: 'Backspace' | 'Delete'; count: number }
  /** Only the caret moves (`Step.moves`). */
  | { kind: 'move' }
  /** Selects with Shift+Arrow, then types over the selection. */
  | { kind: 'overtype'; select: Key[]; text: string }
  /** A paste event carrying `text` as text/plain, as the system clipboard would send it. */
  | { kind: 'paste'; text: string }
  /** Real clipboard: Shift+Arrow select, Ctrl+C, caret moves, Ctrl+V. */
  | { kind: 'copy-paste'; select: Key[]; then: Key[] }
  /** Ctrl+Z `count` times (fewer when that could reach back into a fix; see the runner). */
  | { kind: 'undo'; count: number }
  /** Ctrl+Shift+Z `count` times (at most as many as were undone since the last edit). */
  | { kind: 'redo'; count: number }
  /**
   * Puts the caret at the start of the message (Ctrl+Home: the user's own words come first
   * in every editor, while the end may by now be inside Gmail's signature or Outlook's quoted
   * mail, which Selge does not check), moves it `skip` characters right, types " term. " and
   * puts the caret before the term; with the extension, Alt+Shift+J and Enter (Explain here)
   * insert the explanation after it; without, the same words are typed.
   * `term` is used by no other step, so it is unexplained and its first use is this one.
   */
  | { kind: 'fix'; term: string; skip: number };

export interface Step {
  index: number;
  /** Sets the page clock forward (a pause in the writing: time-based undo groups end). */
  pause: boolean;
  /** Caret moves before the action. */
  moves: Key[];
  action: Action;
}

/** Words typed and pasted: ordinary Estonian and English, acronyms and jargon from the dictionary. */
export const WORDS = [
  'Tere', 'meie', 'tellimus', 'jõuab', 'homme', 'kohale', 'ja', 'arve', 'on', 'tasutud', 'öösel', 'väga', 'hästi',
  'küsimus', 'äri', 'Hello', 'your', 'order', 'ships', 'tomorrow', 'and', 'the', 'invoice', 'is', 'paid', 'thanks',
  'please', 'check', 'NPS', 'CRM-iga', 'SLA', 'eskaleerima', 'CX', 'tiket', 'workaround', 'FAQ', 'NPSi', 'SLA-d',
  'backlog', 'churn', 'onboarding', 'IBAN', 'PDF',
];

/** Acronyms only fix steps type, each once: unexplained, with an expansion in both languages. */
export const FIX_TERMS = [
  'KPI', 'QBR', 'MTTR', 'RMA', 'SOP', 'CSAT', 'FCR', 'AHT', 'OKR', 'SOW', 'NDA', 'RFP', 'EBITDA', 'ARPU',
  'CAPEX', 'OPEX', 'KYC', 'AML', 'TTJA', 'EMTA', 'KMD', 'UBO', 'RCA', 'ITSM', 'CSM', 'SPOC', 'TAM', 'MSA', 'IVR',
];

const MOVE_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

export function describeStep(step: Step): string {
  const keys = (list: Key[]) => list.map((k) => [...(k.modifiers ?? []), k.key].join('+')).join(' ');
  const a = step.action;
  const what = (() => {
    switch (a.kind) {
      case 'type': return `type ${JSON.stringify(a.text)}`;
      case 'delete': return `${a.key} x${a.count}`;
      case 'move': return 'move';
      case 'overtype': return `select [${keys(a.select)}], type ${JSON.stringify(a.text)}`;
      case 'paste': return `paste event ${JSON.stringify(a.text)}`;
      case 'copy-paste': return `select [${keys(a.select)}], Ctrl+C, [${keys(a.then)}], Ctrl+V`;
      case 'undo': return `Ctrl+Z x${a.count}`;
      case 'redo': return `Ctrl+Shift+Z x${a.count}`;
      case 'fix': return `Ctrl+Home, ArrowRight x${a.skip}, fix ${a.term}`;
    }
  })();
  return `#${step.index}${step.pause ? ' (pause)' : ''}${step.moves.length ? ` [${keys(step.moves)}]` : ''} ${what}`;
}

/** The script for `seed`: `length` steps. */
export function editScript(seed: number, length = 200): Step[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const words = (min: number, max: number) => Array.from({ length: between(min, max) }, () => pick(WORDS)).join(' ');
  const moves = (min: number, max: number): Key[] => Array.from({ length: between(min, max) }, () => ({ key: pick(MOVE_KEYS) }));
  const selection = (): Key[] => Array.from({ length: between(1, 8) }, () => ({ key: random() < 0.7 ? 'ArrowLeft' : 'ArrowRight', modifiers: ['Shift'] as Modifier[] }));
  const fixTerms = [...FIX_TERMS];
  const steps: Step[] = [];
  for (let index = 0; index < length; index++) {
    const roll = random();
    let action: Action;
    if (index < 3) action = { kind: 'type', text: `${words(3, 6)} ` };
    else if (roll < 0.34) action = { kind: 'type', text: `${random() < 0.15 ? '\n' : ' '}${words(1, 3)}${random() < 0.2 ? '.' : ''}` };
    else if (roll < 0.46) action = { kind: 'delete', key: random() < 0.6 ? 'Backspace' : 'Delete', count: between(1, 6) };
    else if (roll < 0.56) action = { kind: 'move' };
    else if (roll < 0.63) action = { kind: 'overtype', select: selection(), text: words(1, 2) };
    else if (roll < 0.69) action = { kind: 'paste', text: ` ${words(1, 4)}` };
    else if (roll < 0.73) action = { kind: 'copy-paste', select: selection(), then: moves(1, 3) };
    else if (roll < 0.83) action = { kind: 'undo', count: between(1, 3) };
    else if (roll < 0.89) action = { kind: 'redo', count: between(1, 2) };
    else if (roll < 0.93 && fixTerms.length > 0) action = { kind: 'fix', term: fixTerms.shift() as string, skip: between(0, 12) };
    else action = { kind: 'type', text: ` ${words(1, 2)}` };
    const before = steps[steps.length - 1];
    steps.push({
      index,
      // The step after a fix always pauses: both runs then continue from the same clock.
      pause: action.kind === 'fix' || before?.action.kind === 'fix' || random() < 0.3,
      moves: action.kind === 'move' ? moves(1, 4) : ['undo', 'redo', 'fix'].includes(action.kind) ? [] : random() < 0.4 ? moves(1, 3) : [],
      action,
    });
  }
  return steps;
}

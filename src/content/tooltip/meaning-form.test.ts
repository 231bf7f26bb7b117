// The Add meaning form's steps, without a browser.
import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formEvent, type FormDeps } from './meaning-form';
import type { TooltipModel } from './view';

const model: TooltipModel = {
  term: 'TKP', text: 'TKP', start: 5, kind: 'acronym', meanings: [], canExplain: false, canAdd: true, active: -1, language: 'et', form: EMPTY_FORM,
};

function deps(save: (entry: unknown) => Promise<string[]>) {
  const log: string[] = [];
  const shown: TooltipModel[] = [];
  const d: FormDeps = {
    t: (key) => key,
    term: 'TKP',
    save,
    show: (m) => { shown.push(m); return true; },
    done: () => { log.push('done'); },
    report: (what) => { log.push(`report ${what}`); },
  };
  return { d, log, shown };
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Add meaning form', () => {
  it('keeps what is typed', () => {
    const { d } = deps(async () => []);
    const next = formEvent(model, { type: 'edit', expansion: 'tellimuse kinnitus', explanation: '' }, d);
    expect(next?.form).toMatchObject({ expansion: 'tellimuse kinnitus', explanation: '' });
  });

  it('asks for the expansion before saving anything', () => {
    const saved: unknown[] = [];
    const { d } = deps(async (entry) => { saved.push(entry); return []; });
    const next = formEvent(model, { type: 'save' }, d);
    expect(next?.form?.problems).toEqual(['tooltipFormNeedsExpansion']);
    expect(saved).toEqual([]);
  });

  it('saves the entry in the message language, the expansion standing in for a missing sentence', async () => {
    const saved: unknown[] = [];
    const { d, log } = deps(async (entry) => { saved.push(entry); return []; });
    const typed = { ...model, form: { ...EMPTY_FORM, expansion: ' tellimuse kinnitus ' } };
    expect(formEvent(typed, { type: 'save' }, d)?.form?.saving).toBe(true);
    await settled();
    expect(saved).toEqual([{ term: 'TKP', kind: 'acronym', senses: [{ et: { expansion: 'tellimuse kinnitus', explanation: 'tellimuse kinnitus' } }] }]);
    expect(log).toEqual(['done']);
  });

  it('shows the dictionary\'s problems and lets the user try again', async () => {
    const { d, shown, log } = deps(async () => ['entry "TKP": expansion: is too long.']);
    formEvent({ ...model, form: { ...EMPTY_FORM, expansion: 'x' } }, { type: 'save' }, d);
    await settled();
    expect(shown.at(-1)?.form).toMatchObject({ problems: ['entry "TKP": expansion: is too long.'], saving: false });
    expect(log).toEqual([]);
  });

  it('says so when saving failed, and keeps the form', async () => {
    const { d, shown, log } = deps(async () => { throw new Error('quota'); });
    formEvent({ ...model, form: { ...EMPTY_FORM, expansion: 'x' } }, { type: 'save' }, d);
    await settled();
    expect(shown.at(-1)?.form?.problems).toEqual(['tooltipSaveFailed']);
    expect(log).toEqual(['report add meaning']);
  });
});

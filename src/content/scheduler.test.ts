// When checks run: once after the writer pauses, never during IME composition, never after
// the field's scope ended.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatchTrigger, createIdleTrigger, IDLE_MS, type Timers } from './scheduler';

const timers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
};

describe('createIdleTrigger', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits well under the 200 ms budget', () => {
    expect(IDLE_MS).toBeLessThanOrEqual(150);
  });

  it('runs once, IDLE_MS after the last of a burst of changes', () => {
    const run = vi.fn();
    const trigger = createIdleTrigger(run, timers);
    for (let key = 0; key < 10; key++) {
      trigger.note();
      vi.advanceTimersByTime(IDLE_MS - 1);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * IDLE_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does nothing during composition, and checks after it ends', () => {
    const run = vi.fn();
    const trigger = createIdleTrigger(run, timers);
    trigger.note();
    trigger.compositionStart();
    trigger.note(); // the composition's own mutations
    vi.advanceTimersByTime(5 * IDLE_MS);
    expect(run).not.toHaveBeenCalled();
    trigger.compositionEnd();
    vi.advanceTimersByTime(IDLE_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled (the field or the extension went away)', () => {
    const run = vi.fn();
    const trigger = createIdleTrigger(run, timers);
    trigger.note();
    trigger.cancel();
    trigger.note();
    trigger.compositionEnd();
    vi.advanceTimersByTime(5 * IDLE_MS);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('createBatchTrigger', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once per batch, even while the page keeps changing', () => {
    const run = vi.fn();
    const trigger = createBatchTrigger(run, timers, 250);
    for (let tick = 0; tick < 10; tick++) {
      trigger.note();
      vi.advanceTimersByTime(100);
    }
    // 1000 ms of constant change: a sweep every 250 ms or so, never starved.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(3);
    run.mockClear();
    vi.advanceTimersByTime(1000);
    expect(run.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('never runs once cancelled', () => {
    const run = vi.fn();
    const trigger = createBatchTrigger(run, timers, 250);
    trigger.note();
    trigger.cancel();
    trigger.note();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});

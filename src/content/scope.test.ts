import { afterEach, describe, expect, it, vi } from 'vitest';
import { guard } from './guard';
import { createScope } from './scope';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createScope', () => {
  it('removes its listeners and runs its clean-ups, last first, once', () => {
    const scope = createScope();
    const target = new EventTarget();
    const heard = vi.fn();
    const order: string[] = [];
    scope.listen(target, 'input', heard);
    scope.onDispose(() => order.push('first'));
    scope.onDispose(() => order.push('second'));
    target.dispatchEvent(new Event('input'));
    scope.dispose();
    scope.dispose();
    target.dispatchEvent(new Event('input'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['second', 'first']);
  });

  it('disposes children with it, and forgets a child disposed on its own', () => {
    const page = createScope();
    const field = page.child();
    const cleanup = vi.fn();
    field.onDispose(cleanup);
    field.dispose();
    expect(cleanup).toHaveBeenCalledTimes(1);
    const other = page.child();
    const otherCleanup = vi.fn();
    other.onDispose(otherCleanup);
    page.dispose();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(otherCleanup).toHaveBeenCalledTimes(1);
  });

  it('runs a clean-up at once when registered after disposal', () => {
    const scope = createScope();
    scope.dispose();
    const cleanup = vi.fn();
    scope.onDispose(cleanup);
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('never lets a listener throw into the page', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const scope = createScope();
    const target = new EventTarget();
    scope.listen(target, 'input', () => {
      throw new Error('boom');
    });
    expect(() => target.dispatchEvent(new Event('input'))).not.toThrow();
    expect(debug).toHaveBeenCalledTimes(1);
  });
});

describe('guard', () => {
  it('reports thrown errors and rejected promises with console.debug only', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    guard('sync', () => {
      throw new Error('sync');
    })();
    guard('async', () => Promise.reject(new Error('async')))();
    await Promise.resolve();
    await Promise.resolve();
    expect(debug).toHaveBeenCalledTimes(2);
    expect(error).not.toHaveBeenCalled();
  });
});

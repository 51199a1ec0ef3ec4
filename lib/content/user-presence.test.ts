// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackUserPresence, type UserPresence } from './user-presence';

let presence: UserPresence | undefined;
afterEach(() => {
  presence?.stop();
  Reflect.deleteProperty(window.navigator, 'userActivation');
});

describe('trackUserPresence', () => {
  it('calls every waiter once, on the first pointer, key, wheel or touch event', () => {
    for (const type of ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart']) {
      presence?.stop();
      presence = trackUserPresence(window);
      const [first, second] = [vi.fn(), vi.fn()];
      presence.whenPresent(first);
      presence.whenPresent(second);
      expect(presence.seen).toBe(false);
      window.dispatchEvent(new Event(type));
      window.dispatchEvent(new Event(type));
      expect([first.mock.calls.length, second.mock.calls.length, presence.seen]).toEqual([1, 1, true]);
    }
  });

  it('calls a waiter at once once the user was seen, or when the page had been used before', () => {
    Object.defineProperty(window.navigator, 'userActivation', { value: { hasBeenActive: true }, configurable: true });
    presence = trackUserPresence(window);
    const then = vi.fn();
    presence.whenPresent(then);
    expect(then).toHaveBeenCalledOnce();
  });

  it('does not call a cancelled waiter, nor any after stop', () => {
    presence = trackUserPresence(window);
    const [cancelled, stopped] = [vi.fn(), vi.fn()];
    presence.whenPresent(cancelled)();
    window.dispatchEvent(new Event('scroll')); // not a sign of a user: a page scrolls itself
    expect(presence.seen).toBe(false);
    presence.whenPresent(stopped);
    presence.stop();
    window.dispatchEvent(new Event('pointermove'));
    expect(cancelled).not.toHaveBeenCalled();
    expect(stopped).not.toHaveBeenCalled();
  });
});

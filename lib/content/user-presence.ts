/**
 * Whether someone is using the CRM page yet, one tracker per page for the
 * whole content script. A freshly loaded page has not been touched; the
 * content script holds back its costly work (reading the record, drawing the
 * badge) until the first sign of a user, so none of it lands in the page's
 * load. In-app navigation needs a click, so after one nothing waits.
 */
const USER_PRESENT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface UserPresence {
  /** True once the user has shown up, or when the page had been used before the script started. */
  readonly seen: boolean;
  /** Calls `then` once the user is there (at once when they are); returns a function that cancels the wait. */
  whenPresent(then: () => void): () => void;
  /** Stops listening; waits not yet over never end. */
  stop(): void;
}

export function trackUserPresence(win: Window): UserPresence {
  const waiting = new Set<() => void>();
  let seen = (win.navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive === true;
  const stop = () => {
    for (const type of USER_PRESENT_EVENTS) win.removeEventListener(type, present, { capture: true });
  };
  function present(): void {
    seen = true;
    stop();
    const callbacks = [...waiting];
    waiting.clear();
    for (const then of callbacks) then();
  }
  if (!seen) for (const type of USER_PRESENT_EVENTS) win.addEventListener(type, present, { capture: true, passive: true });
  return {
    get seen() {
      return seen;
    },
    whenPresent(then) {
      if (seen) {
        then();
        return () => {};
      }
      waiting.add(then);
      return () => waiting.delete(then);
    },
    stop() {
      stop();
      waiting.clear();
    },
  };
}

import { useEffect, useRef } from 'react';
import type { FindingAction } from '@/lib/engines/findings';

/** A next action's button pressed: the section that owns its subject opens the right editor. `seq` tells two presses apart. */
export interface FocusRequest {
  action: FindingAction;
  seq: number;
}

/** Runs `handle` once per new request (not again when the section re-renders with the same one). */
export function useFocusRequest(request: FocusRequest | null, handle: (action: FindingAction) => void): void {
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (request === null || handled.current === request.seq) return;
    handled.current = request.seq;
    handle(request.action);
  });
}

/** Brings a panel element into view and moves the keyboard focus there, so the press is followed by the user's eyes and keys. */
export function bringIntoView(element: HTMLElement | null): void {
  if (element === null) return;
  element.scrollIntoView?.({ block: 'center' });
  element.focus({ preventScroll: true });
}

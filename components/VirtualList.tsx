import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** Accessible name of the list. */
  label: string;
  /** Height in px a row is assumed to have until it has been measured. */
  estimatedRowHeight: number;
  /** Height in px of the scrolling viewport (its CSS max-height, and its size where layout is unknown). */
  viewportHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling does not show blank space. */
  overscan?: number;
  testId?: string;
}

/** Index of the last row whose top is at or above `y` (offsets ascending, offsets[0] = 0). */
function rowAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

/**
 * A list that keeps only the rows in view (plus `overscan`) in the DOM, so a
 * list of thousands stays as light as a list of twenty. Rows may differ in
 * height: each is placed by an estimate until a ResizeObserver measures it.
 * Screen readers still hear the full size (aria-setsize/posinset); arrow keys,
 * Home/End and Page keys move between rows (scrolling unrendered ones into
 * the DOM first), and the row holding focus is kept rendered while the user
 * scrolls away from it so focus is never dropped.
 */
export function VirtualList<T>({ items, itemKey, renderItem, label, estimatedRowHeight, viewportHeight, overscan = 4, testId }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(viewportHeight);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const keys = useMemo(() => items.map(itemKey), [items, itemKey]);
  const offsets = useMemo(() => {
    const result = new Array<number>(keys.length + 1);
    result[0] = 0;
    keys.forEach((key, index) => {
      result[index + 1] = (result[index] ?? 0) + (heights.get(key) ?? estimatedRowHeight);
    });
    return result;
  }, [keys, estimatedRowHeight, heights]);

  // One observer for all rows; a batch of new measurements makes one new map (one re-render).
  const [observer] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) =>
          setHeights((previous) => {
            let next: Map<string, number> | null = null;
            for (const entry of entries) {
              const element = entry.target as HTMLElement;
              const key = element.dataset.key;
              const height = element.offsetHeight;
              if (key !== undefined && height > 0 && previous.get(key) !== height) {
                next ??= new Map(previous);
                next.set(key, height);
              }
            }
            return next ?? previous;
          }),
        ),
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  // Without layout (e.g. a hidden panel) clientHeight is 0: the configured height stands in.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const watch = new ResizeObserver(() => setViewport(element.clientHeight || viewportHeight));
    watch.observe(element);
    return () => watch.disconnect();
  }, [viewportHeight]);

  const total = offsets[keys.length] ?? 0;
  // A list that shrank (search, delete) may leave the remembered position past its end.
  const top = Math.min(scrollTop, Math.max(0, total - viewport));
  const first = keys.length === 0 ? 0 : Math.max(0, rowAt(offsets, top) - overscan);
  const last = keys.length === 0 ? -1 : Math.min(keys.length - 1, rowAt(offsets, top + viewport) + overscan);
  const rendered: number[] = [];
  for (let index = first; index <= last; index++) rendered.push(index);
  const focusedIndex = focusedKey === null ? -1 : keys.indexOf(focusedKey);
  if (focusedIndex >= 0 && (focusedIndex < first || focusedIndex > last)) rendered.push(focusedIndex);

  const rowRef = useCallback(
    (element: HTMLLIElement | null) => {
      if (!element) return undefined;
      observer?.observe(element);
      if (pendingFocus.current === element.dataset.key) {
        pendingFocus.current = null;
        element.focus();
      }
      return () => observer?.unobserve(element);
    },
    [observer],
  );

  /** Scrolls row `index` fully into view and focuses it once it is rendered. */
  const focusRow = (index: number) => {
    const element = scroller.current;
    const key = keys[index];
    if (!element || key === undefined) return;
    const rowTop = offsets[index] ?? 0;
    const rowBottom = offsets[index + 1] ?? rowTop;
    const next = rowTop < element.scrollTop ? rowTop : rowBottom > element.scrollTop + viewport ? rowBottom - viewport : element.scrollTop;
    element.scrollTop = next;
    setScrollTop(next);
    const existing = element.querySelector<HTMLElement>(`li[data-index="${index}"]`);
    if (existing) existing.focus();
    else pendingFocus.current = key;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // Only when a row itself has focus: arrow keys inside a row's controls keep their own meaning.
    const row = event.target as HTMLElement;
    if (!NAVIGATION_KEYS.has(event.key) || row.parentElement !== event.currentTarget) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(viewport / estimatedRowHeight));
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: keys.length - 1,
      PageDown: index + page,
      PageUp: index - page,
    }[event.key] as number;
    event.preventDefault();
    focusRow(Math.min(keys.length - 1, Math.max(0, target)));
  };

  // The first row is reachable with Tab; the others with the arrow keys (a roving tab stop).
  const tabStop = focusedIndex >= 0 ? focusedIndex : first;

  return (
    <div
      ref={scroller}
      className="virtual-list"
      style={{ maxHeight: viewportHeight }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid={testId ? `${testId}-scroller` : undefined}
    >
      <ul
        role="list"
        aria-label={label}
        className="virtual-list-rows"
        style={{ height: total }}
        onKeyDown={onKeyDown}
        onFocus={(event) => setFocusedKey(event.target.closest<HTMLElement>('li[data-key]')?.dataset.key ?? null)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocusedKey(null);
        }}
        data-testid={testId}
      >
        {rendered.map((index) => {
          const key = keys[index] as string;
          const item = items[index] as T;
          return (
            <li
              key={key}
              ref={rowRef}
              role="listitem"
              aria-setsize={keys.length}
              aria-posinset={index + 1}
              tabIndex={index === tabStop ? 0 : -1}
              className="virtual-row"
              style={{ top: offsets[index] }}
              data-key={key}
              data-index={index}
            >
              {renderItem(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

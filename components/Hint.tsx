import { useId, type ReactNode } from 'react';

/**
 * Content with a note shown on hover and on keyboard focus alike (a `title`
 * shows on hover only): the content takes focus and is described by the
 * note, so a screen reader says it too. panel.css shows `.hint` next to a
 * hovered or focused `.hinted`.
 */
export function Hinted({ hint, className, children }: { hint: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <>
      <span tabIndex={0} className={className ? `hinted ${className}` : 'hinted'} aria-describedby={id}>
        {children}
      </span>
      <span role="tooltip" id={id} className="hint">
        {hint}
      </span>
    </>
  );
}

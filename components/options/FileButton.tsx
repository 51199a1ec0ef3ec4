import { useId } from 'react';

/** A labelled file picker (keyboard and screen-reader friendly) that hands over the chosen file. */
export function FileButton({ label, accept, onFile }: { label: string; accept: string; onFile: (file: File) => void }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same file can be chosen again after a fix
          if (file) onFile(file);
        }}
      />
    </p>
  );
}

export type Status = { kind: 'ok'; text: string } | { kind: 'error'; text: string; details?: string[] } | null;

/** The outcome of the last action of a section, announced to screen readers. */
export function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <div role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'ok'} data-testid="options-status">
      <p>{status.text}</p>
      {status.kind === 'error' && status.details && status.details.length > 0 && (
        <ul className="small">
          {status.details.slice(0, 50).map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

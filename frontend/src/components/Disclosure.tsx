import { useId, useState, type ReactNode } from 'react';

/** A button that shows and hides what it controls (rendered only while open). */
export function Disclosure({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className={className}>
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && <div id={panelId}>{children}</div>}
    </div>
  );
}

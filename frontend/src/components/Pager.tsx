interface PagerProps {
  /** Counts from 0, like the API. */
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  label: string;
}

export function Pager({ page, totalPages, onPage, label }: PagerProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button-secondary" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">←</span> Previous
      </button>
      <span className="pager-status">
        Page {page + 1} of {totalPages.toLocaleString('en')}
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={page + 1 >= totalPages}
        onClick={() => onPage(page + 1)}
      >
        Next <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}

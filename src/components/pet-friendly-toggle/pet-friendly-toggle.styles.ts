import { css } from 'lit';

export const petToggleStyles = css`
  .note {
    min-height: 1.5em;
    margin: 0;
    color: var(--_color-text-muted);
  }
  .more,
  input,
  select {
    min-height: var(--_target-comfortable);
    font: inherit;
    color: inherit;
  }
  .more {
    border: 0;
    background: none;
    color: var(--_color-accent);
    text-decoration: underline;
  }
  .more::before {
    content: '▸ ';
  }
  [aria-expanded='true']::before {
    content: '▾ ';
  }
  form,
  label {
    display: grid;
    gap: var(--_space-2);
    max-width: 24em;
  }
  /* The rule above would show the collapsed details: [hidden] is only the browser's own display: none. */
  form[hidden] {
    display: none;
  }
  input,
  select {
    border: 1px solid var(--_color-border-strong);
    background: var(--_color-surface);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_color-danger);
  }
  .err {
    color: var(--_color-danger);
  }
`;

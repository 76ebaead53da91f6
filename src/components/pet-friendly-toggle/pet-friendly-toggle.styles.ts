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
    padding: 0 var(--_space-2);
    border: 0;
    background: none;
    color: var(--_color-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .more::before {
    content: '▸ ';
  }
  .more[aria-expanded='true']::before {
    content: '▾ ';
  }
  form {
    display: grid;
    gap: var(--_space-1);
    max-width: 24em;
    padding-block: var(--_space-2);
  }
  input,
  select {
    width: 100%;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_color-danger);
  }
  .err {
    color: var(--_color-danger);
  }
  .err:empty {
    display: none;
  }
  iop-button {
    justify-self: start;
    margin-top: var(--_space-2);
  }
`;

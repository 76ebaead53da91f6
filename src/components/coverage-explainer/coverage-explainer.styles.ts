import { css } from 'lit';

export const coverageExplainerStyles = css`
  h2,
  h3,
  h4,
  p {
    margin: 0 0 var(--_space-2);
  }
  h3 {
    margin-block-start: var(--_space-5);
  }
  .muted {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  progress {
    appearance: none;
    display: block;
    inline-size: 100%;
    block-size: 0.75rem;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-pill);
    overflow: hidden;
  }
  progress,
  progress::-webkit-progress-bar,
  .skeleton {
    background: var(--_color-surface-sunken);
  }
  progress::-webkit-progress-value {
    background: var(--_color-accent);
  }
  progress::-moz-progress-bar {
    background: var(--_color-accent);
  }
  ul {
    list-style: none;
    padding: 0;
  }
  li {
    border-block-end: 1px solid var(--_color-border);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-end: var(--_space-3);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    font-weight: normal;
    padding-inline-end: var(--_space-2);
    overflow-wrap: anywhere;
  }
  label {
    display: block;
    margin-block-start: var(--_space-3);
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    min-block-size: var(--_target-comfortable);
    max-inline-size: 100%;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-md);
  }
  /* The disclosures (every service, another amount, week by week): a comfortable target, in the accent colour. */
  summary {
    display: list-item;
    min-block-size: var(--_target-comfortable);
    padding-block: var(--_space-2);
    color: var(--_color-accent);
    cursor: pointer;
  }
  details {
    margin-block: var(--_space-2);
  }
  .check {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }
  .check input {
    min-block-size: 0;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    flex: none;
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: 4em;
    fill: var(--_color-accent);
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .error {
    color: var(--_color-danger);
  }
  .result {
    padding: var(--_space-3);
    border-radius: var(--_radius-md);
    background: var(--_color-info-surface);
  }
  .skeleton {
    block-size: 20rem;
    border-radius: var(--_radius-md);
  }
  @media (forced-colors: active) {
    svg {
      fill: CanvasText;
    }
    progress::-webkit-progress-value {
      background: Highlight;
    }
    progress::-moz-progress-bar {
      background: Highlight;
    }
  }
`;

import { css } from 'lit';

export const schedulerStyles = css`
  h2 {
    font-size: var(--_font-size-lg);
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  [part='slots'] {
    display: grid;
    gap: var(--_space-2);
  }
  .day {
    font-weight: 600;
    margin-block: var(--_space-3) var(--_space-2);
  }
  .soonest {
    display: block;
    margin-block-end: var(--_space-3);
  }
  /* The day picker: seven columns that fit 320 px (WCAG 1.4.10) with 44 px tall cells. */
  [part='days'] {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    text-align: center;
  }
  th {
    font-size: var(--_font-size-sm);
    font-weight: 400;
  }
  td {
    block-size: var(--_target-comfortable);
    padding: 2px 0;
    border: 1px solid var(--_color-border);
    cursor: pointer;
    line-height: 1.1;
  }
  td small {
    display: block;
    font-size: var(--_font-size-sm);
  }
  td[aria-disabled='true'] {
    color: var(--_color-text-muted);
    cursor: default;
  }
  .zone,
  .soon {
    font-size: var(--_font-size-sm);
    margin-inline-start: var(--_space-2);
  }
  [role='option'] {
    font: inherit;
    color: inherit;
    text-align: start;
    min-block-size: var(--_target-comfortable);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    background: var(--_color-surface);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [aria-selected='true'] {
    border: 2px solid var(--_color-accent);
  }
  [role='option'][aria-selected='true']::before {
    content: '✓ ';
  }
  td[aria-selected='true'] {
    background: var(--_color-surface-sunken);
    font-weight: 700;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .confirm,
  .on-call,
  iop-card,
  iop-alert {
    margin-block: var(--_space-3);
  }
  .confirm,
  .on-call {
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
  }
  .skeleton span {
    display: block;
    block-size: var(--_target-comfortable);
    margin-block-end: var(--_space-2);
    border-radius: var(--_radius-md);
    background: var(--_color-surface-sunken);
  }
  @media (forced-colors: active) {
    [aria-selected='true'] {
      border-color: Highlight;
    }
  }
`;

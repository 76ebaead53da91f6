import { css } from 'lit';

export const crisisConnectStyles = css`
  :host {
    display: inline-block;
    font-size: var(--iop-font-size-base, max(1em, 1rem));
    color: var(--_color-text);
  }
  /*
   * Floating: the same corner on every page (WCAG 3.2.6 Consistent Help), clear of the phone's notch and home
   * bar. Pages reserve room for it with --iop-crisis-reserved-block (see README); the element also scrolls a
   * focused element out from under itself (WCAG 2.4.11).
   */
  :host([variant='floating']) {
    position: fixed;
    z-index: var(--iop-crisis-z-index, 2147483000);
    inset-block-end: calc(var(--iop-crisis-inset-block-end, 16px) + env(safe-area-inset-bottom, 0px));
    inset-inline-end: calc(var(--iop-crisis-inset-inline-end, 16px) + env(safe-area-inset-right, 0px));
  }
  :host([variant='inline']) {
    display: block;
  }
  .trigger::part(base) {
    box-shadow: var(--_elevation-2);
  }
  :host([variant='inline']) .trigger::part(base),
  :host([variant='compact']) .trigger::part(base) {
    box-shadow: none;
  }
  :host([variant='compact']) .trigger {
    font-size: var(--_font-size-sm);
  }
  .trigger-icon {
    font-size: 1.2em;
    line-height: 1;
  }
  .intro {
    margin: 0 0 var(--_space-4);
    color: var(--_color-text-muted);
  }
  section {
    margin-block: var(--_space-4);
  }
  h3 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-lg);
    line-height: var(--_line-height-tight);
  }
  .emergency {
    margin-block-start: 0;
    padding: var(--_space-3);
    border: 2px solid var(--_color-crisis);
    border-radius: var(--_radius-md);
    background: var(--_color-danger-surface);
  }
  .emergency p {
    margin: 0 0 var(--_space-2);
    font-weight: var(--_font-weight-heavy);
    font-size: var(--_font-size-lg);
  }
  .on-call {
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    background: var(--_color-surface-raised);
  }
  .on-call p {
    margin: 0 0 var(--_space-2);
  }
  .who {
    font-weight: var(--_font-weight-strong);
  }
  .muted {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .has-plan::before {
    content: '✓ ';
  }
  .status {
    margin: 0 0 var(--_space-2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .hotline {
    padding-block: var(--_space-3);
    border-block-end: 1px solid var(--_color-border);
  }
  .hotline:last-child {
    border-block-end: 0;
  }
  .hotline-name {
    margin: 0 0 var(--_space-1);
    font-weight: var(--_font-weight-strong);
  }
  .hotline-description {
    margin: 0 0 var(--_space-2);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .plain-number {
    font-variant-numeric: tabular-nums;
  }
  .leave {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_color-border);
  }
  @media (forced-colors: active) {
    .emergency,
    .on-call {
      border-color: CanvasText;
    }
  }
  @media print {
    :host([variant='floating']) {
      display: none;
    }
  }
`;

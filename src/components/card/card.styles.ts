import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    color: var(--_color-text);
    --_card-border: var(--_color-border);
    --_card-border-width: 1px;
    --_card-shadow: var(--_elevation-2);
    --_card-heading: var(--_color-text);
  }
  :host([variant='outlined']) {
    --_card-border: var(--_color-border-strong);
    --_card-shadow: none;
  }
  :host([variant='crisis']) {
    --_card-border: var(--_color-crisis);
    --_card-border-width: 2px;
    --_card-shadow: var(--_elevation-1);
    --_card-heading: var(--_color-crisis);
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    height: 100%;
    padding: var(--_space-4) var(--_space-5);
    border: var(--_card-border-width) solid var(--_card-border);
    border-radius: var(--_radius-lg);
    background: var(--_color-surface-raised);
    box-shadow: var(--_card-shadow);
  }
  /* Crisis cards carry a thick leading bar too, so they stand out without relying on hue alone. */
  :host([variant='crisis']) .card {
    border-inline-start-width: 6px;
  }
  .heading {
    margin: 0;
    color: var(--_card-heading);
    font-size: var(--_font-size-lg);
    font-weight: var(--_font-weight-heavy);
    line-height: var(--_line-height-tight);
  }
  .body {
    min-width: 0;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    padding-top: var(--_space-3);
    border-top: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
    font-size: var(--_font-size-md);
  }
  [hidden] {
    display: none !important;
  }
  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
      background: Canvas;
      box-shadow: none;
    }
    .heading {
      color: CanvasText;
    }
  }
`;

import { css } from 'lit';

export const alertStyles = css`
  :host {
    display: block;
    color: var(--_color-text);
    --_alert-accent: var(--_color-accent);
    --_alert-surface: var(--_color-info-surface);
  }
  :host([variant='success']) {
    --_alert-accent: var(--_color-success);
    --_alert-surface: var(--_color-success-surface);
  }
  :host([variant='warning']) {
    --_alert-accent: var(--_color-warning);
    --_alert-surface: var(--_color-warning-surface);
  }
  :host([variant='danger']) {
    --_alert-accent: var(--_color-danger);
    --_alert-surface: var(--_color-danger-surface);
  }
  .alert {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-3) var(--_space-3) var(--_space-4);
    border: 1px solid var(--_alert-accent);
    border-inline-start-width: 6px;
    border-radius: var(--_radius-md);
    background: var(--_alert-surface);
  }
  .live {
    display: flex;
    flex: 1;
    align-items: flex-start;
    gap: var(--_space-3);
    min-width: 0;
  }
  .icon {
    display: inline-flex;
    flex: none;
    width: 1.25em;
    height: 1.5em;
    align-items: center;
    color: var(--_alert-accent);
  }
  svg {
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .message {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .close {
    display: inline-grid;
    flex: none;
    place-items: center;
    min-width: max(var(--_target-min), 2em);
    min-height: max(var(--_target-min), 2em);
    margin: calc(-1 * var(--_space-1)) 0;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  .close:hover {
    border-color: var(--_alert-accent);
  }
  .close:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  @media (forced-colors: active) {
    .alert {
      border-color: CanvasText;
      background: Canvas;
    }
    .icon {
      color: CanvasText;
    }
    .close {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;

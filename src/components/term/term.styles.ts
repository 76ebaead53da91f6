import { css } from 'lit';
import { baseFontSize } from '../../design/host.styles.js';

export const termStyles = css`
  :host {
    display: inline;
  }
  .term {
    display: inline;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius-sm);
    background: none;
    color: inherit;
    font: inherit;
    line-height: inherit;
    text-align: inherit;
    text-decoration: underline dotted var(--_color-accent);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    cursor: help;
  }
  .term:hover,
  .term[aria-expanded='true'] {
    text-decoration-style: solid;
  }
  .definition {
    /* A popover in the top layer, placed next to the term by script through --_x and --_y. */
    position: fixed;
    inset: auto;
    left: var(--_x, 0.5rem);
    top: var(--_y, 0.5rem);
    box-sizing: border-box;
    width: max-content;
    max-width: min(var(--iop-term-definition-width, 20em), 100% - 1rem);
    margin: 0;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-md);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: var(--_elevation-2);
    font-family: var(--iop-font-family, inherit);
    font-size: ${baseFontSize};
    font-weight: var(--_font-weight-regular);
    line-height: var(--_line-height-normal);
    text-align: start;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .definition:popover-open {
    animation: appear var(--_duration-fast) ease-out;
  }
  @keyframes appear {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .definition:popover-open {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .term {
      color: LinkText;
      text-decoration-color: LinkText;
    }
    .definition {
      border: 2px solid CanvasText;
    }
  }
`;

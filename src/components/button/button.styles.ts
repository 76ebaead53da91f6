import { css } from 'lit';

export const buttonStyles = css`
  :host {
    display: inline-block;
    --_bg: var(--_color-accent);
    --_fg: var(--_color-on-accent);
    --_border: var(--_color-accent);
    --_min-size: var(--_target-comfortable);
  }
  :host([variant='secondary']) {
    --_bg: var(--_color-surface);
    --_fg: var(--_color-accent);
    --_border: var(--_color-border-strong);
  }
  /* Crisis actions are never smaller than 44 px (WCAG 2.5.5 AAA), whatever the size. */
  :host([variant='crisis']) {
    --_bg: var(--_color-crisis);
    --_fg: var(--_color-on-crisis);
    --_border: var(--_color-crisis);
    --_target-min: max(44px, var(--_target-comfortable));
  }
  :host([variant='quiet']) {
    --_bg: transparent;
    --_fg: var(--_color-accent);
    --_border: transparent;
  }
  :host([size='sm']) {
    --_min-size: 2em;
    font-size: var(--_font-size-sm);
  }
  :host([size='lg']) {
    --_min-size: 3.25em;
    font-size: var(--_font-size-lg);
  }
  :host([block]) {
    display: block;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    width: 100%;
    min-height: max(var(--_min-size), var(--_target-min));
    min-width: var(--_target-min);
    padding: var(--_space-2) var(--_space-4);
    border: 2px solid var(--_border);
    border-radius: var(--_radius-md);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: var(--_font-weight-strong);
    line-height: var(--_line-height-tight);
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    transition: filter var(--_duration-fast);
  }
  .button:hover:not([aria-disabled='true']) {
    filter: brightness(0.92);
  }
  :host([variant='quiet']) .button:hover:not([aria-disabled='true']),
  :host([variant='secondary']) .button:hover:not([aria-disabled='true']) {
    filter: none;
    background: var(--_color-surface-sunken);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :host([loading]) .button {
    cursor: progress;
    opacity: 1;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    a.button {
      color: LinkText;
    }
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;

import { css } from 'lit';
import { baseFontSize } from '../../design/host.styles.js';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  /* Font and line height come from :host (hostStyles); the safe-area gutters keep clear of notches. */
  dialog {
    --_gutter: max(var(--_space-4), env(safe-area-inset-left), env(safe-area-inset-right));
    flex-direction: column;
    width: min(var(--iop-dialog-width, 32em), 100vw - 2 * var(--_gutter));
    max-width: none;
    max-height: calc(
      100dvh - 2 * max(var(--_space-4), env(safe-area-inset-top), env(safe-area-inset-bottom))
    );
    padding: 0;
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-lg);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: var(--_elevation-3);
    font-size: ${baseFontSize};
    overflow-wrap: anywhere;
  }
  dialog[open] {
    display: flex;
    animation: enter var(--_duration-normal) ease-out;
  }
  dialog::backdrop {
    background: var(
      --iop-dialog-backdrop,
      color-mix(in srgb, light-dark(var(--_color-text), var(--_color-surface-sunken)) 60%, transparent)
    );
  }
  [part='header'],
  [part='footer'] {
    display: flex;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-5);
  }
  [part='header'] {
    padding: var(--_space-3) var(--_space-3) var(--_space-2) var(--_space-5);
  }
  h2 {
    flex: 1;
    margin: 0;
    padding-top: var(--_space-2);
    font-size: var(--_font-size-xl);
    font-weight: var(--_font-weight-heavy);
    line-height: var(--_line-height-tight);
  }
  button {
    flex: none;
    display: grid;
    place-items: center;
    /* The close button of crisis help: 44 px whatever --iop-target-comfortable says. */
    width: max(44px, var(--_target-comfortable));
    height: max(44px, var(--_target-comfortable));
    padding: 0;
    border: 2px solid transparent;
    border-radius: var(--_radius-md);
    background: none;
    color: inherit;
    cursor: pointer;
  }
  button:hover {
    background: var(--_color-surface-sunken);
  }
  svg {
    width: 1.5em;
    stroke: currentColor;
    stroke-width: 2.25;
    stroke-linecap: round;
  }
  [part='body'] {
    flex: auto;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space-2) var(--_space-5) var(--_space-5);
  }
  [part='footer'] {
    flex-wrap: wrap;
    justify-content: flex-end;
    border-top: 1px solid var(--_color-border);
  }
  [hidden] {
    display: none;
  }
  /* Phones: a full-width sheet at the bottom, where thumbs reach, clear of the home indicator. */
  @media (max-width: 30rem) {
    dialog {
      width: 100%;
      margin-bottom: 0;
      border-width: 1px 0 0;
      border-radius: var(--_radius-lg) var(--_radius-lg) 0 0;
      padding: 0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
    }
    [part='header'],
    [part='body'],
    [part='footer'] {
      padding-inline: var(--_space-4);
    }
  }
  /* Motion only, never fading: what the dialog says (crisis lines first) is fully visible from its first frame. */
  @keyframes enter {
    from {
      transform: translateY(0.75em);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog[open] {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
`;

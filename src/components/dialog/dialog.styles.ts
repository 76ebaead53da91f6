import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    /* The safe-area gutters keep the dialog clear of notches and home indicators. */
    --_gutter-x: max(var(--_space-4), env(safe-area-inset-left), env(safe-area-inset-right));
    --_gutter-y: max(var(--_space-4), env(safe-area-inset-top), env(safe-area-inset-bottom));
    flex-direction: column;
    box-sizing: border-box;
    width: min(var(--iop-dialog-width, 32rem), 100vw - 2 * var(--_gutter-x));
    max-width: none;
    max-height: calc(100dvh - 2 * var(--_gutter-y));
    margin: auto;
    padding: 0;
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-lg);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: var(--_elevation-3);
    font-family: var(--iop-font-family, inherit);
    font-size: var(--iop-font-size-base, max(1em, 1rem));
    line-height: var(--_line-height-normal);
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
  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-3) var(--_space-2) var(--_space-5);
  }
  .heading {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
    padding-top: var(--_space-2);
    font-size: var(--_font-size-xl);
    font-weight: var(--_font-weight-heavy);
    line-height: var(--_line-height-tight);
    overflow-wrap: anywhere;
  }
  .close {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_target-comfortable);
    height: var(--_target-comfortable);
    padding: 0;
    border: 2px solid transparent;
    border-radius: var(--_radius-md);
    background: transparent;
    color: var(--_color-text);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_color-surface-sunken);
  }
  .close svg {
    width: 1.5rem;
    height: 1.5rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.25;
    stroke-linecap: round;
  }
  .body {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space-2) var(--_space-5) var(--_space-5);
    overflow-wrap: anywhere;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-5);
    border-top: 1px solid var(--_color-border);
  }
  .footer[hidden] {
    display: none;
  }
  /* Phones: a full-width sheet at the bottom, where thumbs reach, clear of the home indicator. */
  @media (max-width: 30rem) {
    dialog {
      width: 100%;
      max-height: calc(100dvh - max(var(--_space-4), env(safe-area-inset-top)));
      margin: auto 0 0;
      border-width: 1px 0 0;
      border-radius: var(--_radius-lg) var(--_radius-lg) 0 0;
      padding: 0 env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
    }
    .header {
      padding-left: var(--_space-4);
    }
    .body,
    .footer {
      padding-left: var(--_space-4);
      padding-right: var(--_space-4);
    }
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(0.75rem);
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
    .close {
      border-color: ButtonText;
      color: ButtonText;
    }
    .footer {
      border-top-color: CanvasText;
    }
  }
`;

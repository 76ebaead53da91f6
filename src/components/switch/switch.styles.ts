import { css } from 'lit';

export const switchStyles = css`
  :host {
    display: block;
    color: var(--_color-text);
    --_track-width: 2.75em;
    --_track-height: 1.5em;
    --_thumb-size: calc(var(--_track-height) - 6px);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .control {
    display: inline-flex;
    align-items: center;
    align-self: flex-start;
    gap: var(--_space-3);
    min-height: var(--_target-comfortable);
    min-width: var(--_target-comfortable);
    margin: 0;
    padding: var(--_space-1) var(--_space-2) var(--_space-1) 0;
    border: 0;
    border-radius: var(--_radius-md);
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .control:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .track {
    position: relative;
    flex: none;
    width: var(--_track-width);
    height: var(--_track-height);
    border: 2px solid var(--_color-border-strong);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface-sunken);
    transition:
      background-color var(--_duration-fast),
      border-color var(--_duration-fast);
  }
  .thumb {
    position: absolute;
    top: 1px;
    inset-inline-start: 1px;
    display: grid;
    place-items: center;
    width: var(--_thumb-size);
    height: var(--_thumb-size);
    border-radius: 50%;
    background: var(--_color-border-strong);
    color: var(--_color-surface);
    transition: transform var(--_duration-fast);
  }
  .icon {
    width: 80%;
    height: 80%;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  [aria-checked='true'] .track {
    border-color: var(--_color-accent);
    background: var(--_color-accent);
  }
  [aria-checked='true'] .thumb {
    background: var(--_color-on-accent);
    color: var(--_color-accent);
    transform: translateX(calc(var(--_track-width) - var(--_thumb-size) - 6px));
  }
  :host(:dir(rtl)) [aria-checked='true'] .thumb {
    transform: translateX(calc(-1 * (var(--_track-width) - var(--_thumb-size) - 6px)));
  }
  .label {
    line-height: var(--_line-height-tight);
  }
  .description {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    padding-inline-start: calc(var(--_track-width) + var(--_space-3));
  }
  .control:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [aria-invalid='true'] .track {
    border-color: var(--_color-danger);
  }
  @media (forced-colors: active) {
    .track {
      border-color: ButtonText;
      background: ButtonFace;
    }
    .thumb {
      background: ButtonText;
      color: ButtonFace;
    }
    [aria-checked='true'] .track {
      border-color: Highlight;
      background: Highlight;
    }
    [aria-checked='true'] .thumb {
      background: HighlightText;
      color: Highlight;
    }
    .control:disabled {
      color: GrayText;
      opacity: 1;
    }
    .control:disabled .track {
      border-color: GrayText;
    }
    .control:disabled .thumb {
      background: GrayText;
    }
  }
`;

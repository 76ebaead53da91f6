import { css } from 'lit';

/*
 * One question at a time, large targets (every answer, button and link at least 44 px), nothing timed. Answers are
 * native radio buttons inside big labels (arrow keys and screen readers work as on any form); the chosen one is
 * marked by its border and weight too, not by colour alone. Forced colours keep every border and the selection.
 */
export const checkInStyles = css`
  :host {
    overflow-wrap: anywhere;
  }
  p,
  h2,
  h3,
  ul {
    margin: 0;
  }
  .base,
  form,
  .outcome,
  .crisis,
  section {
    display: grid;
    gap: var(--_space-3);
  }
  .base {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-lg);
  }
  .title {
    font-weight: var(--_font-weight-heavy);
    font-size: var(--_font-size-sm);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_color-text-muted);
  }
  fieldset {
    display: grid;
    gap: var(--_space-2);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  h2 {
    padding: 0;
    margin-block-end: var(--_space-2);
    font-size: var(--_font-size-lg);
    font-weight: var(--_font-weight-strong);
    line-height: var(--_line-height-tight);
  }
  h3 {
    font-size: var(--_font-size-md);
  }
  .period {
    display: block;
    font-size: var(--_font-size-md);
    font-weight: var(--_font-weight-regular);
    color: var(--_color-text-muted);
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .choices {
    display: grid;
    gap: var(--_space-2);
  }
  .opt,
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-inline: var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-md);
    cursor: pointer;
  }
  .scale .opt {
    justify-content: center;
    padding-inline: var(--_space-2);
  }
  .check {
    border: 0;
    padding-inline: 0;
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    flex: none;
    accent-color: var(--_color-accent);
  }
  .opt:has(input:checked) {
    border: 2px solid var(--_color-accent);
    font-weight: var(--_font-weight-strong);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
  }
  textarea {
    inline-size: 100%;
    min-block-size: 6em;
    padding: var(--_space-2);
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-md);
  }
  .muted {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .err {
    color: var(--_color-danger);
    font-weight: var(--_font-weight-strong);
  }
  .lang-note {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_color-accent);
    background: var(--_color-info-surface);
  }
  .nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: var(--_space-1) var(--_space-4);
    border: 2px solid var(--_color-accent);
    border-radius: var(--_radius-md);
    background: var(--_color-surface);
    color: var(--_color-accent);
    font: inherit;
    font-weight: var(--_font-weight-strong);
    text-decoration: none;
    cursor: pointer;
  }
  .btn.primary {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  .btn.crisis {
    border-color: var(--_color-crisis);
    background: var(--_color-crisis);
    color: var(--_color-on-crisis);
  }
  .crisis {
    padding: var(--_space-3);
    border: 2px solid var(--_color-crisis);
    border-inline-start-width: 8px;
    border-radius: var(--_radius-lg);
  }
  .emergency {
    font-weight: var(--_font-weight-heavy);
  }
  .lines {
    display: grid;
    gap: var(--_space-3);
    padding: 0;
    list-style: none;
  }
  .lines li {
    display: grid;
    gap: var(--_space-1);
  }
  .coping {
    padding-inline-start: 1.25em;
  }
  .history svg {
    display: block;
    inline-size: 100%;
    max-inline-size: 28em;
    block-size: auto;
  }
  .history polyline {
    fill: none;
    stroke-width: 2;
  }
  .axis {
    stroke: var(--_color-border);
  }
  .mine {
    stroke: var(--_color-accent);
    fill: var(--_color-accent);
  }
  .theirs {
    stroke: var(--_color-text-muted);
    fill: var(--_color-text-muted);
    stroke-dasharray: 4 3;
  }
  .key {
    display: inline-block;
    inline-size: 1.5em;
    margin-inline: 0.25em;
    border-block-start: 3px solid var(--_color-accent);
    vertical-align: middle;
  }
  .key.theirs {
    border-block-start: 3px dashed var(--_color-text-muted);
  }
  [data-focus]:focus {
    outline: none;
  }
  [data-focus]:focus-visible {
    outline: var(--_focus-ring);
  }
  @media (forced-colors: active) {
    .opt:has(input:checked) {
      outline: 2px solid Highlight;
    }
    .btn {
      border-color: ButtonText;
    }
    .mine,
    .theirs,
    .axis {
      stroke: CanvasText;
      fill: CanvasText;
    }
    .key {
      border-color: CanvasText;
    }
  }
`;

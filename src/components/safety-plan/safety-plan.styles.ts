import { css } from 'lit';

/** Paper colours: black on white, nothing that needs a background to be read (printers drop them). */
const ink = css`
  color-scheme: light;
  background: Canvas;
  --_color-text: CanvasText;
  --_color-text-muted: CanvasText;
  --_color-accent: CanvasText;
  --_color-crisis: CanvasText;
  --_color-on-crisis: CanvasText;
  --_color-border: CanvasText;
  --_color-surface-raised: Canvas;
  --_color-danger-surface: Canvas;
  --_act-bg: Canvas;
`;

/*
 * Step 5 stands out like a crisis card: crisis border with a thick leading bar, and 44 px call links.
 * The chevron is drawn (no text, so it is not read out): right when closed, down when open.
 * The skeleton reserves a section's usual height, so the page does not jump when the plan arrives.
 */
export const safetyPlanStyles = css`
  :host {
    overflow-wrap: anywhere;
    background: var(--_color-surface);
  }
  p,
  h2,
  ul {
    margin: 0;
  }
  .title {
    font-size: var(--_font-size-xl);
    font-weight: var(--_font-weight-heavy);
    line-height: var(--_line-height-tight);
  }
  .meta,
  .muted,
  .empty {
    display: block;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .meta {
    margin-block: var(--_space-1) var(--_space-3);
  }
  nav {
    margin-block: var(--_space-3);
  }
  ul,
  .acts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    padding: 0;
    list-style: none;
  }
  a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target-min);
    padding-inline: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    color: var(--_color-accent);
  }
  section {
    margin-block: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-lg);
    background: var(--_color-surface-raised);
    break-inside: avoid;
    page-break-inside: avoid;
  }
  /* A closed section is one 44 px row: a list of steps that fits a phone. */
  section.closed {
    margin-block: var(--_space-2);
    padding-block: var(--_space-1);
  }
  .crisis {
    border: 2px solid var(--_color-crisis);
    border-inline-start-width: 6px;
    background: var(--_color-danger-surface);
  }
  .crisis h2 {
    color: var(--_color-crisis);
  }
  .crisis a {
    min-block-size: var(--_target-comfortable);
    border-color: transparent;
    background: var(--_act-bg, var(--_color-crisis));
    color: var(--_color-on-crisis);
    font-weight: var(--_font-weight-strong);
  }
  h2 {
    font-size: var(--_font-size-lg);
    line-height: var(--_line-height-tight);
  }
  h2 button {
    all: unset;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    inline-size: 100%;
    min-block-size: var(--_target-min);
    cursor: pointer;
  }
  h2 button::before {
    content: '';
    flex: none;
    inline-size: 0.45em;
    block-size: 0.45em;
    border: solid;
    border-width: 0 0.15em 0.15em 0;
    transform: rotate(-45deg);
  }
  [aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  .body > * {
    margin-block-start: var(--_space-2);
  }
  .body ul {
    display: grid;
  }
  .sk {
    block-size: 4.5em;
    border-radius: var(--_radius-md);
    background: var(--_color-surface-sunken);
  }
  :host([printable]) {
    ${ink}
  }
  @media print {
    :host,
    :host([theme]) {
      ${ink}
    }
    nav,
    h2 button::before {
      display: none;
    }
    .body {
      display: block !important;
    }
  }
  @media (forced-colors: active) {
    a {
      border-color: LinkText;
    }
  }
`;

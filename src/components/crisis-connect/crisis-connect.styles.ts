import { css } from 'lit';
import { baseFontSize } from '../../design/host.styles.js';

export const crisisConnectStyles = css`
  /*
   * No text colour on the host: it paints no background of its own (the button and the dialog paint theirs
   * and set their text colour on it), so a theme's text colour here would sit on the host page's background,
   * e.g. dark-theme text on a light page (IBM Equal Access text_contrast_sufficient, 1.11:1).
   */
  :host {
    display: inline-block;
    font-size: ${baseFontSize};
  }
  /* Out of the page's flow when the page allows it; what shows is the button below, in the top layer. */
  :host([variant='floating']) {
    position: fixed;
  }
  /*
   * Floating: the same corner on every page (WCAG 3.2.6 Consistent Help), clear of the phone's notch and home
   * bar. Pages reserve room for it with --iop-crisis-reserved-block (see README); the element also scrolls a
   * focused element out from under itself (WCAG 2.4.11).
   * The button is a manual popover, shown at once: the top layer puts it above every z-index of the page and
   * places it against the screen even when the page gives body a transform or filter (which would make
   * position: fixed relative to body). Everything here is inside the shadow root, where no page rule reaches;
   * the rules also undo the browser's own popover placement (centring); .btn sets its border, padding and colours.
   */
  .trigger[popover] {
    position: fixed;
    z-index: var(--iop-crisis-z-index, 2147483000);
    inset: auto;
    inset-block-end: calc(var(--iop-crisis-inset-block-end, 16px) + env(safe-area-inset-bottom, 0px));
    inset-inline-end: calc(var(--iop-crisis-inset-inline-end, 16px) + env(safe-area-inset-right, 0px));
    margin: 0;
    overflow: visible;
    box-shadow: var(--_elevation-2);
  }
  /*
   * The trigger is a plain <button> like the dialog's links (one custom element less to upgrade, style and
   * render before the button works: issue 14).
   */
  .trigger {
    gap: var(--_space-2);
  }
  /* Crisis actions are never below 44 px, whatever --iop-target-* the page sets. */
  iop-button {
    --iop-target-min: 44px;
  }
  /*
   * The crisis button, the dialog's own links and quick exit: plain <a> and <button> that look like iop-button
   * (secondary, crisis, primary, quiet). Plain elements, not ~10 iop-buttons: each of those is a shadow root with its own tokens to
   * style and lay out, which is what a tap waited for.
   */
  .btn {
    --_bg: var(--_color-surface);
    --_fg: var(--_color-accent);
    --_border: var(--_color-border-strong);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: max(44px, var(--_target-comfortable));
    min-width: 44px;
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
  }
  .btn:hover {
    background: var(--_color-surface-sunken);
  }
  .crisis {
    --_bg: var(--_color-crisis);
    --_fg: var(--_color-on-crisis);
    --_border: var(--_color-crisis);
  }
  .primary {
    --_bg: var(--_color-accent);
    --_fg: var(--_color-on-accent);
    --_border: var(--_color-accent);
  }
  .crisis:hover,
  .primary:hover {
    background: var(--_bg);
    filter: brightness(0.92);
  }
  .quiet {
    --_bg: transparent;
    --_border: transparent;
  }
  :host([variant='inline']) {
    display: block;
  }
  :host([variant='compact']) .trigger {
    font-size: var(--_font-size-sm);
  }
  .trigger-icon {
    font-size: 1.2em;
    line-height: 1;
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  .intro,
  .muted {
    color: var(--_color-text-muted);
  }
  .intro {
    margin-bottom: var(--_space-4);
  }
  .muted {
    font-size: var(--_font-size-sm);
  }
  section {
    margin-block: var(--_space-4);
  }
  h3 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-lg);
    line-height: var(--_line-height-tight);
  }
  .emergency,
  .on-call {
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    background: var(--_color-surface-raised);
  }
  .emergency {
    margin-top: 0;
    border: 2px solid var(--_color-crisis);
    background: var(--_color-danger-surface);
  }
  .emergency p {
    font-weight: var(--_font-weight-heavy);
    font-size: var(--_font-size-lg);
  }
  .who,
  .hotline-name {
    font-weight: var(--_font-weight-strong);
  }
  .has-plan::before {
    content: '✓ ';
  }
  .where input {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 44px;
    margin-block: var(--_space-1) var(--_space-2);
    font: inherit;
  }
  .actions,
  .leave {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding-block: var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
  }
  li:last-child {
    border: 0;
  }
  .hotline-name {
    margin-bottom: var(--_space-1);
  }
  .leave {
    flex-direction: column;
    padding-top: var(--_space-3);
    border-top: 1px solid var(--_color-border);
  }
  @media (forced-colors: active) {
    .emergency,
    .on-call {
      border-color: CanvasText;
    }
    .btn {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    a.btn {
      color: LinkText;
    }
  }
  @media print {
    :host([variant='floating']),
    .trigger[popover] {
      display: none;
    }
  }
`;

import { css } from 'lit';
import { tokenStyles } from './tokens.generated.js';

/**
 * What every iop-kit element's shadow root starts with: the tokens, the theme switch, the host page's font,
 * a visible focus ring and reduced motion. Themes are pure CSS: colours are `light-dark()` pairs, resolved by
 * `color-scheme`, which follows the user's preference unless `theme` is set on the element or an ancestor
 * (`--iop-color-scheme` carries an ancestor's choice, e.g. from `<iop-provider theme="dark">`).
 */
export const hostStyles = [
  tokenStyles,
  css`
    :host {
      color-scheme: var(--iop-color-scheme, light dark);
      font-family: var(--iop-font-family, inherit);
      line-height: var(--_line-height-normal);
      box-sizing: border-box;
      --_focus-ring: 3px solid var(--_color-focus-ring);
      --_focus-offset: 2px;
    }
    :host([theme='light']) {
      color-scheme: light;
      --iop-color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
      --iop-color-scheme: dark;
    }
    :host([hidden]) {
      display: none !important;
    }
    /*
     * border-box, not inherit: a host page rule like "* { box-sizing: content-box !important }" reaches the host
     * element, and inheriting it would make every width: 100% box overflow by its padding and border.
     */
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    :focus-visible {
      outline: var(--_focus-ring);
      outline-offset: var(--_focus-offset);
    }
    @media (prefers-reduced-motion: reduce) {
      :host {
        --_duration-fast: 0ms;
        --_duration-normal: 0ms;
        --_duration-slow: 0ms;
      }
    }
    @media (forced-colors: active) {
      :host {
        --_focus-ring: 3px solid Highlight;
      }
    }
  `,
];

/**
 * The smallest base text size of the kit's widgets and dialogs: the page's text, or 1rem, but never below 16 px.
 * The px floor is what holds on a theme with `html { font-size: 62.5% }` (1rem = 10 px there); every size and
 * space in the kit is in em, so it also keeps targets and gaps from shrinking.
 */
export const baseFontSize = css`max(var(--iop-font-size-base, 1em), 1rem, 16px)`;

/** Widgets (not primitives) set their own base text size (the host page's, but never below 16 px) and surface. */
export const widgetStyles = css`
  :host {
    display: block;
    font-size: ${baseFontSize};
    color: var(--_color-text);
    /* A widget paints its own surface, so its text stays readable whatever the page's background and theme. */
    background: var(--_color-surface);
  }
`;

/** Visually hidden but read by assistive technology. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

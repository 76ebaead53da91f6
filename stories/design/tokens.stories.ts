import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { contrastPairs, tokenValues } from '../../src/design/tokens.generated.js';
import { contrastRatio } from '../../src/design/contrast.js';
import { THEMES, tokensStartingWith, type ThemeName, type TokenName } from './token-sheet.js';

/**
 * The design tokens, read from src/design/tokens.generated.ts (generated from tokens.json), so this page always
 * shows what the kit ships. Hosts override any of them through its public name, e.g. `--iop-color-accent`.
 */
const meta = {
  title: 'Design system/Tokens',
  tags: ['autodocs'],
  parameters: { controls: { disable: true } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const value = (theme: ThemeName, name: TokenName): string => String(tokenValues[theme][name]);
const colour = (theme: ThemeName, name: string): string => value(theme, `color-${name}` as TokenName);
/** Rounded down, so a pair shown as 4.50:1 really is at least 4.5:1. */
const ratioText = (ratio: number): string => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

const themeLabel: Record<ThemeName, string> = { light: 'Light theme', dark: 'Dark theme' };

/** Every semantic colour, once per theme, with its value and public custom property. */
export const Colours: Story = {
  render: () => html`
    <div class="sb-side-by-side">
      ${THEMES.map(
        (theme) => html`
          <section class="sb-theme" theme=${theme} aria-label=${themeLabel[theme]}>
            <h2 class="sb-heading">${themeLabel[theme]}</h2>
            <ul class="sb-swatches">
              ${tokensStartingWith('color-').map(
                (name) => html`
                  <li class="sb-swatch">
                    <div class="sb-chip sb-bg-${name}"></div>
                    <span class="sb-code">--iop-${name}</span>
                    <span class="sb-code">${value(theme, name)}</span>
                  </li>
                `,
              )}
            </ul>
          </section>
        `,
      )}
    </div>
  `,
};

/**
 * The foreground/background pairs the kit draws with, and their WCAG contrast ratio in each theme: 4.5:1 for
 * text, 3:1 for borders and focus rings (UI components). The unit test `test/design/tokens.test.ts` fails the
 * build when a pair drops below its minimum; this table shows the same numbers.
 */
export const Contrast: Story = {
  render: () => html`
    <div class="sb-side-by-side">
      ${THEMES.map(
        (theme) => html`
          <section class="sb-theme" theme=${theme} aria-label=${themeLabel[theme]}>
            <table class="sb-table">
              <caption class="sb-heading">
                ${themeLabel[theme]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Sample</th>
                  <th scope="col">Foreground on background</th>
                  <th scope="col">Used for</th>
                  <th scope="col">Ratio</th>
                  <th scope="col">Needs</th>
                </tr>
              </thead>
              <tbody>
                ${contrastPairs.map((pair) => {
                  const ratio = contrastRatio(colour(theme, pair.fg), colour(theme, pair.bg));
                  const sample =
                    pair.min >= 4.5
                      ? html`<span class="sb-sample sb-fg-color-${pair.fg} sb-bg-color-${pair.bg}">Aa</span>`
                      : html`<span
                          class="sb-sample-border sb-border-color-${pair.fg} sb-bg-color-${pair.bg}"
                          aria-hidden="true"
                        ></span>`;
                  return html`
                    <tr>
                      <td>${sample}</td>
                      <td class="sb-code">${pair.fg} on ${pair.bg}</td>
                      <td>${pair.use}</td>
                      <td>${ratioText(ratio)}</td>
                      <td>${ratio >= pair.min ? `${pair.min}:1, passes` : `${pair.min}:1, FAILS`}</td>
                    </tr>
                  `;
                })}
              </tbody>
            </table>
          </section>
        `,
      )}
    </div>
  `,
};

const SAMPLE = 'Your next session is Tuesday at 6:00 pm.';

/** Sizes are in `em`: the kit follows the host page's text size (and the user's zoom and font settings). */
export const TypeScale: Story = {
  render: () => html`
    <div class="sb-stack">
      ${tokensStartingWith('font-size-').map(
        (name) => html`
          <div>
            <span class="sb-code">--iop-${name}: ${value('light', name)}</span>
            <p class="sb-type-sample sb-${name}">${SAMPLE}</p>
          </div>
        `,
      )}
      ${tokensStartingWith('font-weight-').map(
        (name) => html`
          <div>
            <span class="sb-code">--iop-${name}: ${value('light', name)}</span>
            <p class="sb-type-sample sb-${name}">${SAMPLE}</p>
          </div>
        `,
      )}
      ${tokensStartingWith('line-height-').map(
        (name) => html`
          <div class="sb-narrow">
            <span class="sb-code">--iop-${name}: ${value('light', name)}</span>
            <p class="sb-type-sample sb-${name}">
              ${SAMPLE} Bring a quiet room, headphones and a glass of water. Your pet is welcome.
            </p>
          </div>
        `,
      )}
    </div>
  `,
};

/** Spacing, in `em` so it grows with the text. Each bar is as long as the space. */
export const Spacing: Story = {
  render: () => html`
    <table class="sb-table">
      <caption class="sb-heading">
        Space
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Value</th>
          <th scope="col">Size</th>
        </tr>
      </thead>
      <tbody>
        ${tokensStartingWith('space-').map(
          (name) => html`
            <tr>
              <td class="sb-code">--iop-${name}</td>
              <td class="sb-code">${value('light', name)}</td>
              <td><div class="sb-bar sb-${name}"></div></td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `,
};

export const Radius: Story = {
  render: () => html`
    <div class="sb-row">
      ${tokensStartingWith('radius-').map(
        (name) => html`<div class="sb-box sb-${name}"><span class="sb-code">${name}</span></div>`,
      )}
    </div>
  `,
};

/** Shadows for raised surfaces: cards (1), popovers such as a term's definition (2), dialogs (3). */
export const Elevation: Story = {
  render: () => html`
    <div class="sb-row">
      ${tokensStartingWith('elevation-').map(
        (name) => html`<div class="sb-box sb-${name}"><span class="sb-code">${name}</span></div>`,
      )}
    </div>
  `,
};

/** Durations (all become 0 ms under `prefers-reduced-motion: reduce`) and minimum target sizes. */
export const MotionAndTargets: Story = {
  render: () => html`
    <table class="sb-table">
      <caption class="sb-heading">
        Motion and target sizes
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        ${[...tokensStartingWith('duration-'), ...tokensStartingWith('target-')].map(
          (name) => html`
            <tr>
              <td class="sb-code">--iop-${name}</td>
              <td class="sb-code">${value('light', name)}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `,
};

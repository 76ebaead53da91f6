/**
 * The explainer's lazily loaded part (a chunk the per-tag build loads right after the element is created; the
 * drop-in file has it inline): the program estimate and the Good Faith Estimate for self-pay.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { estimateProgram, type ProgramInput } from '../../core/program-estimate.js';
import { formatMoney } from '../../core/format.js';
import type { Locale } from '../../core/locale.js';
import { coverageMessages } from './coverage-explainer.messages.js';
import { extrasMessages } from './coverage-extras.messages.js';

/** "Estimate: You pay about $X. Your plan pays about $Y." */
export function pays(e: { memberPaysCents: number; planPaysCents: number }, locale: Locale): TemplateResult {
  const t = coverageMessages[locale];
  return html`<p>
    <strong>${t.estimate}:</strong> ${t.youPay(formatMoney(e.memberPaysCents, locale))}
    ${t.planPays(formatMoney(e.planPaysCents, locale))}
  </p>`;
}

/**
 * The program estimate: the total, the day the deductible is met and the day the out-of-pocket maximum stops
 * further cost, and each week as a bar chart (decorative: the week-by-week table behind it, one tap away,
 * carries the same figures).
 * Nothing for days a week or weeks out of range (from attributes).
 */
export function renderProgram(input: ProgramInput, locale: Locale): TemplateResult | typeof nothing {
  let p;
  try {
    p = estimateProgram(input);
  } catch {
    return nothing;
  }
  const t = extrasMessages[locale];
  const { daysPerWeek: days, weeks } = input;
  const max = Math.max(...p.weekCents) || 1;
  // One bar a week in a 10-unit slot, 40 units tall; a week with any cost shows at least one unit.
  const bars = p.weekCents
    .map((c, i) => {
      const h = c && Math.max(1, Math.round((c / max) * 40));
      return `M${i * 10 + 1} 40v-${h}h8v${h}z`;
    })
    .join('');
  const week = (day: number) => Math.ceil(day / days);
  return html`<section part="program" aria-labelledby="prg">
    <h4 id="prg">${t.program(days, weeks)}</h4>
    ${pays(p, locale)}
    ${p.deductibleMetDay ? html`<p>${t.dedMet(p.deductibleMetDay, week(p.deductibleMetDay))}</p>` : nothing}
    ${p.capDay ? html`<p>${t.capMet(p.capDay, week(p.capDay))}</p>` : nothing}
    <svg aria-hidden="true" viewBox="0 0 ${weeks * 10} 40" preserveAspectRatio="none">
      <path d=${bars} />
    </svg>
    <details part="weeks">
      <summary>${t.weekByWeek}</summary>
      <table aria-labelledby="prg">
        <thead>
          <tr>
            <th scope="col">${t.week}</th>
            <th scope="col">${coverageMessages[locale].estimate}</th>
          </tr>
        </thead>
        <tbody>
          ${p.weekCents.map(
            (c, i) =>
              html`<tr>
                <th scope="row">${i + 1}</th>
                <td>${formatMoney(c, locale)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
    <p class="muted">${coverageMessages[locale].inNetworkOnly}</p>
  </section>`;
}

/** The Good Faith Estimate for a person without coverage or not using it (DOMAIN.md, No Surprises Act). */
export function renderSelfPay(locale: Locale): TemplateResult {
  const [title, ...lines] = extrasMessages[locale].gfe;
  return html`<section part="self-pay" aria-labelledby="gfe">
    <h3 id="gfe">${title}</h3>
    ${lines.map((line) => html`<p>${line}</p>`)}
  </section>`;
}

import type { Catalog } from '../../core/locale.js';

/** The explainer's lazily loaded part (coverage-extras.ts): the program estimate and the Good Faith Estimate. */
export interface ExtrasMessages {
  /** The program estimate's heading, e.g. "3 days a week for 8 weeks". */
  program: (days: number, weeks: number) => string;
  dedMet: (day: number, week: number) => string;
  capMet: (day: number, week: number) => string;
  week: string;
  /** Opens the table of what each week costs. */
  weekByWeek: string;
  /** The Good Faith Estimate (No Surprises Act), from DOMAIN.md's facts only. */
  gfe: [title: string, right: string, timing: string, months: string, dispute: string, ask: string];
}

export const extrasMessages: Catalog<ExtrasMessages> = {
  en: {
    program: (d, w) => `Your program: ${d} days a week for ${w} weeks`,
    dedMet: (d, w) => `Deductible met on program day ${d} (week ${w}).`,
    capMet: (d, w) =>
      `Out-of-pocket maximum reached on program day ${d} (week ${w}): after that, you pay nothing more this plan year.`,
    week: 'Week',
    weekByWeek: 'Week by week',
    gfe: [
      'Paying for yourself? You have the right to a Good Faith Estimate',
      'Without insurance, or not using it, you have the right to an estimate of your costs before care (No Surprises Act).',
      'You get it within 1 business day when you book 3 or more business days ahead, and within 3 business days when you book 10 or more days ahead or ask for one.',
      'For care that repeats, like this program, it may cover up to 12 months.',
      'A bill $400 or more above it can be disputed within 120 days.',
      'Ask the clinic for one.',
    ],
  },
  es: {
    program: (d, w) => `Tu programa: ${d} días a la semana por ${w} semanas`,
    dedMet: (d, w) => `Deducible cubierto el día ${d} del programa (semana ${w}).`,
    capMet: (d, w) =>
      `Máximo de gastos de bolsillo alcanzado el día ${d} del programa (semana ${w}): después, no pagas nada más este año del plan.`,
    week: 'Semana',
    weekByWeek: 'Semana por semana',
    gfe: [
      '¿Pagas por tu cuenta? Tienes derecho a un Estimado de Buena Fe',
      'Sin seguro, o sin usarlo, tienes derecho a un estimado de tus costos antes de la atención (Ley No Surprises).',
      'Lo recibes en 1 día hábil si reservas con 3 o más días hábiles de anticipación, y en 3 días hábiles si reservas con 10 o más días de anticipación o lo pides.',
      'Para atención que se repite, como este programa, puede cubrir hasta 12 meses.',
      'Una factura de $400 o más por encima del estimado se puede disputar en un plazo de 120 días.',
      'Pídele uno a la clínica.',
    ],
  },
};

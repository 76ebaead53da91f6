import type { Catalog } from '../../core/locale.js';

/** The glossary terms, in the order the widget uses them. */
export type Term = 'ded' | 'copay' | 'coins' | 'oop' | 'allowed' | 'auth' | 'in' | 'out';

export interface CoverageMessages {
  /** Each term: [the word as shown, its plain-language definition]. */
  terms: Record<Term, [string, string]>;
  plan: (type: string, id: string, date: string) => string;
  meter: (met: string, total: string, left: string) => string;
  none: string;
  loading: string;
  services: string;
  yes: string;
  no: string;
  visits: string;
  perYear: (n: number) => string;
  noServices: string;
  badExample: string;
  estimator: string;
  allowedHelp: string;
  service: string;
  amount: string;
  amountError: string;
  estimate: string;
  youPay: (amount: string) => string;
  planPays: (amount: string) => string;
  /** The last part of an estimate's breakdown (the first three are glossary words). */
  capSaved: string;
  inNetworkOnly: string;
  parity: string;
  specialist: string;
  /** Around the glossary word "allowed amount": the clinic's usual amount, and that a typed one replaces it. */
  typical: (amount: string) => [string, string];
  /** The program estimate's heading, e.g. "3 days a week for 8 weeks". */
  program: (days: number, weeks: number) => string;
  dedMet: (day: number, week: number) => string;
  capMet: (day: number, week: number) => string;
  week: string;
  /** The self-pay control, the message when no plan is on file, and the Good Faith Estimate. */
  selfPay: string;
  noPlan: string;
  gfe: [title: string, right: string, timing: string, months: string, dispute: string, ask: string];
}

export const coverageMessages: Catalog<CoverageMessages> = {
  en: {
    terms: {
      ded: ['Deductible', 'What you pay each year for care before your plan starts to pay.'],
      copay: ['Copay', 'A set amount you pay for a visit, like $30.'],
      coins: ['Coinsurance', 'Your share of the cost, as a percent. With 20%, you pay $20 of every $100.'],
      oop: [
        'Out-of-pocket maximum',
        'The most you pay in a year for in-network care. After that, your plan pays it all.',
      ],
      allowed: ['allowed amount', 'The price your plan agreed to for a service.'],
      auth: ['Prior authorization', 'Your plan must say yes before you get this care, or it may not pay.'],
      in: ['In-network', 'Providers who have a contract with your plan. You pay less.'],
      out: ['Out-of-network', 'Providers with no contract with your plan. You pay more.'],
    },
    plan: (type, id, date) => `${type} plan · Member ID ${id} · As of ${date}`,
    meter: (met, total, left) => `${met} of ${total} met, ${left} left`,
    none: 'None',
    loading: 'Loading your plan…',
    services: 'What your plan covers',
    yes: 'Yes',
    no: 'No',
    visits: 'Visit limit',
    perYear: (n) => `${n} a year`,
    noServices: 'No services listed yet.',
    badExample: 'The example plan is not valid',
    estimator: 'What would I pay?',
    allowedHelp: 'Ask your provider for the',
    service: 'Service',
    amount: 'Allowed amount in dollars (like 250.00)',
    amountError: 'Enter an amount in dollars.',
    estimate: 'Estimate',
    youPay: (a) => `You pay about ${a}.`,
    planPays: (a) => `Your plan pays about ${a}.`,
    capSaved: 'Saved by your out-of-pocket max',
    inNetworkOnly: 'In-network care. Your bill may differ.',
    parity:
      'By law (parity), your plan may not limit mental health and substance use care more than medical care.',
    specialist: 'Questions? Ask a benefits specialist',
    typical: (a) => ["The clinic's usual", `is ${a}. You can type a different one.`],
    program: (d, w) => `Your program: ${d} days a week for ${w} weeks`,
    dedMet: (d, w) => `Deductible met on program day ${d} (week ${w}).`,
    capMet: (d, w) =>
      `Out-of-pocket maximum reached on program day ${d} (week ${w}): after that, you pay nothing more this plan year.`,
    week: 'Week',
    selfPay: 'I will not use my insurance (self-pay)',
    noPlan: 'There is no insurance plan on file for you.',
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
    terms: {
      ded: ['Deducible', 'Lo que pagas cada año por tu atención antes de que tu plan empiece a pagar.'],
      copay: ['Copago', 'Una cantidad fija que pagas por una visita, como $30.'],
      coins: ['Coseguro', 'Tu parte del costo, en porcentaje. Con 20 %, pagas $20 de cada $100.'],
      oop: [
        'Máximo de gastos de bolsillo',
        'Lo máximo que pagas en un año por atención dentro de la red. Después, tu plan paga todo.',
      ],
      allowed: ['monto permitido', 'El precio que tu plan acordó para un servicio.'],
      auth: ['Autorización previa', 'Tu plan debe aprobar esta atención antes, o puede no pagarla.'],
      in: ['Dentro de la red', 'Proveedores que tienen contrato con tu plan. Pagas menos.'],
      out: ['Fuera de la red', 'Proveedores sin contrato con tu plan. Pagas más.'],
    },
    plan: (type, id, date) => `Plan ${type} · N.º de miembro ${id} · Al ${date}`,
    meter: (met, total, left) => `${met} de ${total} pagado, faltan ${left}`,
    none: 'Ninguno',
    loading: 'Cargando tu plan…',
    services: 'Lo que cubre tu plan',
    yes: 'Sí',
    no: 'No',
    visits: 'Límite de visitas',
    perYear: (n) => `${n} al año`,
    noServices: 'Aún no hay servicios.',
    badExample: 'El plan de ejemplo no es válido',
    estimator: '¿Cuánto pagaría?',
    allowedHelp: 'Pide a tu proveedor el',
    service: 'Servicio',
    amount: 'Monto permitido en dólares (como 250.00)',
    amountError: 'Escribe una cantidad en dólares.',
    estimate: 'Estimado',
    youPay: (a) => `Pagas alrededor de ${a}.`,
    planPays: (a) => `Tu plan paga alrededor de ${a}.`,
    capSaved: 'Ahorro por tu máximo',
    inNetworkOnly: 'Atención dentro de la red. Tu factura puede variar.',
    parity:
      'Por ley (paridad), tu plan no puede limitar la atención de salud mental y uso de sustancias más que la atención médica.',
    specialist: '¿Preguntas? Habla con un especialista en beneficios',
    typical: (a) => ['El', `habitual de la clínica es ${a}. Puedes escribir otro.`],
    program: (d, w) => `Tu programa: ${d} días a la semana por ${w} semanas`,
    dedMet: (d, w) => `Deducible cubierto el día ${d} del programa (semana ${w}).`,
    capMet: (d, w) =>
      `Máximo de gastos de bolsillo alcanzado el día ${d} del programa (semana ${w}): después, no pagas nada más este año del plan.`,
    week: 'Semana',
    selfPay: 'No usaré mi seguro (pago por mi cuenta)',
    noPlan: 'No tenemos un plan de seguro registrado para ti.',
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

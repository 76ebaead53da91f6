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
  /** The closed list of every service's benefits, under the one picked. */
  allServices: (count: number) => string;
  /** Opens the amount field when the clinic's usual amount is known. */
  otherAmount: string;
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
  /** The self-pay control, and the message when no plan is on file. */
  selfPay: string;
  noPlan: string;
  /** Around the glossary word "allowed amount": the clinic's usual amount, and that a typed one replaces it. */
  typical: (amount: string) => [string, string];
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
    allServices: (n) => `Every service your plan covers (${n})`,
    otherAmount: 'Use a different amount',
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
    typical: (a) => ["The clinic's usual", ` is ${a}. You can type a different one.`],
    selfPay: 'I will not use my insurance (self-pay)',
    noPlan: 'There is no insurance plan on file for you.',
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
    allServices: (n) => `Todos los servicios que cubre tu plan (${n})`,
    otherAmount: 'Usar otro monto',
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
    typical: (a) => ['El', ` habitual de la clínica es ${a}. Puedes escribir otro.`],
    selfPay: 'No usaré mi seguro (pago por mi cuenta)',
    noPlan: 'No tenemos un plan de seguro registrado para ti.',
  },
};

// Component-tagged structured logging (pino) to stderr, with personal data redacted: known PII
// fields are censored and any e-mail address or phone number inside a message is masked.
import pino from 'pino';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s-]{7,}\d/g;

/** Masks e-mail addresses and phone numbers in free text. */
export function maskPii(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

const root = pino(
  {
    level: process.env.LOG_LEVEL ?? 'warn',
    redact: { paths: ['email', 'phone', '*.email', '*.phone', 'customer.email', 'customer.phone'], censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? maskPii(arg) : arg));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
  },
  pino.destination(2),
);

export type Logger = pino.Logger;

/** A logger whose lines carry `component`, e.g. `createLogger('planner')`. */
export function createLogger(component: string): Logger {
  return root.child({ component });
}

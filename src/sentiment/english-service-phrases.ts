// A small customer-service layer on top of VADER: complaint and satisfaction phrases that carry
// sentiment in a support conversation although none of their words is emotional ("still hasn't
// arrived", "I want a refund", "third time I'm asking"). Weights are on VADER's valence scale.

export interface ServicePhrase {
  /** What the phrase signals, for tests and explanations. */
  name: string;
  pattern: RegExp;
  /** Valence added to VADER's sum, on its -4..4 word scale. */
  valence: number;
}

/** A negation, with or without the apostrophe people often leave out. */
const NOT = String.raw`(?:not|never|no longer|cannot|(?:has|have|had|did|does|do|is|was|are|were|wo|would|could|ca|should)n'?t)`;

/**
 * Checked in order; a span a phrase matched is not matched again, so the negated forms come
 * before the plain ones ("won't buy again" before "buy again").
 */
export const SERVICE_PHRASES: readonly ServicePhrase[] = [
  {
    name: 'will not buy again',
    pattern: new RegExp(String.raw`\b${NOT}\b[^.!?]{0,20}\b(?:buy|order|shop|purchase)\b[^.!?]{0,20}\bagain\b`, 'g'),
    valence: -2,
  },
  {
    name: 'not resolved',
    pattern: new RegExp(String.raw`\b(?:still|${NOT}|not yet)\s+(?:been\s+|yet\s+)?(?:solved|resolved|fixed|sorted)\b`, 'g'),
    valence: -1.5,
  },
  {
    name: 'not arrived',
    pattern: new RegExp(
      String.raw`\b(?:${NOT}|not yet|yet to)\b[^.!?]{0,15}\b(?:arrived?|come|came|received?|shipped|ship|delivered|show(?:ed)? up|turned up)\b`,
      'g',
    ),
    valence: -1.8,
  },
  { name: 'still waiting', pattern: /\bstill (?:waiting|no sign|nothing)\b/g, valence: -1.5 },
  {
    name: 'not working',
    pattern: new RegExp(String.raw`\b(?:${NOT}|stopped|quit|stops|barely)\s+(?:even\s+)?(?:work(?:s|ing|ed)?|function(?:s|ing)?|turn(?:s)? on|charging)\b`, 'g'),
    valence: -1.5,
  },
  {
    name: 'refund request',
    pattern: /\b(?:want|need|demand|request(?:ing)?|asking for|ask for|give me|issue me|get)\b[^.!?]{0,20}\b(?:refund|money back)\b|\brefund me\b/g,
    valence: -1.5,
  },
  { name: 'returned it', pattern: /\b(?:returned|returning|sent (?:it|them) back|send(?:ing)? (?:it|them) back)\b/g, valence: -1.2 },
  {
    name: 'asked repeatedly',
    pattern:
      /\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th) time\b|\bhow many (?:more )?times\b|\b(?:asked|called|emailed|contacted|written|wrote|messaged)\b[^.!?]{0,20}\b(?:twice|three times|several times|multiple times|many times|again and again)\b/g,
    valence: -1.5,
  },
  {
    name: 'no response',
    pattern:
      /\b(?:no ?(?:one|body) (?:has )?(?:replied|responded|answered|got back|gotten back|called back)|no (?:reply|response|answer) (?:yet|at all|from)|never (?:heard back|got back|replied|responded|called back))\b/g,
    valence: -1.5,
  },
  { name: 'charged twice', pattern: /\b(?:charged (?:me )?twice|double[- ]charged|overcharged)\b/g, valence: -1.8 },
  { name: 'stop contacting', pattern: /\b(?:unsubscribe|stop (?:sending|emailing|texting|calling|messaging))\b/g, valence: -1.2 },
  { name: 'resolved', pattern: /\b(?:problem|issue|it|that)(?:'s| is| was| has been| got| is now)? (?:solved|resolved|fixed|sorted(?: out)?)\b/g, valence: 2 },
  { name: 'buy again', pattern: /\b(?:buy|order|shop|purchase)(?:d|ed)?\b[^.!?]{0,15}\bagain\b/g, valence: 1.5 },
  { name: 'fast delivery', pattern: /\b(?:arrived|came|delivered|shipped) (?:early|quickly|fast|on time|ahead of schedule)\b|\b(?:fast|quick|speedy|prompt) (?:delivery|shipping|response|reply|service)\b/g, valence: 1.2 },
];

export interface ServicePhraseMatch {
  name: string;
  valence: number;
}

/** The service phrases found in `text`, each span counted once. */
export function findServicePhrases(text: string, phrases: readonly ServicePhrase[] = SERVICE_PHRASES): ServicePhraseMatch[] {
  let remaining = text.toLowerCase().replace(/[’`]/g, "'");
  const matches: ServicePhraseMatch[] = [];
  for (const phrase of phrases) {
    remaining = remaining.replace(phrase.pattern, (span) => {
      matches.push({ name: phrase.name, valence: phrase.valence });
      return ' '.repeat(span.length);
    });
  }
  return matches;
}

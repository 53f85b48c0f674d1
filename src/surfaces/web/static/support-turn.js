// One entry of the support conversation: the customer's message, or the bot's reply with, for the
// support team, the turn's sentiment, tone, offer and hand-over (summary included); on the
// customers' help page, only the reply and whether a person takes over.
import { formatNumber, language, t } from './i18n.js';

/** Two decimals, signed when asked (sentiment score and confidence). */
function decimals(value, { signed = false } = {}) {
  return new Intl.NumberFormat(language() === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
}

const text = (tag, className, content) => Object.assign(document.createElement(tag), { className, textContent: content });

/** Renders an entry: { kind: 'customer' | 'bot' | 'greeting' | 'typing', text?, reply?, error? }. */
function supportEntry(entry) {
  const words = t();
  const li = document.createElement('li');
  li.className = `entry ${entry.kind === 'customer' ? 'entry-user' : 'entry-agent'} support-${entry.kind}`;
  li.append(text('p', 'who', entry.kind === 'customer' ? words.you : words.bot));
  if (entry.kind === 'customer') li.append(text('p', 'streamed', entry.text));
  else if (entry.kind === 'greeting') li.append(text('p', 'streamed', words.greeting));
  else if (entry.kind === 'typing') li.append(text('p', 'muted', words.typing));
  if (entry.reply) {
    li.append(text('p', 'streamed reply', entry.reply.reply));
    if (entry.reply.escalation || entry.reply.handedOver) li.append(text('p', 'handed-over', words.handedOver));
    // The support team's reply carries the turn's decisions; a customer's (the help page) does not.
    if (entry.reply.tone) {
      li.dataset.turn = String(entry.reply.turn);
      li.dataset.register = entry.reply.tone.register;
      li.append(turnDetails(entry.reply));
    }
  }
  if (entry.error) li.append(Object.assign(text('p', 'error', `${words.error}: ${entry.error}`), { role: 'alert' }));
  return li;
}

/** Shows an entry in the conversation log, in place of its earlier rendering. */
export function showSupportEntry(log, entry) {
  const node = supportEntry(entry);
  if (entry.node?.isConnected) entry.node.replaceWith(node);
  else log.append(node);
  entry.node = node;
  node.scrollIntoView({ block: 'nearest' });
}

/** Renders the greeting and every entry afresh (after a reload or a language switch). */
export function showSupportLog(log, entries) {
  log.replaceChildren();
  for (const entry of [{ kind: 'greeting' }, ...entries]) {
    entry.node = null;
    showSupportEntry(log, entry);
  }
}

/**
 * One customer turn on a support page: shows the message and a typing entry, waits for `ask(text)`
 * (the bot's reply from the page's API), then shows the reply or the error. `state` holds the
 * page's `entries` and `busy`; `setBusy` reflects it on the page, `onError` reacts to a failed
 * request, and `after` runs last (keeping the conversation, the focus).
 */
export async function exchangeSupportTurn({ state, log, text, ask, setBusy, onError = () => undefined, after = () => undefined }) {
  if (state.busy) return;
  setBusy(true);
  const customer = { kind: 'customer', text };
  const bot = { kind: 'typing' };
  state.entries.push(customer, bot);
  showSupportEntry(log, customer);
  showSupportEntry(log, bot);
  try {
    bot.reply = await ask(text);
  } catch (error) {
    bot.error = error.message;
    onError(error);
  } finally {
    bot.kind = 'bot';
    showSupportEntry(log, bot);
    setBusy(false);
    after();
  }
}

/** The decisions behind one reply, shown when the page's details switch is on. */
function turnDetails(reply) {
  const words = t();
  const box = document.createElement('div');
  box.className = 'turn-details';
  box.setAttribute('aria-label', words.details);
  const rows = document.createElement('dl');
  const add = (term, value, key) => {
    const row = document.createElement('div');
    row.dataset.detail = key;
    row.append(text('dt', '', term), text('dd', '', value));
    rows.append(row);
  };
  const { sentiment, tone, offer } = reply;
  add(words.sentiment, `${words.label[sentiment.label] ?? sentiment.label} (${decimals(sentiment.score, { signed: true })}; ${words.confidence} ${decimals(sentiment.confidence)})`, 'sentiment');
  add(words.tone, `${words.register[tone.register] ?? tone.register} · ${words.band[tone.band] ?? tone.band} · ${words.trend[tone.trend] ?? tone.trend}`, 'tone');
  add(words.offer, offer ? words.offerLine(formatNumber(offer.amount, 2), offer.currency, formatNumber(offer.percent, 1), offer.orderId) : words.noOffer, 'offer');
  add(words.verified, reply.verified ? words.yes : words.no, 'verified');
  add(words.replySource, words.source[reply.replySource] ?? reply.replySource, 'source');
  box.append(rows);
  if (reply.escalation) {
    const notice = document.createElement('div');
    notice.className = 'handover-notice';
    notice.setAttribute('role', 'note');
    notice.append(text('h3', '', `${words.handOver}: ${words.reason[reply.escalation.reason] ?? reply.escalation.reason}`), text('p', 'handover-summary', `${words.summary}: ${reply.escalation.summary}`));
    box.append(notice);
  }
  return box;
}

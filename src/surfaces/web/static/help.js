// The customers' help page: a conversation with the support bot without any sign-in, over
// /public/support (the server serves it only with PUBLIC_SUPPORT=on). The server opens the
// conversation and hands back its key, which every later message carries; both are kept in
// sessionStorage, so a reload keeps the conversation and closing the tab forgets it.
import { wireChatForms } from './chat-form.js';
import { addWords, applyWords, language, setLanguage, t } from './i18n.js';
import { exchangeSupportTurn, showSupportLog } from './support-turn.js';
import { SUPPORT_WORDS } from './support-words.js';

const CONVERSATION_KEY = 'campaign-agent.help';
const $ = (id) => document.getElementById(id);
const state = { conversationId: null, key: null, entries: [], busy: false };

class HelpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function post(path, body, key) {
  const response = await fetch(`/public/support${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-conversation-key': key } : {}) },
    body: JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const words = t();
    const message = response.status === 429 ? words.tooMany : response.status === 404 ? words.conversationGone : (payload.message ?? response.statusText);
    throw new HelpError(response.status, message);
  }
  return payload;
}

function save() {
  const entries = state.entries.filter((entry) => entry.kind === 'customer' || entry.reply).map(({ kind, text, reply }) => ({ kind, text, reply }));
  sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify({ conversationId: state.conversationId, key: state.key, entries }));
}

function restore() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) ?? 'null');
    if (saved && typeof saved.conversationId === 'string' && typeof saved.key === 'string' && Array.isArray(saved.entries)) return saved;
  } catch {
    // A damaged entry starts a new conversation.
  }
  return { conversationId: null, key: null, entries: [] };
}

const renderAll = () => showSupportLog($('log'), state.entries);

function newConversation() {
  Object.assign(state, { conversationId: null, key: null, entries: [] });
  sessionStorage.removeItem(CONVERSATION_KEY);
  renderAll();
}

/** The bot's reply to a message, opening the conversation (and keeping its key) with the first one. */
async function ask(text) {
  if (state.conversationId) return post(`/conversations/${encodeURIComponent(state.conversationId)}/messages`, { text }, state.key);
  const opened = await post('/conversations', { text });
  Object.assign(state, { conversationId: opened.conversationId, key: opened.key });
  return opened.reply;
}

function setBusy(busy) {
  state.busy = busy;
  $('send').disabled = busy;
}

function send(text) {
  return exchangeSupportTurn({
    state,
    log: $('log'),
    text,
    ask,
    setBusy,
    after: () => {
      save();
      $('message').focus();
    },
  });
}

wireChatForms({ start: () => undefined, send, isBusy: () => state.busy });
$('new-thread').addEventListener('click', () => {
  newConversation();
  $('message').focus();
});
$('switch-language').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  applyWords();
  renderAll();
});

addWords(SUPPORT_WORDS);
setLanguage(language(), { remember: false });
applyWords();
Object.assign(state, restore());
renderAll();
$('message').focus();

// The customer support page: the same token gate as the chat page (the token in localStorage is
// shared), a conversation with the support bot over /api/support, and a switch that shows each
// turn's sentiment, tone, offer and hand-over for the support team. The conversation is kept in
// sessionStorage, so a reload keeps it and closing the tab forgets it.
import { storedToken } from './api.js';
import { showTokenPanel, wireChatForms } from './chat-form.js';
import { addWords, applyWords, language, setLanguage, t } from './i18n.js';
import { supportApi, whoAmI } from './support-api.js';
import { exchangeSupportTurn, showSupportLog } from './support-turn.js';
import { SUPPORT_WORDS } from './support-words.js';

const CONVERSATION_KEY = 'campaign-agent.support';
const DETAILS_KEY = 'campaign-agent.support-details';
const $ = (id) => document.getElementById(id);
const state = { threadId: null, entries: [], busy: false };

function save() {
  const entries = state.entries.filter((entry) => entry.kind === 'customer' || entry.reply).map(({ kind, text, reply }) => ({ kind, text, reply }));
  sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify({ threadId: state.threadId, entries }));
}

function restore() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) ?? 'null');
    if (saved && typeof saved.threadId === 'string' && Array.isArray(saved.entries)) return saved;
  } catch {
    // A damaged entry starts a new conversation.
  }
  return { threadId: null, entries: [] };
}

const renderAll = () => showSupportLog($('log'), state.entries);

function setBusy(busy) {
  state.busy = busy;
  $('send').disabled = busy;
}

/** The bot's reply to a message, opening the conversation with the first one. */
async function ask(text) {
  if (state.threadId) return supportApi.send(state.threadId, text);
  const opened = await supportApi.open(text);
  state.threadId = opened.threadId;
  return opened.reply;
}

function send(text) {
  return exchangeSupportTurn({
    state,
    log: $('log'),
    text,
    ask,
    setBusy,
    onError: (error) => {
      if (error.status === 401) showTokenPanel(t().tokenInvalid);
    },
    after: () => {
      save();
      $('message').focus();
    },
  });
}


async function start() {
  let me;
  try {
    me = await whoAmI();
  } catch (error) {
    showTokenPanel(error.status === 401 ? t().tokenInvalid : error.message);
    return;
  }
  $('token-panel').hidden = true;
  $('workspace').hidden = false;
  $('change-token').hidden = false;
  $('who').dataset.name = me.name;
  showWho();
  const saved = restore();
  state.threadId = saved.threadId;
  state.entries = saved.entries;
  renderAll();
  $('message').focus();
}

function showWho() {
  const name = $('who').dataset.name;
  $('who').textContent = name ? `${t().signedInAs} ${name}` : '';
}

function showDetails(on) {
  $('show-details').checked = on;
  $('log').classList.toggle('show-details', on);
  localStorage.setItem(DETAILS_KEY, on ? '1' : '0');
}

wireChatForms({ start, send, isBusy: () => state.busy });

$('new-thread').addEventListener('click', () => {
  state.threadId = null;
  state.entries = [];
  sessionStorage.removeItem(CONVERSATION_KEY);
  renderAll();
  $('message').focus();
});

$('show-details').addEventListener('change', (event) => showDetails(event.target.checked));
$('change-token').addEventListener('click', () => showTokenPanel());
$('switch-language').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  applyWords();
  showWho();
  renderAll();
});

addWords(SUPPORT_WORDS);
setLanguage(language(), { remember: false });
applyWords();
showDetails(localStorage.getItem(DETAILS_KEY) === '1');
if (storedToken()) void start();
else showTokenPanel();

// The chat page: token gate, conversation with streamed progress and plan cards, decisions, the
// campaign list, and the language switch. The thread id is kept so a reload picks the plan up again.
import { api, followThread, storedToken } from './api.js';
import { armsChart } from './arms-chart.js';
import { renderCampaigns } from './campaigns.js';
import { showTokenPanel, wireChatForms } from './chat-form.js';
import { applyWords, language, setLanguage, t } from './i18n.js';
import { planCard } from './plan-card.js';

const THREAD_KEY = 'campaign-agent.thread';
const $ = (id) => document.getElementById(id);
const state = { me: null, threadId: localStorage.getItem(THREAD_KEY), busy: false, entries: [], refresher: null };

function setThread(threadId) {
  state.threadId = threadId;
  if (threadId) localStorage.setItem(THREAD_KEY, threadId);
  else localStorage.removeItem(THREAD_KEY);
}

function renderEntry(entry) {
  const words = t();
  const li = document.createElement('li');
  li.className = `entry entry-${entry.kind}`;
  const who = document.createElement('p');
  who.className = 'who';
  who.textContent = entry.kind === 'user' ? words.you : words.agent;
  li.append(who);
  if (entry.kind === 'user') {
    const text = document.createElement('p');
    text.textContent = entry.text;
    li.append(text);
    return li;
  }
  if (entry.running || entry.steps.length) li.append(stepList(entry));
  if (entry.text) li.append(Object.assign(document.createElement('p'), { className: 'streamed', textContent: entry.text }));
  if (entry.plan) {
    li.append(
      planCard(entry.plan, {
        awaiting: entry.awaiting,
        canApprove: state.me?.canApprove ?? false,
        onApprove: () => decide(entry, 'approve'),
        onReject: () => decide(entry, 'reject'),
        onEdit: (text) => send(text, 'edit'),
      }),
    );
  }
  const arms = armsChart(entry.arms);
  if (arms) li.append(arms);
  if (entry.error) li.append(Object.assign(document.createElement('p'), { className: 'error', textContent: `${words.error}: ${entry.error}`, role: 'alert' }));
  return li;
}

/** The planner's steps: live while it works, then folded away under a summary. */
function stepList(entry) {
  const words = t();
  const steps = document.createElement('ol');
  steps.className = 'steps';
  steps.setAttribute('aria-label', words.working);
  entry.steps.forEach((node, index) => {
    const step = document.createElement('li');
    step.textContent = `${entry.running && index === entry.steps.length - 1 ? '⏳' : '✓'} ${words.steps[node] ?? node}`;
    steps.append(step);
  });
  if (entry.running && entry.steps.length === 0) steps.append(Object.assign(document.createElement('li'), { textContent: words.working }));
  if (entry.running) return steps;
  const details = document.createElement('details');
  details.className = 'steps-done';
  const summary = document.createElement('summary');
  summary.textContent = words.stepsDone(entry.steps.length);
  details.append(summary, steps);
  return details;
}

function update(entry) {
  const node = renderEntry(entry);
  if (entry.node?.isConnected) entry.node.replaceWith(node);
  else $('log').append(node);
  entry.node = node;
  node.scrollIntoView({ block: 'nearest' });
}

function push(entry) {
  state.entries.push(entry);
  update(entry);
  return entry;
}

function renderAll() {
  $('log').replaceChildren();
  for (const entry of state.entries) {
    entry.node = null;
    update(entry);
  }
}

function setBusy(busy) {
  state.busy = busy;
  $('send').disabled = busy;
}

async function send(text, kind = 'message') {
  if (state.busy) return;
  setBusy(true);
  for (const entry of state.entries) if (entry.awaiting) { entry.awaiting = false; update(entry); }
  push({ kind: 'user', text });
  const agent = push({ kind: 'agent', steps: [], text: '', plan: null, running: true });
  try {
    if (!state.threadId) setThread((await api.createThread()).threadId);
    const accepted = kind === 'edit' ? await api.edit(state.threadId, text) : await api.send(state.threadId, text);
    await followThread(state.threadId, accepted.runId, (event) => {
      if (event.type === 'node_started' && agent.steps[agent.steps.length - 1] !== event.node) agent.steps.push(event.node);
      else if (event.type === 'token') agent.text += event.text;
      else if (event.type === 'plan') agent.plan = event.plan;
      else if (event.type === 'error') agent.error = event.message;
      else return;
      update(agent);
    });
    agent.awaiting = agent.plan?.status === 'needs_approval';
  } catch (error) {
    agent.error = error.message;
    if (error.status === 401) signOut(t().tokenInvalid);
  } finally {
    agent.running = false;
    update(agent);
    setBusy(false);
    void refreshCampaigns();
    $('message').focus();
  }
}

async function decide(entry, decision) {
  const plan = decision === 'approve' ? await api.approve(state.threadId) : await api.reject(state.threadId);
  entry.plan = plan;
  entry.awaiting = plan.status === 'needs_approval';
  update(entry);
  entry.node.querySelector('.plan-card')?.focus();
  await refreshCampaigns();
}

async function refreshCampaigns() {
  if (!state.me) return;
  try {
    const { campaigns } = await api.campaigns();
    renderCampaigns($('campaign-list'), campaigns, { onOpen: openCampaign });
  } catch (error) {
    if (error.status === 401) signOut(t().tokenInvalid);
  }
}

/** Shows a campaign's stored plan and its A/B arms in the conversation, read-only (decisions stay in its thread). */
async function openCampaign(campaign) {
  const entry = push({ kind: 'agent', steps: [], text: '', plan: null, running: false });
  try {
    const { plan, arms } = await api.campaign(campaign.id);
    entry.arms = arms;
    if (plan) entry.plan = plan;
    else entry.text = `${t().campaign} ${campaign.name}: ${t().noPlan}`;
  } catch (error) {
    entry.error = error.message;
    if (error.status === 401) signOut(t().tokenInvalid);
  }
  update(entry);
  entry.node.querySelector('.plan-card')?.focus();
}

function signOut(message = '') {
  state.me = null;
  clearInterval(state.refresher);
  showTokenPanel(message);
}

async function start() {
  try {
    state.me = await api.me();
  } catch (error) {
    signOut(error.status === 401 ? t().tokenInvalid : error.message);
    return;
  }
  $('token-panel').hidden = true;
  $('workspace').hidden = false;
  $('change-token').hidden = false;
  showWho();
  state.entries = [];
  $('log').replaceChildren();
  if (state.threadId) {
    try {
      const { plan, awaitingApproval } = await api.plan(state.threadId);
      push({ kind: 'agent', steps: [], text: '', plan, awaiting: awaitingApproval });
    } catch (error) {
      if (error.status === 404) setThread(null);
    }
  }
  await refreshCampaigns();
  clearInterval(state.refresher);
  state.refresher = setInterval(refreshCampaigns, 15_000);
  // The campaign list may arrive after the person has already moved on (focused Approve, say):
  // take the focus to the message box only when it is nowhere else.
  const active = document.activeElement;
  if (!active || active === document.body || active.closest('#token-panel')) $('message').focus();
}

function showWho() {
  const words = t();
  $('who').textContent = state.me ? `${words.signedInAs} ${state.me.name} (${words.role[state.me.role] ?? state.me.role})` : '';
}

wireChatForms({ start, send, isBusy: () => state.busy });

$('new-thread').addEventListener('click', () => {
  setThread(null);
  state.entries = [];
  $('log').replaceChildren();
  $('message').focus();
});

$('change-token').addEventListener('click', () => signOut());
$('refresh-campaigns').addEventListener('click', () => void refreshCampaigns());
$('switch-language').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  applyWords();
  showWho();
  renderAll();
  void refreshCampaigns();
});

setLanguage(language(), { remember: false });
applyWords();
if (storedToken()) void start();
else signOut();

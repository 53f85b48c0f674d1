// A plan as a card: status, the agent's words, audience, forecast chart with its reasons (drivers
// chart, past campaigns), forecast versus actual once the campaign has finished, schedule, copy per
// channel, guardrail verdicts with rule ids, and the decision buttons when the plan waits.
import { driversChart, pastCampaignList } from './drivers-chart.js';
import { forecastVersusActualChart } from './forecast-actual.js';
import { forecastChart } from './forecast-chart.js';
import { formatNumber, t } from './i18n.js';

function element(tag, { className, text, attributes = {} } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children.filter(Boolean));
  return node;
}

function section(title, ...children) {
  return element('section', { className: 'plan-section' }, [element('h3', { text: title }), ...children]);
}

function segmentSection(segment) {
  const words = t();
  const reachable = element('ul', { className: 'chips', attributes: { 'aria-label': words.reachable } });
  for (const [channel, count] of Object.entries(segment.reachable)) reachable.append(element('li', { text: `${channel} ${formatNumber(count)}` }));
  const parts = [
    element('p', { text: segment.description }),
    element('p', { className: 'muted', text: `${words.size}: ${formatNumber(segment.count)} · ${words.reachable}:` }),
    reachable,
  ];
  if (segment.assumptions?.length) parts.push(element('p', { className: 'muted small', text: `${words.assumptions}: ${segment.assumptions.join('; ')}` }));
  if (Array.isArray(segment.sample) && segment.sample.length) {
    const sample = element('ul', { className: 'sample small' });
    for (const row of segment.sample.slice(0, 5)) sample.append(element('li', { text: typeof row === 'string' ? row : Object.values(row).join(' · ') }));
    parts.push(element('p', { className: 'muted small', text: `${words.sample}:` }), sample);
  }
  return section(words.segment, ...parts);
}

function copySection(messages) {
  const words = t();
  const byChannel = new Map();
  for (const message of messages) byChannel.set(message.channel, [...(byChannel.get(message.channel) ?? []), message]);
  const groups = [...byChannel].map(([channel, variants]) =>
    element('div', { className: 'copy-channel' }, [
      element('h4', { text: channel }),
      ...variants.map((message) =>
        element('figure', { className: 'copy-variant' }, [
          element('figcaption', { text: `${message.variant}${message.title ? ` — ${message.title}` : ''}` }),
          element('p', { text: message.text }),
        ]),
      ),
    ]),
  );
  return section(words.copy, ...groups);
}

function guardrailSection(verdicts) {
  const words = t();
  const list = element('ul', { className: 'verdicts' });
  for (const verdict of verdicts) {
    list.append(
      element('li', { className: `verdict verdict-${verdict.status}` }, [
        element('span', { className: 'verdict-status', text: words.verdict[verdict.status] ?? verdict.status }),
        element('code', { text: verdict.rule }),
        element('span', { text: verdict.detail }),
      ]),
    );
  }
  return section(words.guardrails, list);
}

function pastCampaignsBlock(pastCampaigns) {
  const list = pastCampaignList(pastCampaigns);
  return list ? element('div', { className: 'past-campaigns-block' }, [element('h4', { text: t().pastCampaigns }), list]) : null;
}

/**
 * Renders the plan. `actions` = { canApprove, awaiting, onApprove, onReject, onEdit(text) }.
 */
export function planCard(plan, actions) {
  const words = t();
  const card = element('article', { className: `plan-card status-${plan.status}`, attributes: { 'data-status': plan.status, 'aria-label': words.status[plan.status], tabindex: '-1' } });
  card.append(element('p', { className: 'badge', text: words.status[plan.status] ?? plan.status }));
  const said = plan.status === 'needs_clarification' ? plan.question ?? plan.summary : plan.summary;
  if (said) card.append(element('p', { className: 'summary', text: said }));
  if (plan.segment) card.append(segmentSection(plan.segment));
  if (plan.forecast && plan.forecast.reach === 0) {
    // Zeros with no spread would look like a confident forecast; say why there is none instead.
    card.append(section(words.forecast, element('p', { className: 'muted', text: words.nothingToForecast })));
  } else if (plan.forecast) {
    card.append(
      section(
        words.forecast,
        element('p', { className: 'muted small', text: `${words.reach}: ${formatNumber(plan.forecast.reach)}` }),
        forecastChart(plan.forecast),
      ),
    );
    const reasons = [driversChart(plan.forecast.drivers), pastCampaignsBlock(plan.forecast.pastCampaigns)].filter(Boolean);
    if (reasons.length) card.append(element('section', { className: 'plan-section reasons' }, [element('h3', { text: words.reasons }), ...reasons]));
  }
  if (plan.forecastVersusActual) {
    const currency = plan.forecast?.currency ?? '';
    card.append(element('section', { className: 'plan-section versus-actual' }, [element('h3', { text: words.versusActual }), forecastVersusActualChart(plan.forecastVersusActual, currency)]));
  }
  if (plan.schedule) card.append(section(words.schedule, element('p', { text: plan.schedule.summary })));
  if (plan.messages?.length) card.append(copySection(plan.messages));
  if (plan.guardrails?.length) card.append(guardrailSection(plan.guardrails));
  if (plan.approval?.decision) {
    const who = plan.approval.decision === 'approved' ? words.approvedBy : words.rejectedBy;
    card.append(element('p', { className: 'decision', text: `${who} ${plan.approval.decidedBy ?? ''}${plan.campaignId ? ` · ${words.campaign} ${plan.campaignId}` : ''}` }));
  }
  if (plan.status === 'needs_approval' && actions?.awaiting) card.append(decisionBar(actions));
  return card;
}

function decisionBar({ canApprove, onApprove, onReject, onEdit }) {
  const words = t();
  const bar = element('div', { className: 'actions' });
  const error = element('p', { className: 'error', attributes: { role: 'alert' } });
  const run = (button, work) => async () => {
    for (const control of bar.querySelectorAll('button')) control.disabled = true;
    error.textContent = '';
    try {
      await work();
    } catch (failure) {
      error.textContent = `${words.error}: ${failure.message}`;
      for (const control of bar.querySelectorAll('button')) control.disabled = false;
      button.focus();
    }
  };
  if (canApprove) {
    const approve = element('button', { className: 'primary', text: words.approve, attributes: { type: 'button' } });
    approve.addEventListener('click', run(approve, onApprove));
    bar.append(approve);
  }
  const reject = element('button', { className: 'danger', text: words.reject, attributes: { type: 'button' } });
  reject.addEventListener('click', run(reject, onReject));
  const edit = element('button', { text: words.edit, attributes: { type: 'button', 'aria-expanded': 'false' } });
  const form = editForm(onEdit, () => {
    form.hidden = true;
    edit.setAttribute('aria-expanded', 'false');
    edit.focus();
  });
  edit.addEventListener('click', () => {
    form.hidden = !form.hidden;
    edit.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('textarea').focus();
  });
  bar.append(reject, edit);
  const wrapper = element('div', { className: 'decision-area' }, [bar, form, error]);
  if (!canApprove) wrapper.prepend(element('p', { className: 'muted small', text: words.approvalNote }));
  return wrapper;
}

let formCount = 0;

function editForm(onEdit, close) {
  const words = t();
  const id = `edit-${++formCount}`;
  const text = element('textarea', { attributes: { id, rows: '2', required: '' } });
  const submit = element('button', { className: 'primary', text: words.sendChange, attributes: { type: 'submit' } });
  const cancel = element('button', { text: words.cancel, attributes: { type: 'button' } });
  cancel.addEventListener('click', close);
  const form = element('form', { className: 'edit-form' }, [element('label', { text: words.editLabel, attributes: { for: id } }), text, element('div', { className: 'row' }, [submit, cancel])]);
  form.hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (text.value.trim()) onEdit(text.value.trim());
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  return form;
}

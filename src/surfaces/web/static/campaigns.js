// The campaign list: each campaign with its status and send progress (sent, queued, failed), and a
// button that shows its plan (with forecast versus actual once the campaign has finished).
import { formatNumber, t } from './i18n.js';

function item(campaign, onOpen) {
  const words = t();
  const { queued, sent, failed, suppressed, cancelled } = campaign.sends;
  const total = queued + sent + failed + suppressed + cancelled;
  const done = sent + failed + suppressed + cancelled;
  const li = document.createElement('li');
  li.className = `campaign status-${campaign.status}`;
  li.dataset.campaignId = campaign.id;
  li.dataset.status = campaign.status;
  const name = document.createElement('p');
  name.className = 'campaign-name';
  name.textContent = campaign.name;
  const status = document.createElement('p');
  status.className = 'badge';
  status.textContent = words.status[campaign.status] ?? campaign.status;
  const progress = document.createElement('progress');
  progress.max = Math.max(total, 1);
  progress.value = done;
  progress.setAttribute('aria-label', `${campaign.name}: ${formatNumber(done)} / ${formatNumber(total)} ${words.sends}`);
  const counts = document.createElement('p');
  counts.className = 'muted small';
  counts.textContent = `${formatNumber(sent)} ${words.sent} · ${formatNumber(queued)} ${words.queued} · ${formatNumber(failed)} ${words.failed}`;
  li.append(name, status, progress, counts);
  if (onOpen) {
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'open-plan small';
    open.textContent = campaign.outcomeRecorded ? words.showVersusActual : words.showPlan;
    open.setAttribute('aria-label', `${open.textContent}: ${campaign.name}`);
    open.addEventListener('click', () => onOpen(campaign));
    li.append(open);
  }
  return li;
}

/** `onOpen(campaign)`, when given, is called by each campaign's "show plan" button. */
export function renderCampaigns(list, campaigns, { onOpen } = {}) {
  list.replaceChildren();
  if (campaigns.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'muted';
    empty.textContent = t().noCampaigns;
    list.append(empty);
    return;
  }
  for (const campaign of campaigns) list.append(item(campaign, onOpen));
}

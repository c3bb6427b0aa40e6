// The operator console: reconciliation exceptions to resolve, settlement runs, channel health and merchant onboarding.
import { api, ApiProblem, newIdempotencyKey, query, signIn } from './api.js';
import { el, field, show, status, table } from './dom.js';
import { failure, startConsole } from './router.js';
import { isoDay, money, time } from './format.js';

async function reconciliationView(params) {
  const state = params.get('status') || 'open';
  const after = params.get('starting_after') || '';
  const list = await api(`ops/reconciliation/exceptions${query({ status: state, limit: 50, starting_after: after })}`);
  const message = el('p', { role: 'status', id: 'resolve-result' });
  const resolve = row => {
    const note = el('input', { name: 'note', autocomplete: 'off', maxlength: 500, placeholder: 'How it was settled', 'aria-label': `Note for ${row.id}` });
    const form = el('form', { class: 'row' }, note, el('button', { type: 'submit' }, 'Resolve'));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!note.value.trim()) {
        message.className = 'error';
        message.textContent = 'Say how the difference was settled.';
        return;
      }
      try {
        await api(`ops/reconciliation/exceptions/${row.id}/resolve`, { method: 'POST', body: { note: note.value.trim() }, idempotencyKey: newIdempotencyKey() });
        await reconciliationView(params);
      } catch (problem) {
        message.className = 'error';
        message.textContent = failure(problem);
      }
    });
    return form;
  };
  const side = s => s ? `${money(s.amount, s.currency)}${s.fee !== undefined ? ` (fee ${money(s.fee, s.currency)})` : ''}` : '—';
  const more = new URLSearchParams(params);
  if (list.has_more && list.data.length > 0) more.set('starting_after', list.data[list.data.length - 1].id);
  show(
    el('h1', {}, 'Reconciliation'),
    el('div', { class: 'row' },
      el('a', { class: state === 'open' ? 'button' : 'button secondary', href: '#/reconciliation?status=open' }, 'Open'),
      el('a', { class: state === 'resolved' ? 'button' : 'button secondary', href: '#/reconciliation?status=resolved' }, 'Resolved')),
    message,
    el('section', { class: 'card', 'aria-label': 'Exceptions' },
      list.data.length === 0 ? el('p', {}, `No ${state} exceptions.`) : table([
        { label: 'Day', cell: r => r.day },
        { label: 'Channel account', cell: r => `${r.channel}/${r.account}` },
        { label: 'Class', cell: r => r.class.replaceAll('_', ' ') },
        { label: 'Reference', cell: r => el('span', { class: 'mono' }, r.reference) },
        { label: 'Statement', cell: r => side(r.statement) },
        { label: 'Platform', cell: r => side(r.platform) },
        { label: 'Status', cell: r => status(r.status) },
        { label: 'Resolve', cell: r => r.status === 'open' ? resolve(r) : '' },
      ], list.data),
      list.has_more ? el('div', { class: 'row' }, el('a', { class: 'button secondary', href: `#/reconciliation?${more}` }, 'Next page')) : null));
}

function settlementsView() {
  const yesterday = new Date();
  yesterday.setDate(yesterday.getDate() - 1);
  const day = el('input', { type: 'date', name: 'date', value: isoDay(yesterday), required: true });
  const result = el('div', { role: 'status', id: 'settlement-result' });
  const form = el('form', { class: 'card' }, el('h2', {}, 'Run a settlement batch'),
    el('p', { class: 'muted' }, 'Settles what was captured before the day\'s cut-off. Running a day again changes nothing twice.'),
    field('Day', day), el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Run')), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.replaceChildren(el('p', {}, 'Running…'));
    try {
      const run = await api(`ops/settlements${query({ date: day.value })}`, { method: 'POST', idempotencyKey: newIdempotencyKey() });
      result.replaceChildren(el('dl', { class: 'kv' },
        el('dt', {}, 'Day'), el('dd', {}, run.settlement_date), el('dt', {}, 'Status'), el('dd', {}, status(run.status)),
        el('dt', {}, 'Accounts'), el('dd', {}, run.accounts), el('dt', {}, 'Settlements recorded'), el('dd', {}, run.settlements_recorded),
        el('dt', {}, 'Failed'), el('dd', {}, run.failed.length === 0 ? 'none' : run.failed.map(f => `${f.account} ${f.currency}: ${f.error}`).join('; '))));
    } catch (problem) {
      result.replaceChildren(el('p', { class: 'error' }, failure(problem)));
    }
  });
  show(el('h1', {}, 'Settlements'), form);
}

async function channelsView() {
  const health = await api('v1/channels/health');
  show(
    el('h1', {}, 'Channel health'),
    el('section', { class: 'card', 'aria-label': 'Channel accounts' }, table([
      { label: 'Account', cell: a => `${a.channel}/${a.account}` },
      { label: 'Status', cell: a => status(a.status) },
      { label: 'Success', num: true, cell: a => `${(a.success_rate * 100).toFixed(1)}%` },
      { label: 'Samples', num: true, cell: a => a.samples },
      { label: 'p95', num: true, cell: a => a.latency_p95_ms === undefined ? '—' : `${a.latency_p95_ms} ms` },
      { label: 'Circuit', cell: a => a.circuit },
      { label: 'As of', cell: a => time(a.as_of) },
    ], health.data)));
}

function merchantsView() {
  const name = el('input', { name: 'name', autocomplete: 'off', required: true, maxlength: 100 });
  const webhook = el('input', { name: 'webhook_url', type: 'url', autocomplete: 'off' });
  const result = el('div', { role: 'status', id: 'merchant-result' });
  const form = el('form', { class: 'card' }, el('h2', {}, 'Onboard a merchant'),
    field('Name', name), field('Webhook URL (optional)', webhook), el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Create merchant')), result);
  let idempotencyKey = newIdempotencyKey();
  form.addEventListener('input', () => { idempotencyKey = newIdempotencyKey(); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const body = { name: name.value.trim() };
      if (webhook.value.trim()) body.webhook_url = webhook.value.trim();
      const merchant = await api('ops/merchants', { method: 'POST', body, idempotencyKey });
      result.replaceChildren(el('div', { class: 'secret' },
        el('p', {}, el('strong', {}, `Merchant ${merchant.id} created. Hand these over now; they are not shown again.`)),
        el('dl', { class: 'kv' },
          el('dt', {}, 'Live key'), el('dd', { class: 'mono' }, merchant.api_key ?? '(shown before)'),
          el('dt', {}, 'Test key'), el('dd', { class: 'mono' }, merchant.test_api_key ?? '(shown before)'),
          el('dt', {}, 'Webhook secret'), el('dd', { class: 'mono' }, merchant.webhook_secret ?? '(shown before)'))));
    } catch (problem) {
      result.replaceChildren(el('p', { class: 'error' }, failure(problem)));
    }
  });
  show(el('h1', {}, 'Merchants'), form);
}

const routes = [
  [/^#\/reconciliation(\?.*)?$/, match => reconciliationView(new URLSearchParams((match[1] || '').slice(1)))],
  [/^#\/settlements$/, () => settlementsView()],
  [/^#\/channels$/, () => channelsView()],
  [/^#\/merchants$/, () => merchantsView()],
];

function signInView(message, goHome) {
  const key = el('input', { type: 'password', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true });
  const error = el('p', { class: 'error', role: 'alert' }, message || '');
  const form = el('form', { class: 'card narrow', novalidate: true },
    el('h1', {}, 'Operator sign in'),
    el('p', { class: 'muted' }, 'Use your operator key. It is kept in this tab only.'),
    field('Operator key', key), error, el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Sign in')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api('v1/channels/health', { key: key.value.trim() });
    } catch (problem) {
      // A key without the channels scope is still an operator's key: only an unknown one is refused here.
      if (!(problem instanceof ApiProblem) || problem.status === 401) {
        error.textContent = failure(problem);
        return;
      }
    }
    signIn(key.value.trim());
    goHome();
  });
  show(form);
}

startConsole({ routes, home: '#/reconciliation', signInView });

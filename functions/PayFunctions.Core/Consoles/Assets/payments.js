// Payments: the filtered list, and one payment's page with its timeline and a refund form.
import { api, ApiProblem, newIdempotencyKey, query } from './api.js';
import { el, field, problemText, show, status, table } from './dom.js';
import { minorUnits, money, startOfDay, time } from './format.js';

const STATUSES = ['requires_action', 'processing', 'requires_capture', 'succeeded', 'failed', 'closed', 'expired'];

function nextDay(day) {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export async function paymentsView(params) {
  const filters = {
    merchant_order_id: params.get('merchant_order_id') || '',
    status: params.get('status') || '',
    method: params.get('method') || '',
    from: params.get('from') || '',
    to: params.get('to') || '',
  };
  const after = params.get('starting_after') || '';
  const list = await api(`v1/payments${query({
    limit: 20,
    starting_after: after,
    merchant_order_id: filters.merchant_order_id,
    status: filters.status,
    method: filters.method,
    'created[gte]': startOfDay(filters.from),
    'created[lt]': filters.to ? nextDay(filters.to) : '',
  })}`);

  const orderId = el('input', { name: 'merchant_order_id', value: filters.merchant_order_id, autocomplete: 'off' });
  const statusSelect = el('select', { name: 'status' }, el('option', { value: '' }, 'Any status'),
    STATUSES.map(s => el('option', { value: s, selected: s === filters.status }, s.replaceAll('_', ' '))));
  const method = el('input', { name: 'method', value: filters.method, autocomplete: 'off' });
  const from = el('input', { name: 'from', type: 'date', value: filters.from });
  const to = el('input', { name: 'to', type: 'date', value: filters.to });
  const form = el('form', { class: 'card', role: 'search' },
    el('div', { class: 'filters' },
      field('Merchant order id', orderId), field('Status', statusSelect), field('Method', method),
      field('Created from', from), field('Created to', to)),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Search'),
      el('a', { class: 'button secondary', href: '#/payments' }, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const input of [orderId, statusSelect, method, from, to]) {
      if (input.value.trim()) next.set(input.name, input.value.trim());
    }
    location.hash = `#/payments?${next}`;
  });

  const rows = list.data;
  const columns = [
    { label: 'Payment', cell: p => el('a', { href: `#/payments/${p.id}`, class: 'mono' }, p.id) },
    { label: 'Order', cell: p => p.merchant_order_id },
    { label: 'Amount', num: true, cell: p => money(p.amount, p.currency) },
    { label: 'Status', cell: p => status(p.status) },
    { label: 'Method', cell: p => p.method },
    { label: 'Created', cell: p => time(p.created_at) },
  ];
  const pager = el('div', { class: 'row' });
  if (after) {
    const first = new URLSearchParams(params);
    first.delete('starting_after');
    pager.append(el('a', { class: 'button secondary', href: `#/payments?${first}` }, 'First page'));
  }
  if (list.has_more && rows.length > 0) {
    const more = new URLSearchParams(params);
    more.set('starting_after', rows[rows.length - 1].id);
    pager.append(el('a', { class: 'button secondary', href: `#/payments?${more}` }, 'Next page'));
  }
  show(
    el('h1', {}, 'Payments'),
    form,
    el('section', { class: 'card', 'aria-label': 'Results' },
      rows.length === 0 ? el('p', { id: 'no-payments' }, 'No payments match.') : table(columns, rows),
      pager));
}

function describe(event) {
  switch (event.type) {
    case 'payment.created': return `${money(event.amount, event.currency)} by ${event.method}, order ${event.merchant_order_id}`;
    case 'routing.decided': return `${event.candidates.length} candidate account(s), objective ${event.objective}${event.rule ? `, rule ${event.rule}` : ''}`;
    case 'channel.attempt': return `${event.channel_account}: ${event.outcome}${event.reason ? ` (${event.reason})` : ''}`;
    case 'channel.notification': return `${event.channel} reported ${event.event_id} for trade ${event.channel_trade_no}`;
    case 'payment.paid': return `Paid at ${event.channel}, trade ${event.channel_trade_no ?? ''}`;
    case 'webhook.delivery': return `${event.event_type}: ${event.status}, ${event.attempts} attempt(s)${event.last_response_code ? `, last answer ${event.last_response_code}` : ''}`;
    case 'ledger.entry': return `${event.kind}: ${event.lines.map(l => `${l.side} ${l.account} ${money(l.amount, l.currency)}`).join('; ')}`;
    default:
      if (event.type.startsWith('refund.')) return `${event.refund} ${money(event.amount, event.currency)}${event.failure_message ? `: ${event.failure_message}` : ''}`;
      return event.failure_message || event.status || '';
  }
}

export async function paymentView(id, notice) {
  const [payment, timeline, refunds] = await Promise.all([
    api(`v1/payments/${id}`), api(`v1/payments/${id}/timeline`), api(`v1/payments/${id}/refunds?limit=100`)]);
  const refunded = refunds.data.filter(r => r.status !== 'failed').reduce((sum, r) => sum + r.amount, 0);
  const list = el('dl', { class: 'kv' });
  for (const [label, value] of [
    ['Amount', money(payment.amount, payment.currency)], ['Status', status(payment.status)], ['Order', payment.merchant_order_id],
    ['Method', payment.method], ['Channel', payment.channel || '—'], ['Created', time(payment.created_at)],
    ['Refunded', money(refunded, payment.currency)]]) {
    list.append(el('dt', {}, label), el('dd', {}, value));
  }

  const events = el('ol', { class: 'timeline', id: 'timeline' },
    timeline.data.map(event => el('li', { 'data-type': event.type },
      el('span', { class: 'type' }, event.type), ' ',
      el('time', { datetime: event.at, class: 'muted' }, time(event.at)),
      el('div', { class: 'detail' }, describe(event)))));

  show(
    el('p', {}, el('a', { href: '#/payments' }, '← Payments')),
    el('h1', {}, 'Payment ', el('span', { class: 'mono' }, payment.id)),
    notice ? el('p', { class: 'ok', role: 'status', id: 'notice' }, notice) : null,
    el('section', { class: 'card', 'aria-label': 'Details' }, list),
    payment.status === 'succeeded' && refunded < payment.amount ? refundForm(payment, payment.amount - refunded) : null,
    el('section', { class: 'card', 'aria-labelledby': 'timeline-heading' }, el('h2', { id: 'timeline-heading' }, 'Timeline'), events));
}

function refundForm(payment, refundable) {
  const amount = el('input', { name: 'amount', inputmode: 'decimal', autocomplete: 'off', value: money(refundable, payment.currency).replace(/[^\d.]/g, '') });
  const reason = el('input', { name: 'reason', autocomplete: 'off', maxlength: 200 });
  const message = el('p', { role: 'status' });
  const button = el('button', { type: 'submit', class: 'danger' }, 'Refund');
  // One key per form: a second click, or a retry after a network error, cannot refund twice.
  let idempotencyKey = newIdempotencyKey();
  const form = el('form', { class: 'card', 'aria-labelledby': 'refund-heading' },
    el('h2', { id: 'refund-heading' }, 'Refund'),
    el('p', { class: 'muted' }, `Up to ${money(refundable, payment.currency)} can be refunded.`),
    field(`Amount (${payment.currency.toUpperCase()})`, amount), field('Reason (optional)', reason), message,
    el('div', { class: 'row' }, button));
  // Another amount or reason is another request, and takes a key of its own.
  form.addEventListener('input', () => { idempotencyKey = newIdempotencyKey(); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const minor = minorUnits(amount.value, payment.currency);
    if (minor === null || minor < 1 || minor > refundable) {
      message.className = 'error';
      message.textContent = `Enter an amount up to ${money(refundable, payment.currency)}.`;
      return;
    }
    button.disabled = true;
    message.className = '';
    message.textContent = 'Refunding…';
    try {
      const body = { amount: minor };
      if (reason.value.trim()) body.reason = reason.value.trim();
      const refund = await api(`v1/payments/${payment.id}/refunds`, { method: 'POST', body, idempotencyKey });
      await paymentView(payment.id, `Refund ${refund.id}: ${refund.status}.`);
    } catch (problem) {
      button.disabled = false;
      message.className = 'error';
      message.textContent = problem instanceof ApiProblem ? problemText(problem.problem) : 'The API could not be reached; try again.';
    }
  });
  return form;
}

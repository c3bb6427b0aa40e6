// The webhook endpoint, a test event on demand, and the delivery log.
import { api, ApiProblem, newIdempotencyKey } from './api.js';
import { el, problemText, show, status, table } from './dom.js';
import { time } from './format.js';

export async function webhooksView(notice) {
  const [endpoints, deliveries] = await Promise.all([api('v1/webhook_endpoints'), api('v1/webhook_endpoints/deliveries?limit=50')]);
  const endpoint = endpoints.data[0];
  const message = el('p', { role: 'status', id: 'test-result' }, notice || '');
  const send = el('button', { type: 'button', disabled: !endpoint }, 'Send test event');
  send.addEventListener('click', async () => {
    send.disabled = true;
    try {
      const sent = await api('v1/webhook_endpoints/test', { method: 'POST', body: {}, idempotencyKey: newIdempotencyKey() });
      await webhooksView(`Test event ${sent.id}: ${sent.status}${sent.last_response_code ? `, the endpoint answered ${sent.last_response_code}` : ', no answer'}.`);
    } catch (problem) {
      send.disabled = false;
      message.className = 'error';
      message.textContent = problem instanceof ApiProblem ? problemText(problem.problem) : 'The API could not be reached.';
    }
  });
  show(
    el('h1', {}, 'Webhooks'),
    el('section', { class: 'card', 'aria-labelledby': 'endpoint-heading' },
      el('h2', { id: 'endpoint-heading' }, 'Endpoint'),
      endpoint ? el('p', { class: 'mono', id: 'endpoint-url' }, endpoint.url) : el('p', {}, 'No endpoint is set; the platform\'s operators set it.'),
      el('div', { class: 'row' }, send), message),
    el('section', { class: 'card', 'aria-labelledby': 'deliveries-heading' },
      el('h2', { id: 'deliveries-heading' }, 'Delivery log'),
      deliveries.data.length === 0 ? el('p', { class: 'muted' }, 'No events yet.') : table([
        { label: 'Event', cell: d => el('span', { class: 'mono' }, d.id) },
        { label: 'Type', cell: d => d.type },
        { label: 'About', cell: d => d.subject ? el('span', { class: 'mono' }, d.subject) : '—' },
        { label: 'Status', cell: d => status(d.status) },
        { label: 'Attempts', num: true, cell: d => d.attempts },
        { label: 'Answer', num: true, cell: d => d.last_response_code ?? '—' },
        { label: 'Last attempt', cell: d => time(d.last_attempt_at) },
      ], deliveries.data)));
}

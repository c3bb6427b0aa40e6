// API keys: list, create, roll and revoke. A new secret is shown once, as the API answers it once.
import { api, ApiProblem, newIdempotencyKey } from './api.js';
import { el, field, problemText, show, status, table } from './dom.js';
import { time } from './format.js';

function secretNotice(key) {
  return el('div', { class: 'secret', role: 'status' },
    el('p', {}, el('strong', {}, 'Copy this secret now; it is not shown again.')),
    el('p', { class: 'mono', id: 'new-secret' }, key.secret));
}

export async function keysView(notice) {
  const keys = await api('v1/api_keys?limit=100');
  const message = el('p', { role: 'alert', class: 'error' });
  const act = async (path, body, confirmText) => {
    if (confirmText && !window.confirm(confirmText)) return;
    try {
      const key = await api(path, { method: 'POST', body, idempotencyKey: newIdempotencyKey() });
      await keysView(key.secret ? secretNotice(key) : null);
    } catch (problem) {
      message.textContent = problem instanceof ApiProblem ? problemText(problem.problem) : 'The API could not be reached.';
    }
  };
  const name = el('input', { name: 'name', autocomplete: 'off', maxlength: 64 });
  const create = el('form', { class: 'card', 'aria-labelledby': 'create-key-heading' },
    el('h2', { id: 'create-key-heading' }, 'Create a key'), field('Name', name),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Create key')));
  create.addEventListener('submit', event => {
    event.preventDefault();
    act('v1/api_keys', name.value.trim() ? { name: name.value.trim() } : {});
  });
  show(
    el('h1', {}, 'API keys'),
    notice,
    message,
    el('section', { class: 'card', 'aria-label': 'Keys' }, table([
      { label: 'Name', cell: k => k.name || '—' },
      { label: 'Key', cell: k => el('span', { class: 'mono' }, `${k.prefix}…`) },
      { label: 'Scopes', cell: k => k.scopes.join(', ') },
      { label: 'Status', cell: k => status(k.status) },
      { label: 'Created', cell: k => time(k.created_at) },
      { label: 'Actions', cell: k => k.status === 'active' ? el('span', {},
          el('button', { type: 'button', class: 'link', onclick: () => act(`v1/api_keys/${k.id}/roll`, {}, 'Roll this key? The old secret stops working.') }, 'Roll'),
          el('button', { type: 'button', class: 'link', onclick: () => act(`v1/api_keys/${k.id}/revoke`, undefined, 'Revoke this key? Requests made with it will be refused.') }, 'Revoke')) : '' },
    ], keys.data)),
    create);
}

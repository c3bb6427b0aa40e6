// The merchant console: its views (each a module that renders into <main>), its sign-in and its mode badge.
import { api, mode, signIn } from './api.js';
import { el, field, show } from './dom.js';
import { failure, startConsole } from './router.js';
import { paymentsView, paymentView } from './payments.js';
import { balanceView } from './balance.js';
import { reportsView } from './reports.js';
import { webhooksView } from './webhooks.js';
import { keysView } from './keys.js';

const routes = [
  [/^#\/payments\/(pay_[0-9a-z]+)$/, match => paymentView(match[1])],
  [/^#\/payments(\?.*)?$/, match => paymentsView(new URLSearchParams((match[1] || '').slice(1)))],
  [/^#\/balance$/, () => balanceView()],
  [/^#\/reports(\?.*)?$/, match => reportsView(new URLSearchParams((match[1] || '').slice(1)))],
  [/^#\/webhooks$/, () => webhooksView()],
  [/^#\/keys$/, () => keysView()],
];

function signInView(message, goHome) {
  const key = el('input', { type: 'password', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true, placeholder: 'sk_test_…' });
  const error = el('p', { class: 'error', role: 'alert' }, message || '');
  const form = el('form', { class: 'card narrow', novalidate: true },
    el('h1', {}, 'Sign in'),
    el('p', { class: 'muted' }, 'Use your secret API key. It is kept in this tab only and is forgotten when you sign out or close the tab.'),
    field('Secret API key', key),
    error,
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Sign in')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = key.value.trim();
    if (!/^sk_(test|live)_[A-Za-z0-9_]+$/.test(value)) {
      error.textContent = 'A secret API key starts with sk_test_ or sk_live_.';
      return;
    }
    try {
      // The cheapest call the key's read scope allows proves it before it is kept.
      await api('v1/payments?limit=1', { key: value });
      signIn(value);
      goHome();
    } catch (problem) {
      error.textContent = failure(problem);
    }
  });
  show(form);
}

startConsole({
  routes,
  home: '#/payments',
  signInView,
  decorate: on => {
    const badge = document.getElementById('mode');
    badge.hidden = !on;
    if (on) {
      badge.textContent = mode() === 'live' ? 'Live mode' : 'Test mode';
      badge.className = `mode ${mode()}`;
    }
  },
});

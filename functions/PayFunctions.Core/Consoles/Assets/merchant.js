// The merchant console: a hash router over views, each a module that renders into <main>.
import { api, ApiProblem, mode, signIn, signOut, signedIn } from './api.js';
import { el, field, problemText, show } from './dom.js';
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

function signInView(message) {
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
      // Setting another hash renders by its hashchange; the same hash needs a render of its own.
      if (location.hash === '#/payments') render();
      else location.hash = '#/payments';
    } catch (problem) {
      error.textContent = problem instanceof ApiProblem ? problemText(problem.problem) : 'The API could not be reached.';
    }
  });
  show(form);
}

function chrome() {
  const on = signedIn();
  document.getElementById('nav').hidden = !on;
  document.getElementById('sign-out').hidden = !on;
  const badge = document.getElementById('mode');
  badge.hidden = !on;
  if (on) {
    badge.textContent = mode() === 'live' ? 'Live mode' : 'Test mode';
    badge.className = `mode ${mode()}`;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    const current = location.hash.startsWith(link.getAttribute('href'));
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function render() {
  chrome();
  if (!signedIn()) {
    signInView();
    return;
  }
  const route = routes.find(([pattern]) => pattern.test(location.hash));
  if (!route) {
    location.hash = '#/payments';
    return;
  }
  try {
    await route[1](location.hash.match(route[0]));
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.status === 401) {
      signOut();
      chrome();
      signInView(problemText(problem.problem));
      return;
    }
    show(el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' },
      problem instanceof ApiProblem ? problemText(problem.problem) : String(problem.message || problem)));
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  history.replaceState(null, '', location.pathname);
  render();
});
window.addEventListener('hashchange', render);
render();

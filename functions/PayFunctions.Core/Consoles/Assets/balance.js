// Balance (what awaits settlement, what is on its way, what risk holds for review) and the settlements made.
import { api } from './api.js';
import { el, show, table } from './dom.js';
import { money, time } from './format.js';

function amounts(list) {
  return list.length === 0 ? el('p', { class: 'muted' }, 'Nothing.') : el('ul', {}, list.map(a => el('li', {}, money(a.amount, a.currency))));
}

export async function balanceView() {
  const [balance, settlements] = await Promise.all([api('v1/balance'), api('v1/settlements')]);
  show(
    el('h1', {}, 'Balance'),
    el('div', { class: 'charts' },
      el('section', { class: 'card', 'aria-labelledby': 'pending-heading' }, el('h2', { id: 'pending-heading' }, 'Pending settlement'), amounts(balance.pending_settlement)),
      el('section', { class: 'card', 'aria-labelledby': 'transit-heading' }, el('h2', { id: 'transit-heading' }, 'In transit'), amounts(balance.in_transit)),
      el('section', { class: 'card', 'aria-labelledby': 'held-heading' }, el('h2', { id: 'held-heading' }, 'Held for review'), amounts(balance.held_for_review))),
    el('section', { class: 'card', 'aria-labelledby': 'settlements-heading' },
      el('h2', { id: 'settlements-heading' }, 'Settlements'),
      settlements.data.length === 0 ? el('p', { class: 'muted' }, 'No settlements yet.') : table([
        { label: 'Settlement', cell: s => el('span', { class: 'mono' }, s.id) },
        { label: 'Day', cell: s => s.settlement_date },
        { label: 'Account', cell: s => el('span', { class: 'mono' }, s.account) },
        { label: 'Amount', num: true, cell: s => money(s.amount, s.currency) },
        { label: 'Created', cell: s => time(s.created_at) },
      ], settlements.data)));
}

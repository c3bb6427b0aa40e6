// Builds elements from data with textContent only: nothing the API returns is ever parsed as markup.

/** el('a', {href: '#/x', class: 'y'}, 'text', child) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the page's content and moves focus to its heading, as a page load would. */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren();
  append(main, children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

export function table(columns, rows, { stack = true, caption } = {}) {
  return el('div', { class: 'scroll' },
    el('table', { class: stack ? 'table stack' : 'table' },
      caption ? el('caption', { class: 'muted' }, caption) : null,
      el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => el('td', { 'data-label': c.label, class: c.num ? 'num' : null }, c.cell(row))))))));
}

export function status(value) {
  return el('span', { class: `status ${value}` }, value.replaceAll('_', ' '));
}

export function problemText(problem) {
  return [problem.title, problem.detail].filter(Boolean).join(' ');
}

export function field(label, input) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 10)}`;
  input.id = id;
  return el('div', {}, el('label', { for: id }, label), input);
}

// Reports as charts: method mix, hourly peaks, and a heat map of China by province. ECharts and the map are
// bundled files of this origin, loaded only when this view is opened.
import { api, ApiProblem, download, query } from './api.js';
import { el, field, problemText, show, table } from './dom.js';
import { isoDay, money } from './format.js';
import { PROVINCES } from './regions.js';

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
let charting;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load.`));
    document.head.append(script);
  });
}

/** ECharts first, then the map file, which registers 'china' with it (echarts.registerMap). */
function loadCharting() {
  charting ??= loadScript(document.documentElement.dataset.echarts).then(() => loadScript(document.documentElement.dataset.china));
  return charting;
}

function chart(container, option) {
  const instance = window.echarts.init(container, null, { renderer: 'canvas' });
  instance.setOption({ aria: { enabled: true }, animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
  new ResizeObserver(() => instance.resize()).observe(container);
  return instance;
}

// On a phone's width, labels beside the pie or a legend beside the map have no room: they go inside or below.
const isNarrow = container => container.clientWidth < 480;

function methodMix(container, report) {
  const narrow = isNarrow(container);
  chart(container, {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      data: report.data.map(row => ({ name: row.key, value: row.payments })),
      label: narrow ? { position: 'inside', formatter: '{d}%', color: '#fff' } : { formatter: '{d}%' },
      labelLine: { show: !narrow },
    }],
  });
}

function hourlyPeaks(container, report) {
  const byHour = new Map(report.data.map(row => [row.key, row.payments]));
  chart(container, {
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    grid: { left: 40, right: 10, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: HOURS, name: 'Hour' },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: HOURS.map(h => byHour.get(h) ?? 0), itemStyle: { color: '#0b57d0' } }],
  });
}

function regionMap(container, report) {
  const data = report.data.filter(row => PROVINCES[row.key]).map(row => ({ name: PROVINCES[row.key], value: row.payments }));
  const max = Math.max(1, ...data.map(d => d.value));
  const narrow = isNarrow(container);
  chart(container, {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    visualMap: {
      min: 0, max, calculable: true, text: ['More', 'Fewer'], inRange: { color: ['#e8f0fe', '#0b57d0', '#08306b'] },
      ...(narrow ? { orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 140 } : { left: 10, bottom: 10 }),
    },
    series: [{ type: 'map', map: 'china', roam: false, data, emphasis: { label: { show: true } }, ...(narrow ? { top: 10, left: 10, right: 10, bottom: 60 } : {}) }],
  });
}

async function exportCsv(params, message) {
  // A link cannot carry the bearer key: the file is fetched with it and handed to the browser as a download.
  const response = await download(`v1/reports/payments${query({ ...params, format: 'csv' })}`);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    message.textContent = problemText(problem) || `The export failed (${response.status}).`;
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `payments-${params.group_by}-${params.from}-${params.to}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export async function reportsView(params) {
  const today = new Date();
  const monthAgo = new Date(today);
  monthAgo.setDate(monthAgo.getDate() - 29);
  const range = { from: params.get('from') || isoDay(monthAgo), to: params.get('to') || isoDay(today) };
  const fetchReport = groupBy => api(`v1/reports/payments${query({ ...range, group_by: groupBy })}`);
  const [methods, hours, regions] = await Promise.all([fetchReport('method'), fetchReport('hour'), fetchReport('region'), loadCharting()]);

  const from = el('input', { type: 'date', name: 'from', value: range.from, required: true });
  const to = el('input', { type: 'date', name: 'to', value: range.to, required: true });
  const groupBy = el('select', { name: 'group_by' }, ['method', 'channel', 'hour', 'weekday', 'region', 'day'].map(g => el('option', { value: g }, g)));
  const message = el('p', { class: 'error', role: 'alert' });
  const exportButton = el('button', { type: 'button', class: 'secondary', id: 'export-csv' }, 'Export CSV');
  exportButton.addEventListener('click', () => exportCsv({ ...range, group_by: groupBy.value }, message)
    .catch(problem => { message.textContent = problem instanceof ApiProblem ? problemText(problem.problem) : String(problem.message); }));
  const form = el('form', { class: 'card' },
    el('div', { class: 'filters' }, field('From', from), field('To', to), field('Export grouped by', groupBy)),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Show'), exportButton), message);
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/reports?${new URLSearchParams({ from: from.value, to: to.value })}`;
  });

  const methodChart = el('div', { class: 'chart', id: 'chart-methods', role: 'img' });
  const hourChart = el('div', { class: 'chart', id: 'chart-hours', role: 'img' });
  const mapChart = el('div', { class: 'chart map', id: 'chart-map', role: 'img' });
  const total = methods.data.reduce((sum, row) => sum + row.payments, 0);
  show(
    el('h1', {}, 'Reports'),
    el('p', { class: 'muted' }, `${range.from} to ${range.to} (${methods.time_zone}), ${total} payment(s).`),
    form,
    el('div', { class: 'charts' },
      el('section', { class: 'card', 'aria-labelledby': 'methods-heading' }, el('h2', { id: 'methods-heading' }, 'Payment methods'), methodChart),
      el('section', { class: 'card', 'aria-labelledby': 'hours-heading' }, el('h2', { id: 'hours-heading' }, 'Payments by hour'), hourChart)),
    el('section', { class: 'card', 'aria-labelledby': 'map-heading' }, el('h2', { id: 'map-heading' }, 'Payments by province'), mapChart,
      el('p', { class: 'muted', id: 'elsewhere' }, `Outside the map: ${regions.data.filter(row => !PROVINCES[row.key]).map(row => `${row.key} ${row.payments}`).join(', ') || 'none'}.`)),
    el('section', { class: 'card', 'aria-labelledby': 'methods-table-heading' },
      el('h2', { id: 'methods-table-heading' }, 'By method'),
      table([
        { label: 'Method', cell: r => r.key },
        { label: 'Payments', num: true, cell: r => r.payments },
        { label: 'Success rate', num: true, cell: r => `${(r.success_rate * 100).toFixed(1)}%` },
        { label: 'Amount', num: true, cell: r => money(r.amount, r.currency) },
        { label: 'Refunded', num: true, cell: r => money(r.refunded_amount, r.currency) },
        { label: 'Fees', num: true, cell: r => money(r.fees, r.currency) },
      ], methods.data)));
  methodMix(methodChart, methods);
  hourlyPeaks(hourChart, hours);
  regionMap(mapChart, regions);
}

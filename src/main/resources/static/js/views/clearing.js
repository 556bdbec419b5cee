// Clearing accounts: what the card terminals and Vipps still owe one department (GET /api/departments/{id}/clearing).
// The picture first: the open balance of each clearing account over the period, a step line per account; then per
// account its summary and the days under it: those still open (overdue after more than 5 days) and those a payout
// closed short (the acquirer's fee, not booked). Check now runs the check of every department as a job and reads the
// page's data again. #/clearing?department=N[&from=YYYY-MM-DD&to=YYYY-MM-DD]; the period defaults to the last 62 days.
import { ApiError, get, query } from '../api.js';
import { h, options, replace, s } from '../dom.js';
import { addDays, amount, date, daysBetween, osloToday, percent } from '../format.js';
import { t } from '../i18n.js';
import { runClearingCheck } from '../jobs.js';

export const title = () => t('clearing.title');

/** The period shown when none is asked for, as the server's default: the last 62 days, today included. */
const DEFAULT_DAYS = 62;
/** A day still open after more than this many days is overdue (the server's POGO_CLEARING_OVERDUE_DAYS default). */
const OVERDUE_DAYS = 5;
/** One colour and one dash per account, so the lines differ without colour too. */
const SERIES = [
  { colour: '#1f5fbf', dash: null }, { colour: '#c75300', dash: '8 4' }, { colour: '#2e7d32', dash: '2 3' },
  { colour: '#6b3fa0', dash: '10 3 2 3' }, { colour: '#b3261e', dash: '4 2' }, { colour: '#00707a', dash: '1 5' },
];

const isoDate = text => (/^\d{4}-\d{2}-\d{2}$/.test(text || '') ? text : null);

export async function render(target, params, context) {
  const departments = await context.departments();
  const connected = departments.filter(d => d.connection);
  const departmentId = Number(params.get('department')) || (connected[0] || departments[0])?.id;
  const department = departments.find(d => d.id === departmentId);
  const to = isoDate(params.get('to')) || osloToday();
  const from = isoDate(params.get('from')) || addDays(to, -(DEFAULT_DAYS - 1));
  const link = (d, f, e) => `#/clearing${query({ department: d, from: f, to: e })}`;

  target.append(h('h1', { tabindex: '-1' }, t('clearing.heading')),
    h('p', { class: 'lead' }, t('clearing.lead')));

  const departmentSelect = h('select', { id: 'clearing-department', onchange: event =>
    context.go(link(event.target.value, fromInput.value, toInput.value)) },
  options(departments.map(d => ({ value: d.id,
    label: d.connection ? d.name : t('clearing.needsConnection', { name: d.name }) })), departmentId));
  const fromInput = h('input', { type: 'date', id: 'clearing-from', value: from });
  const toInput = h('input', { type: 'date', id: 'clearing-to', value: to });
  target.append(h('form', { class: 'toolbar', 'aria-label': t('clearing.choose'), novalidate: true,
    onsubmit: event => {
      event.preventDefault();
      context.go(link(departmentSelect.value, fromInput.value, toInput.value));
    } },
  h('div', { class: 'field inline' }, h('label', { for: 'clearing-department' }, t('clearing.department')),
    departmentSelect),
  h('div', { class: 'field inline' }, h('label', { for: 'clearing-from' }, t('clearing.from')), fromInput),
  h('div', { class: 'field inline' }, h('label', { for: 'clearing-to' }, t('clearing.to')), toInput),
  h('button', { type: 'submit', class: 'secondary', id: 'clearing-show' }, t('clearing.show'))));

  if (!department) {
    target.append(h('p', { class: 'error-box' }, t('clearing.noSuchDepartment')));
    return;
  }
  if (!department.connection) {
    target.append(h('p', { class: 'error-box', id: 'clearing-not-connected' },
      t('clearing.notConnected', { name: department.name }), ' ',
      h('a', { href: '#/departments' }, t('clearing.connectIt'))));
    return;
  }

  const data = h('div', { class: 'clearing-data', id: 'clearing-data', 'aria-live': 'polite' });
  async function load() {
    let accounts;
    try {
      accounts = await get(`/api/departments/${departmentId}/clearing${query({ from, to })}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 401) throw e;
      replace(data, h('p', { class: 'error-box', role: 'alert', id: 'clearing-failed' },
        t('clearing.readFailed', { detail: e.message })));
      return;
    }
    replace(data, chartSection(accounts, from, to), accounts.map(a => accountSection(a)));
  }
  await load();
  target.append(data, checkSection(load));
}

function seriesName(account) {
  return account.paymentType ? `${account.account} ${account.paymentType}` : String(account.account);
}

/** The open balance at the end of each day of the period, as drawn: 0 until the first date that booked something. */
function lastBalance(account) {
  return account.balances.length ? account.balances[account.balances.length - 1].open : 0;
}

/** A round step for about four lines of the amount axis: 1, 2 or 5 times a power of ten. */
function niceStep(range) {
  const raw = range / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map(m => m * power).find(step => step >= raw);
}

/** The chart: a step line of the open balance per account over the period, with its axes and a legend. */
function chartSection(accounts, from, to) {
  const width = 960;
  const height = 320;
  const margin = { top: 14, right: 48, bottom: 44, left: 100 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const span = Math.max(daysBetween(from, to), 1);
  const values = accounts.flatMap(a => a.balances.map(b => Number(b.open)));
  const step = niceStep(Math.max(...values, 0) - Math.min(...values, 0) || 1000);
  const low = Math.floor(Math.min(...values, 0) / step) * step;
  const high = Math.max(Math.ceil(Math.max(...values, 0) / step) * step, low + step);
  const x = day => margin.left + (Math.min(Math.max(daysBetween(from, day), 0), span) / span) * plotWidth;
  const y = value => margin.top + ((high - Number(value)) / (high - low)) * plotHeight;
  const px = n => n.toFixed(1);

  const amountTicks = [];
  for (let v = low; v <= high + step / 2; v += step) amountTicks.push(v);
  // counted back from the period's last day, so that day always has its date
  const dateTicks = [];
  const dateStep = Math.max(Math.ceil(span / 6), 1);
  for (let i = span; i >= 0; i -= dateStep) dateTicks.unshift(addDays(from, i));

  const lines = accounts.map((account, i) => {
    const { colour, dash } = SERIES[i % SERIES.length];
    let d = `M${px(x(from))} ${px(y(0))}`;
    for (const b of account.balances) d += `H${px(x(b.date))}V${px(y(b.open))}`;
    d += `H${px(x(to))}`;
    return s('path', { class: 'series', 'data-account': account.account, d, fill: 'none', stroke: colour,
      'stroke-width': 2.5, 'stroke-dasharray': dash, 'stroke-linejoin': 'round' },
    s('title', {}, t('clearing.seriesTitle', { name: seriesName(account), open: amount(lastBalance(account)) })));
  });

  const summary = t('clearing.chartSummary', { from: date(from), to: date(to),
    accounts: accounts.map(a => t('clearing.chartSummaryAccount', { name: seriesName(a),
      open: amount(lastBalance(a)) })).join('; ') });
  const chart = s('svg', { id: 'clearing-chart', class: 'chart', role: 'img', 'aria-labelledby': 'clearing-chart-title',
    viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMidYMid meet' },
  s('title', { id: 'clearing-chart-title' }, summary),
  s('g', { class: 'axis amount-axis', 'aria-hidden': 'true' }, amountTicks.map(v => s('g', {},
    s('line', { x1: margin.left, x2: width - margin.right, y1: px(y(v)), y2: px(y(v)),
      stroke: v === 0 ? '#5a6472' : '#e3e7ec', 'stroke-width': v === 0 ? 1.5 : 1 }),
    s('text', { x: margin.left - 8, y: px(y(v)), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, amount(v))))),
  s('g', { class: 'axis date-axis', 'aria-hidden': 'true' }, dateTicks.map(day => s('g', {},
    s('line', { x1: px(x(day)), x2: px(x(day)), y1: margin.top + plotHeight, y2: margin.top + plotHeight + 6,
      stroke: '#5a6472' }),
    s('text', { x: px(x(day)), y: margin.top + plotHeight + 22, 'text-anchor': 'middle' }, date(day))))),
  s('g', { class: 'lines' }, lines));

  const legend = h('ul', { class: 'legend chart-legend', 'aria-label': t('clearing.legend') },
    accounts.map((account, i) => {
      const { colour, dash } = SERIES[i % SERIES.length];
      return h('li', { 'data-account': account.account },
        s('svg', { width: 28, height: 10, viewBox: '0 0 28 10', 'aria-hidden': 'true' },
          s('line', { x1: 0, x2: 28, y1: 5, y2: 5, stroke: colour, 'stroke-width': 3, 'stroke-dasharray': dash })),
        seriesName(account));
    }));

  return h('section', { class: 'clearing-chart', 'aria-labelledby': 'clearing-chart-heading' },
    h('h2', { id: 'clearing-chart-heading' }, t('clearing.chartHeading')),
    accounts.length ? [h('div', { class: 'chart-frame' }, chart), legend]
      : h('p', { class: 'muted' }, t('clearing.noAccounts')),
    accounts.length && !accounts.some(a => a.balances.length)
      ? h('p', { class: 'muted', id: 'clearing-nothing-booked' }, t('clearing.nothingBooked')) : null);
}

/** One account: its summary as of today, then its open days and its short-paid days in the period. */
function accountSection(account) {
  const id = `account-${account.account}`;
  const overdue = account.oldestOpenAgeDays !== null && account.oldestOpenAgeDays > OVERDUE_DAYS;
  const open = account.days.filter(d => Number(d.open) > 0);
  const shortPaid = account.days.filter(d => Number(d.shortPaid) > 0);
  return h('section', { class: 'clearing-account card', id, 'data-account': account.account,
    'aria-labelledby': `${id}-title` },
  h('h2', { id: `${id}-title` }, t('clearing.accountTitle', { name: seriesName(account) })),
  h('dl', { class: 'facts clearing-summary' },
    h('dt', {}, t('clearing.openBalance')), h('dd', { class: 'amount open-balance' }, amount(account.openBalance)),
    h('dt', {}, t('clearing.oldestOpen')),
    h('dd', { class: overdue ? 'oldest-open bad' : 'oldest-open' }, account.oldestOpenDate
      ? t('clearing.oldestOpenAge', { date: date(account.oldestOpenDate), age: account.oldestOpenAgeDays })
      : t('clearing.noneOpen')),
    h('dt', {}, t('clearing.unbookedFees')), h('dd', { class: 'amount unbooked-fees' }, amount(account.unbookedFees)),
    h('dt', {}, t('clearing.credit')), h('dd', { class: 'amount credit' }, amount(account.credit))),
  h('h3', {}, t('clearing.openDays')),
  open.length ? h('div', { class: 'table-scroll' }, h('table', { class: 'results open-days' },
    h('caption', { class: 'visually-hidden' }, t('clearing.openDaysOf', { account: account.account })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('clearing.day')),
      h('th', { scope: 'col', class: 'num' }, t('clearing.booked')),
      h('th', { scope: 'col', class: 'num' }, t('clearing.settled')),
      h('th', { scope: 'col', class: 'num' }, t('clearing.open')),
      h('th', { scope: 'col', class: 'num' }, t('clearing.age')), h('th', { scope: 'col' }, t('clearing.status')))),
    h('tbody', {}, open.map(d => h('tr', { 'data-date': d.businessDate, class: d.ageDays > OVERDUE_DAYS ? 'overdue'
      : null },
    h('td', {}, date(d.businessDate)), h('td', { class: 'num amount booked' }, amount(d.booked)),
    h('td', { class: 'num amount settled' }, amount(d.settled)), h('td', { class: 'num amount open' }, amount(d.open)),
    h('td', { class: 'num age' }, d.ageDays),
    h('td', { class: 'status' }, d.ageDays > OVERDUE_DAYS
      ? h('span', { class: 'badge badge-overdue' }, t('clearing.overdue', { days: OVERDUE_DAYS }))
      : t('clearing.awaitingPayout')))))))
    : h('p', { class: 'ok no-open-days' }, t('clearing.noOpenDays')),
  shortPaid.length ? [h('h3', {}, t('clearing.shortPaidDays')),
    h('div', { class: 'table-scroll' }, h('table', { class: 'results short-paid' },
      h('caption', { class: 'visually-hidden' }, t('clearing.shortPaidOf', { account: account.account })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('clearing.day')),
        h('th', { scope: 'col', class: 'num' }, t('clearing.booked')),
        h('th', { scope: 'col', class: 'num' }, t('clearing.settled')),
        h('th', { scope: 'col' }, t('clearing.settledOn')),
        h('th', { scope: 'col', class: 'num' }, t('clearing.fee')), h('th', { scope: 'col' }, t('clearing.status')))),
      h('tbody', {}, shortPaid.map(d => h('tr', { 'data-date': d.businessDate },
        h('td', {}, date(d.businessDate)), h('td', { class: 'num amount booked' }, amount(d.booked)),
        h('td', { class: 'num amount settled' }, amount(d.settled)), h('td', {}, date(d.settledOn)),
        h('td', { class: 'num amount fee' }, amount(d.shortPaid), ' ',
          h('span', { class: 'muted fee-percent' }, `(${percent(Number(d.shortPaidPercent) / 100)})`)),
        h('td', { class: 'status' }, h('span', { class: 'badge badge-missing' }, t('clearing.feeNotBooked'))))))))]
    : null);
}

/** Check now: the check of every connected department as a job, then this page's data read again. */
function checkSection(load) {
  const box = h('div', { class: 'job-box', id: 'clearing-job-box' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const button = h('button', { type: 'button', id: 'run-clearing-check', onclick: async () => {
    button.disabled = true;
    error.textContent = '';
    try {
      const job = await runClearingCheck(box);
      if (job.state === 'DONE') await load();
    } catch (e) {
      error.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  } }, t('clearing.checkNow'));
  return h('section', { class: 'period-form', 'data-writes': true, 'aria-labelledby': 'clearing-check-title' },
    h('h2', { id: 'clearing-check-title' }, t('clearing.checkTitle')),
    h('p', { class: 'hint' }, t('clearing.checkHint')),
    h('div', { class: 'actions' }, button), error, box);
}

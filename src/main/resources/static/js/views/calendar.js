// The ledger as a calendar: one month of one department, every day coloured by what happened (day-status.js),
// a click opens the day (its voucher preview and, once posted, its revisions; for a day changed since it was
// posted, the differences and the correction), and a chosen period can be exported or replayed as a job with live
// progress. #/calendar?…&day=YYYY-MM-DD opens that day at once.
import { call, get, openPdf, query } from '../api.js';
import { h, options, replace } from '../dom.js';
import { dayState, newest, STATES } from '../day-status.js';
import { addMonths, amount, date, dateTime, daysOf, longDate, monthName, osloToday, sum, weekdayIndex }
  from '../format.js';
import { resultsTable, runPeriodJob } from '../jobs.js';

export const title = 'Ledger calendar';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The correction just run from a day's panel, shown in that day once the calendar is read again. */
let lastCorrection = null;

export async function render(target, params, context) {
  const departments = await context.departments();
  const departmentId = Number(params.get('department')) || departments[0]?.id;
  const today = osloToday();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : today.slice(0, 7);
  const department = departments.find(d => d.id === departmentId);
  const link = (m, d = departmentId) => `#/calendar?department=${d}&month=${m}`;

  target.append(h('h1', { tabindex: '-1' }, 'Ledger calendar'));
  const departmentSelect = h('select', { id: 'calendar-department', onchange: event =>
    context.go(link(month, event.target.value)) },
  options(departments.map(d => ({ value: d.id, label: d.name })), departmentId));
  target.append(h('div', { class: 'toolbar' },
    h('div', { class: 'field inline' }, h('label', { for: 'calendar-department' }, 'Department'), departmentSelect),
    h('div', { class: 'month-nav' },
      h('a', { class: 'button-link secondary', href: link(addMonths(month, -1)), id: 'previous-month' },
        '‹ ', monthName(addMonths(month, -1))),
      h('h2', { id: 'month-title', 'aria-live': 'polite' }, monthName(month)),
      h('a', { class: 'button-link secondary', href: link(addMonths(month, 1)), id: 'next-month' },
        monthName(addMonths(month, 1)), ' ›'))));
  if (!department) {
    target.append(h('p', { class: 'error-box' }, 'The POS has no such department.'));
    return;
  }

  const days = daysOf(month);
  const previewTo = days.filter(d => d <= today).pop();
  const [ledger, previews, lockDate] = await Promise.all([
    get(`/api/departments/${departmentId}/exports${query({ from: days[0], to: days[days.length - 1] })}`),
    previewTo ? get(`/api/departments/${departmentId}/vouchers/preview${query({ from: days[0], to: previewTo })}`)
      .catch(e => ({ error: e.message })) : [],
    call('GET', `/api/departments/${departmentId}/check`)
      .then(r => r.headers.get('X-PowerOffice-Lock-Date') || null).catch(() => null),
  ]);
  const revisionsByDay = {};
  for (const row of ledger) (revisionsByDay[row.businessDate] ||= []).push(row);
  const previewByDay = {};
  if (Array.isArray(previews)) for (const p of previews) previewByDay[p.businessDate] = p;
  else target.append(h('p', { class: 'error-box', role: 'alert' }, `The preview could not be read: ${previews.error}`));

  const panel = h('section', { class: 'day-panel', id: 'day-panel', 'aria-live': 'polite', hidden: true });
  const cells = days.map(day => {
    const state = dayState(day, { revisions: revisionsByDay[day], preview: previewByDay[day], lockDate, today });
    const latest = newest(revisionsByDay[day]);
    const voucher = latest && latest.status === 'POSTED' ? latest.voucherNo : null;
    const label = STATES[state].label;
    const dayNumber = Number(day.slice(8));
    if (state === 'future') {
      return h('td', { class: 'day day-future', 'data-date': day, 'data-state': state },
        h('span', { class: 'day-number' }, dayNumber));
    }
    return h('td', { class: `day day-${state}`, 'data-date': day, 'data-state': state },
      h('button', { type: 'button', class: 'day-button', 'aria-label': `${longDate(day)}: ${label}`
        + (voucher ? `, voucher ${voucher}` : ''), onclick: () => openDay(panel, day, state, {
        revisions: revisionsByDay[day] || [], preview: previewByDay[day], lockDate, departmentId, onJob, onCorrect,
        table }) },
      h('span', { class: 'day-number' }, dayNumber),
      h('span', { class: 'day-label' }, label),
      voucher ? h('span', { class: 'day-voucher' }, `No. ${voucher}`) : null));
  });
  const rows = [];
  let row = Array.from({ length: weekdayIndex(days[0]) }, () => h('td', { class: 'day day-outside' }));
  for (const cell of cells) {
    row.push(cell);
    if (row.length === 7) {
      rows.push(h('tr', {}, row));
      row = [];
    }
  }
  if (row.length) rows.push(h('tr', {}, row, Array.from({ length: 7 - row.length },
    () => h('td', { class: 'day day-outside' }))));
  const table = h('table', { class: 'month', id: 'calendar' },
    h('caption', { class: 'visually-hidden' }, `${department.name}, ${monthName(month)}`),
    h('thead', {}, h('tr', {}, WEEKDAYS.map(w => h('th', { scope: 'col' }, w)))),
    h('tbody', {}, rows));

  const used = new Set(cells.map(c => c.dataset.state));
  const legend = h('ul', { class: 'legend', 'aria-label': 'Colours' },
    Object.entries(STATES).filter(([key]) => key !== 'future' && (key !== 'unknown' || used.has(key)))
      .map(([key, s]) => h('li', { class: `legend-${key}` }, h('span', { class: `swatch day-${key}` }), s.label)));

  const jobBox = h('div', { class: 'job-box', id: 'job-box' });
  const from = h('input', { type: 'date', id: 'period-from', value: days[0] });
  const to = h('input', { type: 'date', id: 'period-to', value: days[days.length - 1] });
  const periodError = h('p', { class: 'field-error', id: 'period-error', role: 'alert' });
  /** Correct: the day's replay, then the calendar read again with the day open and the job's outcome in it. */
  async function onCorrect(day, box) {
    const job = await runPeriodJob('replay', departmentId, day, day, box);
    if (job.state !== 'DONE') return; // the box says why; the days it finished are in the ledger
    lastCorrection = { departmentId, day, job };
    context.go(`${link(month)}&day=${day}&refreshed=${Date.now()}`);
  }
  async function onJob(kind, fromDate, toDate) {
    from.value = fromDate;
    to.value = toDate;
    periodError.textContent = '';
    for (const b of periodForm.querySelectorAll('button')) b.disabled = true;
    try {
      await runPeriodJob(kind, departmentId, fromDate, toDate, jobBox);
      jobBox.append(h('p', {}, h('a', { href: link(month), onclick: event => {
        event.preventDefault();
        context.go(`${link(month)}&refreshed=${Date.now()}`);
      } }, 'Show the calendar with the new outcomes')));
    } catch (e) {
      periodError.textContent = e.message;
    } finally {
      for (const b of periodForm.querySelectorAll('button')) b.disabled = false;
    }
  }
  const periodForm = h('form', { class: 'period-form', novalidate: true, 'aria-labelledby': 'period-title',
    'data-writes': true,
    onsubmit: event => event.preventDefault() },
  h('h2', { id: 'period-title' }, 'Export or replay a period'),
  h('p', { class: 'hint' }, 'Export posts every closed day not yet posted. Replay recomputes every day and corrects '
    + 'a posted day whose POS figures changed, by a reversal and a new revision.'),
  h('div', { class: 'row' },
    h('div', { class: 'field inline' }, h('label', { for: 'period-from' }, 'From'), from),
    h('div', { class: 'field inline' }, h('label', { for: 'period-to' }, 'To'), to),
    h('button', { type: 'button', id: 'export-period', onclick: () => onJob('export', from.value, to.value) },
      'Export period'),
    h('button', { type: 'button', class: 'secondary', id: 'replay-period', onclick: () =>
      onJob('replay', from.value, to.value) }, 'Replay period')),
  periodError, jobBox);

  target.append(legend, h('div', { class: 'calendar-layout' }, h('div', { class: 'calendar-main' }, table), panel),
    periodForm);

  const opened = params.get('day');
  const openedCell = cells.find(c => c.dataset.date === opened && c.dataset.state !== 'future');
  if (openedCell) openedCell.querySelector('button').click();
}

function openDay(panel, day, state, { revisions, preview, lockDate, departmentId, onJob, onCorrect, table }) {
  for (const cell of table.querySelectorAll('td.selected')) cell.classList.remove('selected');
  table.querySelector(`td[data-date="${day}"]`)?.classList.add('selected');
  const latest = newest(revisions);
  const correction = lastCorrection && lastCorrection.departmentId === departmentId && lastCorrection.day === day
    ? lastCorrection.job : null;
  lastCorrection = null;
  // data-focus: opened while the calendar is built (…&day=), the focus goes to the day once it is shown
  const heading = h('h2', { tabindex: '-1', id: 'day-title', 'data-focus': true }, longDate(day));
  replace(panel,
    h('div', { class: 'day-panel-head' }, heading,
      h('button', { type: 'button', class: 'secondary close', 'aria-label': 'Close the day', onclick: () => {
        panel.hidden = true;
        table.querySelector(`td[data-date="${day}"] button`)?.focus();
      } }, '×')),
    h('p', {}, h('span', { class: `badge state state-${state}` }, STATES[state].label), ' ', STATES[state].explain),
    latest && latest.message ? h('p', { class: state === 'failed' ? 'bad' : 'muted' }, latest.message) : null,
    state === 'locked' && lockDate ? h('p', { class: 'muted' }, `Lock date: ${date(lockDate)}.`) : null,
    correction ? h('section', { class: 'correction', id: 'correction-result', 'aria-labelledby': 'correction-title' },
      h('h3', { id: 'correction-title' }, 'Correction'), resultsTable(correction.results || [])) : null,
    latest && latest.status === 'POSTED' && latest.drift ? driftSection(latest, day, onCorrect) : null,
    preview ? previewSection(preview) : h('p', { class: 'muted' }, 'No preview of this day.'),
    revisions.length ? revisionsSection(revisions, departmentId, day) : null,
    reportActions(departmentId, day, latest),
    h('div', { class: 'actions', 'data-writes': true },
      h('button', { type: 'button', onclick: () => onJob('export', day, day) }, 'Export this day'),
      // a locked drift is booked by hand: a replay would only answer LOCKED
      state === 'drifted-locked' ? null : h('button', { type: 'button', class: 'secondary', onclick: () =>
        onJob('replay', day, day) }, 'Replay this day')));
  panel.hidden = false;
  heading.focus();
}

/**
 * What changed since the day was posted, per account and VAT code (differences are now − posted, debit positive),
 * and Correct; a locked day cannot be corrected, so it says what to book by hand instead.
 */
function driftSection(latest, day, onCorrect) {
  const { drift } = latest;
  const difference = d => sum([d.now, -Number(d.posted)]);
  const error = h('p', { class: 'field-error', role: 'alert' });
  const box = h('div', { class: 'job-box', id: 'correct-box' });
  const button = h('button', { type: 'button', id: 'correct-day', onclick: async () => {
    button.disabled = true;
    error.textContent = '';
    try {
      await onCorrect(day, box);
    } catch (e) {
      error.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  } }, 'Correct');
  return h('section', { class: 'drift', id: 'drift', 'aria-labelledby': 'drift-title' },
    h('h3', { id: 'drift-title' }, 'Changed since posted'),
    h('p', { class: 'muted' }, `Revision ${latest.revision} as posted against the POS now; found by the drift watch `
      + `${dateTime(drift.since)}.`),
    h('table', { class: 'differences' },
      h('caption', { class: 'visually-hidden' }, 'Differences per account and VAT code'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col' }, 'VAT'),
        h('th', { scope: 'col', class: 'num' }, 'Posted'), h('th', { scope: 'col', class: 'num' }, 'Now'),
        h('th', { scope: 'col', class: 'num' }, 'Difference'))),
      h('tbody', {}, drift.differences.map(d => h('tr', { 'data-account': d.account ?? '' },
        h('td', {}, d.account ?? 'missing'), h('td', {}, d.vatCode ?? ''),
        h('td', { class: 'num amount posted' }, amount(d.posted)), h('td', { class: 'num amount now' }, amount(d.now)),
        h('td', { class: 'num amount difference' }, amount(difference(d))))))),
    drift.locked
      ? h('div', { class: 'by-hand', id: 'drift-by-hand' },
        h('p', { class: 'bad' }, 'The day is on or before PowerOffice\'s lock date: it cannot be corrected here. '
          + 'Book the differences by hand in an open period:'),
        h('ul', {}, drift.differences.map(d => h('li', {},
          `Account ${d.account ?? 'missing'}, VAT ${d.vatCode ?? '-'}: ${difference(d) > 0 ? 'debit' : 'credit'} `,
          h('span', { class: 'amount' }, amount(Math.abs(difference(d))))))))
      : h('div', { 'data-writes': true },
        h('p', { class: 'hint' }, 'Correct reverses the posted voucher and posts the day as the POS has it now, as '
          + `revision ${latest.revision + 1}.`),
        h('div', { class: 'actions' }, button), error, box));
}

function previewSection(p) {
  const total = sum(p.lines.filter(l => Number(l.amount) > 0).map(l => l.amount));
  return h('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
    h('h3', { id: 'preview-title' }, 'Voucher preview'),
    h('p', { class: 'muted' }, p.closed ? `Z-report ${p.zNumber}. The figures as the POS has them now.`
      : 'No Z-report yet: the day is still open.'),
    p.problems.length ? [h('h4', {}, 'Problems'),
      h('ul', { class: 'problems' }, p.problems.map(x => h('li', {}, x)))] : null,
    p.lines.length ? h('table', { class: 'lines' },
      h('caption', { class: 'visually-hidden' }, 'Voucher lines'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col' }, 'VAT'),
        h('th', { scope: 'col' }, 'Description'), h('th', { scope: 'col', class: 'num' }, 'Amount'))),
      h('tbody', {}, p.lines.map(l => h('tr', { class: l.account === null ? 'blank-account' : null },
        h('td', {}, l.account ?? 'missing'), h('td', {}, l.vatCode ?? ''), h('td', {}, l.description),
        h('td', { class: 'num amount' }, amount(l.amount))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '3' }, 'Debit = credit'),
        h('td', { class: 'num amount' }, amount(total)))))
      : (p.closed ? h('p', {}, 'Nothing to post.') : null),
    p.excluded.length ? [h('h4', {}, 'Orders left off the voucher'), h('table', { class: 'excluded' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Why'), h('th', { scope: 'col', class: 'num' }, 'Orders'),
        h('th', { scope: 'col', class: 'num' }, 'Amount'))),
      h('tbody', {}, p.excluded.map(x => h('tr', {}, h('td', {}, x.reason), h('td', { class: 'num' }, x.orders),
        h('td', { class: 'num amount' }, amount(x.amount))))))] : null,
    p.tips.length ? [h('h4', {}, 'Tips to book by hand'), h('table', { class: 'tips' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Payment type'),
        h('th', { scope: 'col', class: 'num' }, 'Amount'))),
      h('tbody', {}, p.tips.map(t => h('tr', {}, h('td', {}, t.paymentType),
        h('td', { class: 'num amount' }, amount(t.amount))))))] : null);
}

const DOCUMENTATION = {
  ATTACHED: 'Attached in PowerOffice',
  PENDING: 'Pending: tried again by the automatic export',
  FAILED: 'Failed: PowerOffice refused it',
  NOT_ALLOWED: 'Not allowed: the integration lacks VoucherDocumentation_Full',
  OFF: 'Off (POGO_DOCUMENTATION=false)',
};

/** The day's report: the posted revision's PDF (else a preview), and attaching it again. */
function reportActions(departmentId, day, latest) {
  const error = h('p', { class: 'error-box', role: 'alert', hidden: true });
  const show = e => {
    error.textContent = e.message;
    error.hidden = false;
  };
  const posted = latest && latest.status === 'POSTED';
  const attach = async () => {
    error.hidden = true;
    try {
      const answer = (await call('POST', `/api/departments/${departmentId}/exports/${day}/documentation`)).body;
      const cell = document.querySelector(`#revision-${latest.revision} .documentation`);
      if (cell) cell.textContent = DOCUMENTATION[answer.documentation] || answer.documentation || '';
      if (answer.message) show(new Error(answer.message));
    } catch (e) {
      show(e);
    }
  };
  return h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'day-report-pdf', onclick: () =>
      openPdf(`/api/departments/${departmentId}/exports/${day}/report.pdf`).catch(show) },
    posted ? "Day's report (PDF)" : "Day's report, preview (PDF)"),
    posted ? h('button', { type: 'button', class: 'secondary', id: 'attach-documentation', 'data-writes': true,
      onclick: attach }, 'Attach the report again') : null,
    error);
}

function revisionsSection(revisions, departmentId, day) {
  return h('section', { class: 'revisions', 'aria-labelledby': 'revisions-title' },
    h('h3', { id: 'revisions-title' }, 'In the ledger'),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Revision'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'num' }, 'Voucher'), h('th', { scope: 'col' }, 'Posted'),
        h('th', { scope: 'col', class: 'num' }, 'Total'), h('th', { scope: 'col' }, 'Documentation'),
        h('th', { scope: 'col' }, 'Note'))),
      h('tbody', {}, [...revisions].sort((a, b) => a.revision - b.revision).map(r => h('tr',
        { id: `revision-${r.revision}` },
        h('td', {}, r.revision), h('td', {}, r.status), h('td', { class: 'num' }, r.voucherNo ?? ''),
        h('td', {}, dateTime(r.postedAt)), h('td', { class: 'num amount' }, amount(r.total)),
        h('td', { class: 'documentation', title: r.documentationMessage || '' },
          r.documentation ? [DOCUMENTATION[r.documentation] || r.documentation, ' ',
            h('button', { type: 'button', class: 'link', onclick: event =>
              openPdf(`/api/departments/${departmentId}/exports/${day}/report.pdf?revision=${r.revision}`)
                .catch(e => { event.target.title = e.message; }) }, 'PDF')] : ''),
        h('td', {}, r.message || ''))))));
}

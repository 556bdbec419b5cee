// The ledger as a calendar: one month of one department, every day coloured by what happened (day-status.js),
// a click opens the day (its voucher preview and, once posted, its revisions; for a day changed since it was
// posted, the differences and the correction), and a chosen period can be exported or replayed as a job with live
// progress. #/calendar?…&day=YYYY-MM-DD opens that day at once.
import { call, get, openPdf, query } from '../api.js';
import { h, options, replace } from '../dom.js';
import { dayState, newest, STATES } from '../day-status.js';
import { addMonths, amount, date, dateTime, daysOf, longDate, monthName, osloToday, shortWeekdays, sum,
  weekdayIndex } from '../format.js';
import { t } from '../i18n.js';
import { resultsTable, runPeriodJob } from '../jobs.js';

export const title = () => t('calendar.title');

/** The correction just run from a day's panel, shown in that day once the calendar is read again. */
let lastCorrection = null;
/** The day open in the panel, opened again when the calendar is shown in the other language. */
let openedDay = null;

export async function render(target, params, context) {
  const departments = await context.departments();
  const departmentId = Number(params.get('department')) || departments[0]?.id;
  const today = osloToday();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : today.slice(0, 7);
  const department = departments.find(d => d.id === departmentId);
  const link = (m, d = departmentId) => `#/calendar?department=${d}&month=${m}`;

  target.append(h('h1', { tabindex: '-1' }, t('calendar.title')));
  const departmentSelect = h('select', { id: 'calendar-department', onchange: event =>
    context.go(link(month, event.target.value)) },
  options(departments.map(d => ({ value: d.id, label: d.name })), departmentId));
  target.append(h('div', { class: 'toolbar' },
    h('div', { class: 'field inline' }, h('label', { for: 'calendar-department' }, t('calendar.department')),
      departmentSelect),
    h('div', { class: 'month-nav' },
      h('a', { class: 'button-link secondary', href: link(addMonths(month, -1)), id: 'previous-month' },
        '‹ ', monthName(addMonths(month, -1))),
      h('h2', { id: 'month-title', 'aria-live': 'polite' }, monthName(month)),
      h('a', { class: 'button-link secondary', href: link(addMonths(month, 1)), id: 'next-month' },
        monthName(addMonths(month, 1)), ' ›'))));
  if (!department) {
    target.append(h('p', { class: 'error-box' }, t('calendar.noSuchDepartment')));
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
  else {
    target.append(h('p', { class: 'error-box', role: 'alert' },
      t('calendar.previewFailed', { detail: previews.error })));
  }

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
      h('button', { type: 'button', class: 'day-button', 'aria-label': voucher
        ? t('calendar.dayWithVoucher', { day: longDate(day), state: label, voucher })
        : t('calendar.dayLabel', { day: longDate(day), state: label }), onclick: () => openDay(panel, day, state, {
        revisions: revisionsByDay[day] || [], preview: previewByDay[day], lockDate, departmentId, onJob, onCorrect,
        table }) },
      h('span', { class: 'day-number' }, dayNumber),
      h('span', { class: 'day-label' }, label),
      voucher ? h('span', { class: 'day-voucher' }, t('calendar.voucherNo', { voucher })) : null));
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
    h('thead', {}, h('tr', {}, shortWeekdays().map(w => h('th', { scope: 'col' }, w)))),
    h('tbody', {}, rows));

  const used = new Set(cells.map(c => c.dataset.state));
  const legend = h('ul', { class: 'legend', 'aria-label': t('calendar.colours') },
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
      jobBox.append(h('p', {}, h('a', { href: link(month), id: 'show-new-outcomes', onclick: event => {
        event.preventDefault();
        context.go(`${link(month)}&refreshed=${Date.now()}`);
      } }, t('calendar.showNewOutcomes'))));
    } catch (e) {
      periodError.textContent = e.message;
    } finally {
      for (const b of periodForm.querySelectorAll('button')) b.disabled = false;
    }
  }
  const periodForm = h('form', { class: 'period-form', novalidate: true, 'aria-labelledby': 'period-title',
    'data-writes': true,
    onsubmit: event => event.preventDefault() },
  h('h2', { id: 'period-title' }, t('calendar.periodTitle')),
  h('p', { class: 'hint' }, t('calendar.periodHint')),
  h('div', { class: 'row' },
    h('div', { class: 'field inline' }, h('label', { for: 'period-from' }, t('calendar.from')), from),
    h('div', { class: 'field inline' }, h('label', { for: 'period-to' }, t('calendar.to')), to),
    h('button', { type: 'button', id: 'export-period', onclick: () => onJob('export', from.value, to.value) },
      t('calendar.exportPeriod')),
    h('button', { type: 'button', class: 'secondary', id: 'replay-period', onclick: () =>
      onJob('replay', from.value, to.value) }, t('calendar.replayPeriod'))),
  periodError, jobBox);

  target.append(legend, h('div', { class: 'calendar-layout' }, h('div', { class: 'calendar-main' }, table), panel),
    periodForm);

  const opened = params.get('day') || (context.again && openedDay?.departmentId === departmentId
    && openedDay.day.startsWith(month) ? openedDay.day : null);
  openedDay = null;
  const openedCell = cells.find(c => c.dataset.date === opened && c.dataset.state !== 'future');
  if (openedCell) openedCell.querySelector('button').click();
}

function openDay(panel, day, state, { revisions, preview, lockDate, departmentId, onJob, onCorrect, table }) {
  for (const cell of table.querySelectorAll('td.selected')) cell.classList.remove('selected');
  table.querySelector(`td[data-date="${day}"]`)?.classList.add('selected');
  const latest = newest(revisions);
  openedDay = { departmentId, day };
  const correction = lastCorrection && lastCorrection.departmentId === departmentId && lastCorrection.day === day
    ? lastCorrection.job : null;
  lastCorrection = null;
  // data-focus: opened while the calendar is built (…&day=), the focus goes to the day once it is shown
  const heading = h('h2', { tabindex: '-1', id: 'day-title', 'data-focus': true }, longDate(day));
  replace(panel,
    h('div', { class: 'day-panel-head' }, heading,
      h('button', { type: 'button', class: 'secondary close', 'aria-label': t('day.close'), onclick: () => {
        panel.hidden = true;
        openedDay = null;
        table.querySelector(`td[data-date="${day}"] button`)?.focus();
      } }, '×')),
    h('p', {}, h('span', { class: `badge state state-${state}` }, STATES[state].label), ' ', STATES[state].explain),
    latest && latest.message ? h('p', { class: state === 'failed' ? 'bad' : 'muted' }, latest.message) : null,
    state === 'locked' && lockDate ? h('p', { class: 'muted' }, t('day.lockDate', { date: date(lockDate) })) : null,
    correction ? h('section', { class: 'correction', id: 'correction-result', 'aria-labelledby': 'correction-title' },
      h('h3', { id: 'correction-title' }, t('day.correction')), resultsTable(correction.results || [])) : null,
    latest && latest.status === 'POSTED' && latest.drift ? driftSection(latest, day, onCorrect) : null,
    preview ? previewSection(preview) : h('p', { class: 'muted' }, t('day.noPreview')),
    revisions.length ? revisionsSection(revisions, departmentId, day) : null,
    reportActions(departmentId, day, latest),
    h('div', { class: 'actions', 'data-writes': true },
      h('button', { type: 'button', onclick: () => onJob('export', day, day) }, t('day.exportDay')),
      // a locked drift is booked by hand: a replay would only answer LOCKED
      state === 'drifted-locked' ? null : h('button', { type: 'button', class: 'secondary', onclick: () =>
        onJob('replay', day, day) }, t('day.replayDay'))));
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
  const byHand = d => ({ account: d.account ?? t('voucher.missing'), vat: d.vatCode ?? '-' });
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
  } }, t('drift.correct'));
  return h('section', { class: 'drift', id: 'drift', 'aria-labelledby': 'drift-title' },
    h('h3', { id: 'drift-title' }, t('drift.changedSincePosted')),
    h('p', { class: 'muted' }, t('drift.revisionAgainstPos', { revision: latest.revision,
      since: dateTime(drift.since) })),
    h('table', { class: 'differences' },
      h('caption', { class: 'visually-hidden' }, t('drift.differencesCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('voucher.account')),
        h('th', { scope: 'col' }, t('voucher.vat')), h('th', { scope: 'col', class: 'num' }, t('drift.posted')),
        h('th', { scope: 'col', class: 'num' }, t('drift.now')),
        h('th', { scope: 'col', class: 'num' }, t('drift.difference')))),
      h('tbody', {}, drift.differences.map(d => h('tr', { 'data-account': d.account ?? '' },
        h('td', {}, d.account ?? t('voucher.missing')), h('td', {}, d.vatCode ?? ''),
        h('td', { class: 'num amount posted' }, amount(d.posted)), h('td', { class: 'num amount now' }, amount(d.now)),
        h('td', { class: 'num amount difference' }, amount(difference(d))))))),
    drift.locked
      ? h('div', { class: 'by-hand', id: 'drift-by-hand' },
        h('p', { class: 'bad' }, t('drift.lockedByHand')),
        h('ul', {}, drift.differences.map(d => h('li', {},
          difference(d) > 0 ? t('drift.byHandDebit', byHand(d)) : t('drift.byHandCredit', byHand(d)), ' ',
          h('span', { class: 'amount' }, amount(Math.abs(difference(d))))))))
      : h('div', { 'data-writes': true },
        h('p', { class: 'hint' }, t('drift.correctHint', { revision: latest.revision + 1 })),
        h('div', { class: 'actions' }, button), error, box));
}

function previewSection(p) {
  const total = sum(p.lines.filter(l => Number(l.amount) > 0).map(l => l.amount));
  return h('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
    h('h3', { id: 'preview-title' }, t('voucher.preview')),
    h('p', { class: 'muted' }, p.closed ? t('voucher.zReport', { z: p.zNumber })
      : t('voucher.noZReport')),
    p.problems.length ? [h('h4', {}, t('voucher.problems')),
      h('ul', { class: 'problems' }, p.problems.map(x => h('li', {}, x)))] : null,
    p.lines.length ? h('table', { class: 'lines' },
      h('caption', { class: 'visually-hidden' }, t('voucher.lines')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('voucher.account')),
        h('th', { scope: 'col' }, t('voucher.vat')), h('th', { scope: 'col' }, t('voucher.description')),
        h('th', { scope: 'col', class: 'num' }, t('voucher.amount')))),
      h('tbody', {}, p.lines.map(l => h('tr', { class: l.account === null ? 'blank-account' : null },
        h('td', {}, l.account ?? t('voucher.missing')), h('td', {}, l.vatCode ?? ''), h('td', {}, l.description),
        h('td', { class: 'num amount' }, amount(l.amount))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '3' }, t('voucher.debitEqualsCredit')),
        h('td', { class: 'num amount' }, amount(total)))))
      : (p.closed ? h('p', {}, t('voucher.nothingToPost')) : null),
    p.excluded.length ? [h('h4', {}, t('voucher.excluded')), h('table', { class: 'excluded' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('voucher.why')),
        h('th', { scope: 'col', class: 'num' }, t('voucher.orders')),
        h('th', { scope: 'col', class: 'num' }, t('voucher.amount')))),
      h('tbody', {}, p.excluded.map(x => h('tr', {}, h('td', {}, x.reason), h('td', { class: 'num' }, x.orders),
        h('td', { class: 'num amount' }, amount(x.amount))))))] : null,
    p.tips.length ? [h('h4', {}, t('voucher.tips')), h('table', { class: 'tips' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('voucher.paymentType')),
        h('th', { scope: 'col', class: 'num' }, t('voucher.amount')))),
      h('tbody', {}, p.tips.map(tip => h('tr', {}, h('td', {}, tip.paymentType),
        h('td', { class: 'num amount' }, amount(tip.amount))))))] : null);
}

/** The state of a revision's documentation (the day's report attached in PowerOffice) as shown. */
function documentationText(state) {
  const texts = {
    ATTACHED: t('documentation.attached'),
    PENDING: t('documentation.pending'),
    FAILED: t('documentation.failed'),
    NOT_ALLOWED: t('documentation.notAllowed'),
    OFF: t('documentation.off'),
  };
  return texts[state] ?? state;
}

/** A ledger row's status (ExportLedger.Status) as shown; English keeps the server's names. */
function ledgerStatusText(status) {
  const texts = {
    CLAIMED: t('ledger.claimed'), SENDING: t('ledger.sending'), POSTED: t('ledger.posted'),
    FAILED: t('ledger.failed'), REVERSING: t('ledger.reversing'), REVERSED: t('ledger.reversed'),
  };
  return texts[status] ?? status;
}

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
      if (cell) cell.textContent = answer.documentation ? documentationText(answer.documentation) : '';
      if (answer.message) show(new Error(answer.message));
    } catch (e) {
      show(e);
    }
  };
  return h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'day-report-pdf', onclick: () =>
      openPdf(`/api/departments/${departmentId}/exports/${day}/report.pdf`).catch(show) },
    posted ? t('report.pdf') : t('report.previewPdf')),
    posted ? h('button', { type: 'button', class: 'secondary', id: 'attach-documentation', 'data-writes': true,
      onclick: attach }, t('report.attachAgain')) : null,
    error);
}

function revisionsSection(revisions, departmentId, day) {
  return h('section', { class: 'revisions', 'aria-labelledby': 'revisions-title' },
    h('h3', { id: 'revisions-title' }, t('ledger.title')),
    // seven columns: scrolled within the panel rather than widening the page
    h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ledger.revision')),
        h('th', { scope: 'col' }, t('ledger.status')), h('th', { scope: 'col', class: 'num' }, t('ledger.voucher')),
        h('th', { scope: 'col' }, t('ledger.postedAt')), h('th', { scope: 'col', class: 'num' }, t('ledger.total')),
        h('th', { scope: 'col' }, t('ledger.documentation')), h('th', { scope: 'col' }, t('ledger.note')))),
      h('tbody', {}, [...revisions].sort((a, b) => a.revision - b.revision).map(r => h('tr',
        { id: `revision-${r.revision}` },
        h('td', {}, r.revision), h('td', { 'data-status': r.status }, ledgerStatusText(r.status)),
        h('td', { class: 'num' }, r.voucherNo ?? ''),
        h('td', {}, dateTime(r.postedAt)), h('td', { class: 'num amount' }, amount(r.total)),
        h('td', { class: 'documentation', title: r.documentationMessage || '' },
          r.documentation ? [documentationText(r.documentation), ' ',
            h('button', { type: 'button', class: 'link', onclick: event =>
              openPdf(`/api/departments/${departmentId}/exports/${day}/report.pdf?revision=${r.revision}`)
                .catch(e => { event.target.title = e.message; }) }, t('report.pdfLink'))] : ''),
        h('td', {}, r.message || '')))))));
}

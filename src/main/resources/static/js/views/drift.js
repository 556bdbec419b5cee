// Drift: every posted day, of any department, whose voucher would differ today (GET /api/drift), each linked to
// its day in the ledger calendar, where it is corrected (or, on a locked day, said what to book by hand); and a
// pass of the drift watch started now instead of waiting for its schedule.
import { get } from '../api.js';
import { h } from '../dom.js';
import { dateTime, longDate } from '../format.js';
import { runDriftWatch } from '../jobs.js';

export const title = 'Drift';

export async function render(target, params, context) {
  const [departments, open] = await Promise.all([context.departments(), get('/api/drift')]);
  const names = Object.fromEntries(departments.map(d => [d.id, d.name]));
  target.append(h('h1', { tabindex: '-1' }, 'Changed since posted'),
    h('p', { class: 'lead' }, 'Posted days whose POS figures (or mappings) changed afterwards, as the drift watch '
      + 'found them. Open a day to see the differences and correct it.'));
  target.append(open.length === 0
    ? h('p', { class: 'ok', id: 'no-drift' }, 'No posted day differs from the POS.')
    : h('div', { class: 'table-scroll' }, h('table', { class: 'results', id: 'drift-list' },
      h('thead', {}, h('tr', {}, ['Department', 'Day', 'Revision', 'Found', 'Differences', ''].map(x =>
        h('th', { scope: 'col' }, x)))),
      h('tbody', {}, open.map(d => h('tr', { 'data-department-id': d.departmentId, 'data-date': d.businessDate },
        h('td', {}, names[d.departmentId] || `Department ${d.departmentId}`),
        h('td', {}, h('a', { href: `#/calendar?department=${d.departmentId}&month=${d.businessDate.slice(0, 7)}`
          + `&day=${d.businessDate}` }, longDate(d.businessDate))),
        h('td', {}, d.revision), h('td', {}, dateTime(d.since)),
        h('td', {}, d.differences.map(x => x.account).join(', ')),
        h('td', {}, d.locked ? h('span', { class: 'badge state state-drifted-locked' }, 'Locked: book by hand')
          : h('span', { class: 'badge state state-drifted' }, 'To correct'))))))));

  const box = h('div', { class: 'job-box', id: 'drift-job-box' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const button = h('button', { type: 'button', id: 'run-drift-watch', onclick: async () => {
    button.disabled = true;
    error.textContent = '';
    try {
      await runDriftWatch(box);
      box.append(h('p', {}, h('a', { href: '#/drift', onclick: event => {
        event.preventDefault();
        context.go(`#/drift?refreshed=${Date.now()}`);
      } }, 'Show the list with what it found')));
    } catch (e) {
      error.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  } }, 'Run the drift watch now');
  target.append(h('section', { class: 'period-form', 'data-writes': true, 'aria-labelledby': 'drift-run-title' },
    h('h2', { id: 'drift-run-title' }, 'Look again now'),
    h('p', { class: 'hint' }, 'The drift watch runs every morning by itself (DRIFT_CRON). A pass compares every '
      + 'connected department\'s recently posted days with the POS; with automatic correction on, it corrects them '
      + 'too.'),
    h('div', { class: 'actions' }, button), error, box));
}

// Drift: every posted day, of any department, whose voucher would differ today (GET /api/drift), each linked to
// its day in the ledger calendar, where it is corrected (or, on a locked day, said what to book by hand); and a
// pass of the drift watch started now instead of waiting for its schedule.
import { get } from '../api.js';
import { h } from '../dom.js';
import { dateTime, longDate } from '../format.js';
import { t } from '../i18n.js';
import { runDriftWatch } from '../jobs.js';

export const title = () => t('driftList.title');

export async function render(target, params, context) {
  const [departments, open] = await Promise.all([context.departments(), get('/api/drift')]);
  const names = Object.fromEntries(departments.map(d => [d.id, d.name]));
  target.append(h('h1', { tabindex: '-1' }, t('driftList.heading')),
    h('p', { class: 'lead' }, t('driftList.lead')));
  target.append(open.length === 0
    ? h('p', { class: 'ok', id: 'no-drift' }, t('driftList.none'))
    : h('div', { class: 'table-scroll' }, h('table', { class: 'results', id: 'drift-list' },
      h('thead', {}, h('tr', {}, [t('driftList.department'), t('driftList.day'), t('driftList.revision'),
        t('driftList.found'), t('driftList.differences'), ''].map(x =>
        h('th', { scope: 'col' }, x)))),
      h('tbody', {}, open.map(d => h('tr', { 'data-department-id': d.departmentId, 'data-date': d.businessDate },
        h('td', {}, names[d.departmentId] || t('driftList.departmentNo', { id: d.departmentId })),
        h('td', {}, h('a', { href: `#/calendar?department=${d.departmentId}&month=${d.businessDate.slice(0, 7)}`
          + `&day=${d.businessDate}` }, longDate(d.businessDate))),
        h('td', {}, d.revision), h('td', {}, dateTime(d.since)),
        h('td', {}, d.differences.map(x => x.account).join(', ')),
        h('td', {}, d.locked ? h('span', { class: 'badge state state-drifted-locked' }, t('driftList.lockedByHand'))
          : h('span', { class: 'badge state state-drifted' }, t('driftList.toCorrect')))))))));

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
      } }, t('driftList.showFound'))));
    } catch (e) {
      error.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  } }, t('driftList.runNow'));
  target.append(h('section', { class: 'period-form', 'data-writes': true, 'aria-labelledby': 'drift-run-title' },
    h('h2', { id: 'drift-run-title' }, t('driftList.lookAgain')),
    h('p', { class: 'hint' }, t('driftList.lookAgainHint')),
    h('div', { class: 'actions' }, button), error, box));
}

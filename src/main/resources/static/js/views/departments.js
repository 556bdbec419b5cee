// Departments: each POS department with its PowerOffice connection, automatic export and invoicing, and the setup
// check (GET /api/departments/{id}/check) in plain words; a department can be connected or changed here, including
// whether the drift watch corrects its changed days by itself (autoCorrect).
import { call } from '../api.js';
import { h, options, replace } from '../dom.js';
import { field, fieldNamed, numberOrText, textOrNull } from '../forms.js';
import { date } from '../format.js';
import { t } from '../i18n.js';

export const title = () => t('departments.title');

export async function render(target, params, context) {
  const departments = await context.departments(true);
  target.append(
    h('h1', { tabindex: '-1' }, t('departments.title')),
    h('p', { class: 'lead' }, t('departments.lead')));
  const saved = departments.find(d => String(d.id) === params.get('saved'));
  if (saved) {
    target.append(h('p', { class: 'ok', role: 'status' }, t('departments.saved', { name: saved.name })));
  }
  const grid = h('div', { class: 'cards' });
  target.append(grid);
  for (const department of departments) {
    grid.append(card(department, context));
  }
}

function onOff(on, since) {
  return on ? h('span', { class: 'badge badge-on' }, since ? t('departments.onFrom', { date: date(since) })
    : t('departments.on'))
    : h('span', { class: 'badge badge-off' }, t('departments.off'));
}

function card(department, context) {
  const c = department.connection;
  const checkBox = h('div', { class: 'check', 'aria-live': 'polite' });
  const formSlot = h('div');
  const section = h('section', { class: 'card department', id: `department-${department.id}`,
    'aria-labelledby': `department-${department.id}-title` },
  h('h2', { id: `department-${department.id}-title` }, department.name, ' ',
    h('span', { class: 'muted' }, t('departments.posDepartment', { id: department.id }))),
  h('dl', { class: 'facts' },
    h('dt', {}, t('departments.powerOffice')), h('dd', {}, c
      ? t('departments.connectedTo', { client: c.powerOfficeClientName || t('departments.aClient') })
      : h('span', { class: 'badge badge-off' }, t('departments.notConnected'))),
    c && [
      h('dt', {}, t('departments.clientKey')), h('dd', {}, h('code', {}, c.clientKey)),
      h('dt', {}, t('departments.applicationKey')), h('dd', {}, c.applicationKeySlot === 0
        ? t('departments.standardExtension') : t('departments.addOn', { slot: c.applicationKeySlot })),
      h('dt', {}, t('departments.powerOfficeDepartment')),
      h('dd', {}, c.powerOfficeDepartmentCode || t('departments.none')),
      h('dt', {}, t('departments.businessDayStarts')), h('dd', {}, c.businessDayStart),
      h('dt', {}, t('departments.autoExport')), h('dd', { class: 'auto-export' }, onOff(c.autoExport, c.exportFrom)),
      h('dt', {}, t('departments.autoInvoicing')), h('dd', { class: 'auto-invoicing' },
        onOff(c.autoInvoicing, c.invoicingFrom)),
      h('dt', {}, t('departments.autoCorrect')), h('dd', { class: 'auto-correct' }, onOff(c.autoCorrect)),
    ]),
  h('h3', {}, t('departments.setupCheck')),
  checkBox,
  h('div', { class: 'actions' },
    h('a', { class: 'button-link', href: `#/calendar?department=${department.id}` }, t('calendar.title')),
    h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'data-writes': true,
      'aria-controls': `connection-form-${department.id}`, onclick: event => {
        const open = event.currentTarget.getAttribute('aria-expanded') === 'true';
        event.currentTarget.setAttribute('aria-expanded', String(!open));
        if (open) formSlot.replaceChildren();
        else {
          replace(formSlot, connectionForm(department, context));
          formSlot.querySelector('input')?.focus();
        }
      } }, c ? t('departments.changeConnection') : t('departments.connect'))),
  formSlot);
  runCheck(department, checkBox);
  return section;
}

async function runCheck(department, box) {
  replace(box, h('p', { class: 'muted' }, t('departments.checking')));
  try {
    const reply = await call('GET', `/api/departments/${department.id}/check`);
    const problems = reply.body || [];
    const lockDate = reply.headers.get('X-PowerOffice-Lock-Date');
    replace(box,
      problems.length === 0
        ? h('p', { class: 'ok' }, t('departments.ready'))
        : [h('p', { class: 'bad' }, problems.length === 1 ? t('departments.oneToFix')
          : t('departments.manyToFix', { count: problems.length })),
        h('ul', { class: 'problems' }, problems.map(p => h('li', {}, p)))],
      lockDate ? h('p', { class: 'muted' }, t('departments.lockedUpTo', { date: date(lockDate) })) : null);
  } catch (e) {
    replace(box, h('p', { class: 'bad' }, t('departments.checkFailed', { detail: e.message })));
  }
}

const FIELDS = ['clientKey', 'applicationKeySlot', 'powerOfficeDepartmentCode', 'businessDayStart', 'autoExport',
  'autoInvoicing', 'exportFrom', 'invoicingFrom', 'autoCorrect'];

function connectionForm(department, context) {
  const c = department.connection || {};
  const id = name => `d${department.id}-${name}`;
  const f = {
    clientKey: field(id('clientKey'), t('departments.clientKey'), h('input', { type: 'password', autocomplete: 'off',
      spellcheck: 'false' }), c.clientKey ? t('departments.clientKeyAgain') : t('departments.clientKeyWhere')),
    applicationKeySlot: field(id('applicationKeySlot'), t('departments.applicationKey'), h('select', {},
      options([{ value: 0, label: t('departments.standardExtension') }].concat(Array.from({ length: 9 },
        (_, i) => ({ value: i + 1, label: t('departments.addOn', { slot: i + 1 }) }))), c.applicationKeySlot ?? 0))),
    powerOfficeDepartmentCode: field(id('powerOfficeDepartmentCode'), t('departments.departmentCode'),
      h('input', { type: 'text', value: c.powerOfficeDepartmentCode || '' }), t('departments.departmentCodeHint')),
    businessDayStart: field(id('businessDayStart'), t('departments.businessDayStartsAt'), h('input', { type: 'time',
      value: c.businessDayStart || '05:00' })),
    exportFrom: field(id('exportFrom'), t('departments.exportFrom'), h('input', { type: 'date',
      value: c.exportFrom || '' }), t('departments.exportFromHint')),
    invoicingFrom: field(id('invoicingFrom'), t('departments.invoicingFrom'), h('input', { type: 'date',
      value: c.invoicingFrom || '' }), t('departments.invoicingFromHint')),
  };
  const autoExport = h('input', { type: 'checkbox', id: id('autoExport'), checked: c.autoExport });
  const autoInvoicing = h('input', { type: 'checkbox', id: id('autoInvoicing'), checked: c.autoInvoicing });
  const autoCorrect = h('input', { type: 'checkbox', id: id('autoCorrect'), checked: c.autoCorrect,
    'aria-describedby': id('autoCorrect-hint') });
  const formError = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'connection-form', id: `connection-form-${department.id}`, novalidate: true,
    'data-writes': true,
    'aria-label': t('departments.connectionOf', { name: department.name }) },
  Object.values(f).map(x => x.wrapper),
  h('div', { class: 'field checkbox' }, autoExport, h('label', { for: id('autoExport') }, t('departments.autoExport'))),
  h('div', { class: 'field checkbox' }, autoInvoicing,
    h('label', { for: id('autoInvoicing') }, t('departments.autoInvoicingLabel'))),
  h('div', { class: 'field checkbox' }, autoCorrect,
    h('label', { for: id('autoCorrect') }, t('departments.autoCorrectLabel')),
    h('p', { class: 'hint', id: id('autoCorrect-hint') }, t('departments.autoCorrectHint'))),
  formError,
  h('button', { type: 'submit' }, t('departments.saveConnection')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.values(f).forEach(x => x.setError(null));
    formError.textContent = '';
    const body = {
      clientKey: textOrNull(f.clientKey.input.value),
      applicationKeySlot: numberOrText(f.applicationKeySlot.input.value),
      powerOfficeDepartmentCode: textOrNull(f.powerOfficeDepartmentCode.input.value),
      businessDayStart: textOrNull(f.businessDayStart.input.value),
      autoExport: autoExport.checked,
      autoInvoicing: autoInvoicing.checked,
      exportFrom: textOrNull(f.exportFrom.input.value),
      invoicingFrom: textOrNull(f.invoicingFrom.input.value),
      autoCorrect: autoCorrect.checked,
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await call('PUT', `/api/departments/${department.id}/connection`, body);
      context.go(`#/departments?saved=${department.id}`);
    } catch (e) {
      const name = fieldNamed(e.message, FIELDS);
      if (name && f[name]) {
        f[name].setError(e.message);
        f[name].input.focus();
      } else {
        formError.textContent = e.message;
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

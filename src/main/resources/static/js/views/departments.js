// Departments: each POS department with its PowerOffice connection, automatic export and invoicing, and the setup
// check (GET /api/departments/{id}/check) in plain words; a department can be connected or changed here, including
// whether the drift watch corrects its changed days by itself (autoCorrect).
import { call } from '../api.js';
import { h, options, replace } from '../dom.js';
import { field, fieldNamed, numberOrText, textOrNull } from '../forms.js';
import { date } from '../format.js';

export const title = 'Departments';

export async function render(target, params, context) {
  const departments = await context.departments(true);
  target.append(
    h('h1', { tabindex: '-1' }, 'Departments'),
    h('p', { class: 'lead' }, 'Each POS department is tied to one PowerOffice GO client with a client key of its '
      + 'own. The setup check asks PowerOffice whether everything a voucher needs is there.'));
  const saved = departments.find(d => String(d.id) === params.get('saved'));
  if (saved) {
    target.append(h('p', { class: 'ok', role: 'status' }, `The connection of ${saved.name} is saved.`));
  }
  const grid = h('div', { class: 'cards' });
  target.append(grid);
  for (const department of departments) {
    grid.append(card(department, context));
  }
}

function onOff(on, since) {
  return on ? h('span', { class: 'badge badge-on' }, since ? `On, from ${date(since)}` : 'On')
    : h('span', { class: 'badge badge-off' }, 'Off');
}

function card(department, context) {
  const c = department.connection;
  const checkBox = h('div', { class: 'check', 'aria-live': 'polite' });
  const formSlot = h('div');
  const section = h('section', { class: 'card department', id: `department-${department.id}`,
    'aria-labelledby': `department-${department.id}-title` },
  h('h2', { id: `department-${department.id}-title` }, department.name, ' ',
    h('span', { class: 'muted' }, `(POS department ${department.id})`)),
  h('dl', { class: 'facts' },
    h('dt', {}, 'PowerOffice'), h('dd', {}, c ? `Connected to ${c.powerOfficeClientName || 'a client'}`
      : h('span', { class: 'badge badge-off' }, 'Not connected')),
    c && [
      h('dt', {}, 'Client key'), h('dd', {}, h('code', {}, c.clientKey)),
      h('dt', {}, 'Application key'), h('dd', {}, c.applicationKeySlot === 0 ? 'Standard extension (slot 0)'
        : `Add-on ${c.applicationKeySlot}`),
      h('dt', {}, 'PowerOffice department'), h('dd', {}, c.powerOfficeDepartmentCode || 'None'),
      h('dt', {}, 'Business day starts'), h('dd', {}, c.businessDayStart),
      h('dt', {}, 'Automatic export'), h('dd', { class: 'auto-export' }, onOff(c.autoExport, c.exportFrom)),
      h('dt', {}, 'Automatic invoicing'), h('dd', { class: 'auto-invoicing' },
        onOff(c.autoInvoicing, c.invoicingFrom)),
      h('dt', {}, 'Automatic correction'), h('dd', { class: 'auto-correct' }, onOff(c.autoCorrect)),
    ]),
  h('h3', {}, 'Setup check'),
  checkBox,
  h('div', { class: 'actions' },
    h('a', { class: 'button-link', href: `#/calendar?department=${department.id}` }, 'Ledger calendar'),
    h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'data-writes': true,
      'aria-controls': `connection-form-${department.id}`, onclick: event => {
        const open = event.currentTarget.getAttribute('aria-expanded') === 'true';
        event.currentTarget.setAttribute('aria-expanded', String(!open));
        if (open) formSlot.replaceChildren();
        else {
          replace(formSlot, connectionForm(department, context));
          formSlot.querySelector('input')?.focus();
        }
      } }, c ? 'Change connection' : 'Connect')),
  formSlot);
  runCheck(department, checkBox);
  return section;
}

async function runCheck(department, box) {
  replace(box, h('p', { class: 'muted' }, 'Checking with PowerOffice…'));
  try {
    const reply = await call('GET', `/api/departments/${department.id}/check`);
    const problems = reply.body || [];
    const lockDate = reply.headers.get('X-PowerOffice-Lock-Date');
    replace(box,
      problems.length === 0
        ? h('p', { class: 'ok' }, 'Ready: nothing stands between this department and a posted voucher.')
        : [h('p', { class: 'bad' }, problems.length === 1 ? 'One thing to fix before days can be posted:'
          : `${problems.length} things to fix before days can be posted:`),
        h('ul', { class: 'problems' }, problems.map(p => h('li', {}, p)))],
      lockDate ? h('p', { class: 'muted' }, `PowerOffice is locked up to and including ${date(lockDate)}: days on `
        + 'or before it cannot be posted.') : null);
  } catch (e) {
    replace(box, h('p', { class: 'bad' }, `The check could not run: ${e.message}`));
  }
}

const FIELDS = ['clientKey', 'applicationKeySlot', 'powerOfficeDepartmentCode', 'businessDayStart', 'autoExport',
  'autoInvoicing', 'exportFrom', 'invoicingFrom', 'autoCorrect'];

function connectionForm(department, context) {
  const c = department.connection || {};
  const id = name => `d${department.id}-${name}`;
  const f = {
    clientKey: field(id('clientKey'), 'Client key', h('input', { type: 'password', autocomplete: 'off',
      spellcheck: 'false' }), c.clientKey ? 'The server never shows the key again: paste it to save any change.'
      : 'From PowerOffice GO: Settings → Extensions → the extension\'s client key.'),
    applicationKeySlot: field(id('applicationKeySlot'), 'Application key', h('select', {},
      options([{ value: 0, label: 'Standard extension (slot 0)' }].concat(Array.from({ length: 9 },
        (_, i) => ({ value: i + 1, label: `Add-on ${i + 1}` }))), c.applicationKeySlot ?? 0))),
    powerOfficeDepartmentCode: field(id('powerOfficeDepartmentCode'), 'PowerOffice department code',
      h('input', { type: 'text', value: c.powerOfficeDepartmentCode || '' }), 'Empty when the client does not use '
        + 'departments.'),
    businessDayStart: field(id('businessDayStart'), 'Business day starts at', h('input', { type: 'time',
      value: c.businessDayStart || '05:00' })),
    exportFrom: field(id('exportFrom'), 'Automatic export from', h('input', { type: 'date',
      value: c.exportFrom || '' }), 'Empty: the day after the last exported day.'),
    invoicingFrom: field(id('invoicingFrom'), 'Automatic invoicing from', h('input', { type: 'date',
      value: c.invoicingFrom || '' }), 'Empty: the day invoicing is turned on.'),
  };
  const autoExport = h('input', { type: 'checkbox', id: id('autoExport'), checked: c.autoExport });
  const autoInvoicing = h('input', { type: 'checkbox', id: id('autoInvoicing'), checked: c.autoInvoicing });
  const autoCorrect = h('input', { type: 'checkbox', id: id('autoCorrect'), checked: c.autoCorrect,
    'aria-describedby': id('autoCorrect-hint') });
  const formError = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'connection-form', id: `connection-form-${department.id}`, novalidate: true,
    'data-writes': true,
    'aria-label': `Connection of ${department.name}` },
  Object.values(f).map(x => x.wrapper),
  h('div', { class: 'field checkbox' }, autoExport, h('label', { for: id('autoExport') }, 'Automatic export')),
  h('div', { class: 'field checkbox' }, autoInvoicing,
    h('label', { for: id('autoInvoicing') }, 'Automatic invoicing of credit orders')),
  h('div', { class: 'field checkbox' }, autoCorrect,
    h('label', { for: id('autoCorrect') }, 'Correct changed days automatically'),
    h('p', { class: 'hint', id: id('autoCorrect-hint') }, 'When the drift watch finds a posted day whose POS figures '
      + 'changed, it reverses the voucher and posts the day again by itself. Off: it only marks the day and alerts; '
      + 'you correct it in the ledger calendar. A day on or before the lock date is never corrected.')),
  formError,
  h('button', { type: 'submit' }, 'Save connection'));
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

// Mappings: product types, VAT codes, payment types and the rounding account in one form that shows what is still
// missing; every account, VAT code and product code is picked from PowerOffice's lists (pickers.js); saving sends
// each changed row through its PUT call and shows a refusal next to the field it names.
import { call, get } from '../api.js';
import { h, replace } from '../dom.js';
import { fieldNamed, numberOrText, setError, textOrNull } from '../forms.js';
import { attachPickers, loadChoices, refuseInvalid, TEXT as PICKER_TEXT } from '../pickers.js';

export const title = 'Mappings';

export async function render(target) {
  const [mappings, choices] = await Promise.all([get('/api/mappings'), loadChoices()]);
  const missingBox = h('div', { class: 'missing', id: 'missing', 'aria-live': 'polite' });
  const rows = [];

  const productTypes = mappings.productTypes.map(t => row(rows, {
    key: `product-type-${t.id}`, url: `/api/mappings/product-types/${t.id}`, name: t.name,
    fields: [
      ['standardAccount', 'revenue account, standard VAT', t.standardAccount, numberOrText, true],
      ['reducedAccount', 'revenue account, reduced VAT', t.reducedAccount, numberOrText, !t.isGiftCard],
      ['standardProductCode', 'PowerOffice product code, standard VAT', t.standardProductCode, textOrNull, false],
      ['reducedProductCode', 'PowerOffice product code, reduced VAT', t.reducedProductCode, textOrNull, false],
    ],
  }));
  const vatCodes = mappings.vatCodes.map(v => row(rows, {
    key: `vat-code-${v.id}`, url: `/api/mappings/vat-codes/${v.id}`, name: `${v.name} (${Number(v.rate)} %)`,
    fields: [['powerOfficeVatCode', 'PowerOffice VAT code', v.powerOfficeVatCode, textOrNull, true]],
  }));
  const paymentTypes = mappings.paymentTypes.map(p => row(rows, {
    key: `payment-type-${p.id}`, url: `/api/mappings/payment-types/${p.id}`, name: p.name,
    fields: [
      ['account', 'account', p.account, numberOrText, p.transferToAccounting !== false],
      ['transferToAccounting', 'transfer to accounting', p.transferToAccounting, v => (v === '' ? null : v === 'true'),
        true, 'transfer'],
    ],
  }));
  const rounding = row(rows, {
    key: 'rounding', url: '/api/mappings/rounding', name: 'Øreavrunding (cash rounding)',
    fields: [['account', 'rounding account', mappings.rounding.account, numberOrText, true]],
  });

  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { id: 'mappings-form', novalidate: true },
    fieldset('Product types', 'Revenue accounts per product type: one for sales at the standard VAT rate, one for '
      + 'the reduced (takeaway) rate; product codes are needed only for invoicing credit orders.',
    ['Product type', 'Account, standard VAT', 'Account, reduced VAT', 'Product code, standard',
      'Product code, reduced'], productTypes),
    fieldset('VAT codes', 'The PowerOffice (SAF-T) VAT code of each POS VAT code, e.g. 3 (25 %), 31 (15 %), 33 '
      + '(12 %), 5 (0 %).', ['POS VAT code', 'PowerOffice VAT code'], vatCodes),
    fieldset('Payment types', 'The account of each payment type (a clearing account for cards, 1900 for cash). A '
      + 'type that does not transfer to accounting (credit orders that are invoiced) needs no account.',
    ['Payment type', 'Account', 'Transfer to accounting'], paymentTypes),
    fieldset('Rounding', 'The account of the cash rounding (øreavrunding).', ['', 'Account'], [rounding]),
    h('div', { class: 'actions sticky', 'data-writes': true }, h('button', { type: 'submit', id: 'save-mappings' },
      'Save changes'),
      status));
  const pickerNote = attachPickers(form, choices);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const changed = rows.filter(r => r.changed());
    const refusedHere = refuseInvalid(changed.map(r => r.element));
    if (refusedHere) {
      status.textContent = PICKER_TEXT.refused(refusedHere);
      return;
    }
    if (!changed.length) {
      status.textContent = 'Nothing changed.';
      return;
    }
    form.querySelector('#save-mappings').disabled = true;
    status.textContent = 'Saving…';
    let refused = 0;
    for (const r of changed) {
      r.clearErrors();
      try {
        await call('PUT', r.url, r.body());
        r.saved();
      } catch (e) {
        if (e.status === 401) return;
        refused++;
        r.showError(e.message);
      }
    }
    form.querySelector('#save-mappings').disabled = false;
    const fresh = await get('/api/mappings');
    showMissing(missingBox, fresh.missing);
    rows.forEach(r => r.markMissing());
    status.textContent = refused ? `${changed.length - refused} saved, ${refused} refused: see the messages at the `
      + 'fields.' : `${changed.length} saved.`;
    if (refused) form.querySelector('[aria-invalid=true]')?.focus();
  });

  showMissing(missingBox, mappings.missing);
  target.append(h('h1', { tabindex: '-1' }, 'Mappings'),
    h('p', { class: 'lead' }, 'Where each POS product type, VAT code and payment type goes in PowerOffice GO. '
      + 'They apply to every department.'),
    missingBox, ...(pickerNote ? [pickerNote] : []), form);
}

function showMissing(box, missing) {
  replace(box, missing.length === 0
    ? h('p', { class: 'ok' }, 'Everything is mapped.')
    : [h('p', { class: 'bad' }, missing.length === 1 ? 'One thing is still missing:'
      : `${missing.length} things are still missing:`),
    h('ul', { class: 'problems' }, missing.map(m => h('li', {}, m)))]);
}

function fieldset(legend, hint, headers, rowElements) {
  return h('fieldset', {},
    h('legend', {}, legend),
    h('p', { class: 'hint' }, hint),
    h('div', { class: 'table-scroll' }, h('table', { class: 'mapping-table' },
      h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rowElements.map(r => r.element)))));
}

/** One mapping row: its inputs, what it sends, whether it changed, and its errors next to the fields. */
function row(rows, { key, url, name, fields }) {
  const inputs = {};
  const errors = {};
  const cells = fields.map(([field, label, value, read, required, kind]) => {
    const id = `${key}-${field}`;
    const input = kind === 'transfer'
      ? h('select', { id }, h('option', { value: '', selected: value === null }, '— choose —'),
        h('option', { value: 'true', selected: value === true }, 'Yes'),
        h('option', { value: 'false', selected: value === false }, 'No'))
      : h('input', { id, type: 'text', value: value ?? '', inputmode: read === numberOrText ? 'numeric' : null,
        autocomplete: 'off', size: read === numberOrText ? '7' : '10' });
    input.setAttribute('aria-describedby', `${id}-error`);
    input.dataset.required = String(required);
    inputs[field] = { input, read };
    errors[field] = h('span', { class: 'field-error', id: `${id}-error` });
    return h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `${name}: ${label}`), input, errors[field]);
  });
  const missingBadge = h('span', { class: 'badge badge-missing', hidden: true }, 'Missing');
  const element = h('tr', { id: key }, h('th', { scope: 'row' }, name, ' ', missingBadge), cells);
  const body = () => Object.fromEntries(Object.entries(inputs).map(([f, { input, read }]) => [f, read(input.value)]));
  let original = JSON.stringify(body());
  const r = {
    element, url,
    body,
    changed: () => JSON.stringify(body()) !== original,
    saved: () => {
      original = JSON.stringify(body());
    },
    clearErrors: () => Object.keys(inputs).forEach(f => setError(inputs[f].input, errors[f], null)),
    showError: message => {
      const f = fieldNamed(message, Object.keys(inputs)) || Object.keys(inputs)[0];
      setError(inputs[f].input, errors[f], message);
    },
    markMissing: () => {
      const transfer = inputs.transferToAccounting?.input.value;
      const missing = Object.entries(inputs).some(([f, { input }]) => input.value.trim() === ''
        && (input.dataset.required === 'true' && !(f === 'account' && transfer === 'false')));
      missingBadge.hidden = !missing;
      element.classList.toggle('row-missing', missing);
    },
  };
  r.markMissing();
  rows.push(r);
  return r;
}

// Mappings: product types, VAT codes, payment types and the rounding account in one form that shows what is still
// missing; every account, VAT code and product code is picked from PowerOffice's lists (pickers.js); saving sends
// each changed row through its PUT call and shows a refusal next to the field it names.
import { call, get } from '../api.js';
import { h, replace } from '../dom.js';
import { fieldNamed, numberOrText, setError, textOrNull } from '../forms.js';
import { attachPickers, loadChoices, refusedText, refuseInvalid } from '../pickers.js';
import { t } from '../i18n.js';

export const title = () => t('mappings.title');

export async function render(target) {
  const [mappings, choices] = await Promise.all([get('/api/mappings'), loadChoices()]);
  const missingBox = h('div', { class: 'missing', id: 'missing', 'aria-live': 'polite' });
  const rows = [];

  const productTypes = mappings.productTypes.map(type => row(rows, {
    key: `product-type-${type.id}`, url: `/api/mappings/product-types/${type.id}`, name: type.name,
    fields: [
      ['standardAccount', t('mappings.standardAccountLabel'), type.standardAccount, numberOrText, true],
      ['reducedAccount', t('mappings.reducedAccountLabel'), type.reducedAccount, numberOrText, !type.isGiftCard],
      ['standardProductCode', t('mappings.standardProductCodeLabel'), type.standardProductCode, textOrNull, false],
      ['reducedProductCode', t('mappings.reducedProductCodeLabel'), type.reducedProductCode, textOrNull, false],
    ],
  }));
  const vatCodes = mappings.vatCodes.map(v => row(rows, {
    key: `vat-code-${v.id}`, url: `/api/mappings/vat-codes/${v.id}`, name: `${v.name} (${Number(v.rate)} %)`,
    fields: [['powerOfficeVatCode', t('mappings.vatCodeLabel'), v.powerOfficeVatCode, textOrNull, true]],
  }));
  const paymentTypes = mappings.paymentTypes.map(p => row(rows, {
    key: `payment-type-${p.id}`, url: `/api/mappings/payment-types/${p.id}`, name: p.name,
    fields: [
      ['account', t('mappings.accountLabel'), p.account, numberOrText, p.transferToAccounting !== false],
      ['transferToAccounting', t('mappings.transferLabel'), p.transferToAccounting,
        v => (v === '' ? null : v === 'true'), true, 'transfer'],
    ],
  }));
  const rounding = row(rows, {
    key: 'rounding', url: '/api/mappings/rounding', name: t('mappings.roundingName'),
    fields: [['account', t('mappings.roundingAccountLabel'), mappings.rounding.account, numberOrText, true]],
  });

  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { id: 'mappings-form', novalidate: true },
    fieldset(t('mappings.productTypes'), t('mappings.productTypesHint'),
      [t('mappings.productType'), t('mappings.accountStandard'), t('mappings.accountReduced'),
        t('mappings.productCodeStandard'), t('mappings.productCodeReduced')], productTypes),
    fieldset(t('mappings.vatCodes'), t('mappings.vatCodesHint'),
      [t('mappings.posVatCode'), t('mappings.powerOfficeVatCode')], vatCodes),
    fieldset(t('mappings.paymentTypes'), t('mappings.paymentTypesHint'),
      [t('mappings.paymentType'), t('mappings.account'), t('mappings.transfer')], paymentTypes),
    fieldset(t('mappings.rounding'), t('mappings.roundingHint'), ['', t('mappings.account')], [rounding]),
    h('div', { class: 'actions sticky', 'data-writes': true }, h('button', { type: 'submit', id: 'save-mappings' },
      t('mappings.save')),
      status));
  const pickerNote = attachPickers(form, choices);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const changed = rows.filter(r => r.changed());
    const refusedHere = refuseInvalid(changed.map(r => r.element));
    if (refusedHere) {
      status.textContent = refusedText(refusedHere);
      return;
    }
    if (!changed.length) {
      status.textContent = t('mappings.nothingChanged');
      return;
    }
    form.querySelector('#save-mappings').disabled = true;
    status.textContent = t('mappings.saving');
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
    status.textContent = refused ? t('mappings.savedRefused', { saved: changed.length - refused, refused })
      : t('mappings.saved', { saved: changed.length });
    if (refused) form.querySelector('[aria-invalid=true]')?.focus();
  });

  showMissing(missingBox, mappings.missing);
  target.append(h('h1', { tabindex: '-1' }, t('mappings.title')),
    h('p', { class: 'lead' }, t('mappings.lead')),
    missingBox, ...(pickerNote ? [pickerNote] : []), form);
}

function showMissing(box, missing) {
  replace(box, missing.length === 0
    ? h('p', { class: 'ok' }, t('mappings.allMapped'))
    : [h('p', { class: 'bad' }, missing.length === 1 ? t('mappings.oneMissing')
      : t('mappings.manyMissing', { count: missing.length })),
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
      ? h('select', { id }, h('option', { value: '', selected: value === null }, t('app.choose')),
        h('option', { value: 'true', selected: value === true }, t('app.yes')),
        h('option', { value: 'false', selected: value === false }, t('app.no')))
      : h('input', { id, type: 'text', value: value ?? '', inputmode: read === numberOrText ? 'numeric' : null,
        autocomplete: 'off', size: read === numberOrText ? '7' : '10' });
    input.setAttribute('aria-describedby', `${id}-error`);
    input.dataset.required = String(required);
    inputs[field] = { input, read };
    errors[field] = h('span', { class: 'field-error', id: `${id}-error` });
    return h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `${name}: ${label}`), input, errors[field]);
  });
  const missingBadge = h('span', { class: 'badge badge-missing', hidden: true }, t('mappings.missing'));
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

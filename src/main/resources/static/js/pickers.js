// The mappings picked from PowerOffice: each account, VAT code and product-code field of a form offers the lists of
// every connected PowerOffice client (GET /api/poweroffice/accounts, /vat-codes, /products) in a small combobox
// that filters as one types (by number or name). A typed value still counts; one no connected client has (or has
// only inactive) is refused by the field itself, before anything is sent. A choice one client lacks or has inactive
// says which client. With no department connected the lists are empty and the fields take any value (the server
// and the department check judge it then).
import { get } from './api.js';
import { h } from './dom.js';
import { percent } from './format.js';
import { setError } from './forms.js';
import { t } from './i18n.js';

// the texts (js/texts/*.js, keys pickers.*), each key written out whole so ConsoleModulesTest finds it
const department = ids => (ids.length === 1 ? t('pickers.oneDepartment', { id: ids[0] })
  : t('pickers.manyDepartments', { ids: ids.join(', ') }));
const client = c => t('pickers.client', { name: c.name, departments: department(c.departments) });
const UNKNOWN = {
  accounts: value => t('pickers.unknownAccount', { value }),
  vatCodes: value => t('pickers.unknownVatCode', { value }),
  products: value => t('pickers.unknownProduct', { value }),
};
const INACTIVE = {
  accounts: value => t('pickers.inactiveAccount', { value }),
  vatCodes: value => t('pickers.inactiveVatCode', { value }),
  products: value => t('pickers.archivedProduct', { value }),
};

/** What the form's status says when the pickers refuse n fields and nothing is sent. */
export function refusedText(n) {
  return n === 1 ? t('pickers.oneRefused') : t('pickers.manyRefused', { count: n });
}

/** Which list a mapping field is picked from, by the field's name (its id ends in -<field>). */
const LIST_OF_FIELD = {
  standardAccount: 'accounts', reducedAccount: 'accounts', account: 'accounts',
  powerOfficeVatCode: 'vatCodes', standardProductCode: 'products', reducedProductCode: 'products',
};

const SHOWN = 12;

/** Per picker input: shows its refusal (or clears the one it showed) at the field. */
const showRefusal = new WeakMap();

/**
 * The three lists, as {accounts, vatCodes, products} of {value, name, active, missingIn, inactiveIn, rate}; or an
 * error.
 */
export async function loadChoices() {
  try {
    const [accounts, vatCodes, products] = await Promise.all([get('/api/poweroffice/accounts'),
      get('/api/poweroffice/vat-codes'), get('/api/poweroffice/products')]);
    return {
      accounts: accounts.map(a => ({ ...a, value: String(a.account) })),
      vatCodes: vatCodes.map(v => ({ ...v, value: v.vatCode })),
      products: products.map(p => ({ ...p, value: p.code, active: true, inactiveIn: [] })),
    };
  } catch (e) {
    if (e.status === 401) throw e;
    return { accounts: [], vatCodes: [], products: [], error: e.message };
  }
}

/** Every mapping field of the form picks from its list; answers the note on where the lists come from. */
export function attachPickers(form, choices) {
  for (const input of form.querySelectorAll('input[type=text]')) {
    const field = Object.keys(LIST_OF_FIELD).find(f => input.id.endsWith(`-${f}`));
    if (field) picker(input, LIST_OF_FIELD[field], choices[LIST_OF_FIELD[field]]);
  }
  const note = choices.error ? t('pickers.unreadable', { detail: choices.error })
    : choices.accounts.length === 0 ? t('pickers.noClient') : null;
  return note ? h('p', { class: 'hint picker-note', id: 'picker-note' }, note) : null;
}

/**
 * The fields of these elements (a changed form's rows) their pickers refuse, each with its reason at the field;
 * answers how many (0: they may be sent).
 */
export function refuseInvalid(elements) {
  const refused = elements.flatMap(e => [...e.querySelectorAll('input[data-picker]')])
    .filter(input => !input.checkValidity());
  refused.forEach(input => showRefusal.get(input)());
  if (refused.length) refused[0].focus();
  return refused.length;
}

function picker(input, list, choices) {
  const id = input.id;
  input.dataset.picker = list;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `${id}-options`);
  const listbox = h('ul', { class: 'picker-options', id: `${id}-options`, role: 'listbox', hidden: true });
  const picked = h('span', { class: 'picker-picked', id: `${id}-picked` });
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') || ''} ${id}-picked`.trim());
  input.after(listbox, picked);
  const byValue = new Map(choices.map(c => [c.value, c]));
  let active = -1;

  const label = c => [c.value, c.name, c.rate !== undefined && c.rate !== null ? percent(c.rate) : null]
    .filter(x => x !== null && x !== '').join(' ');
  const clients = list => list.map(client).join('; ');
  const notes = c => [
    c.missingIn.length ? t('pickers.missingIn', { value: c.value, clients: clients(c.missingIn) }) : null,
    c.inactiveIn.length ? t('pickers.inactiveIn', { value: c.value, clients: clients(c.inactiveIn) }) : null]
    .filter(Boolean).join('; ');

  // the refusal is shown once the field is left (or the form sent), and taken back as soon as the value is good
  let shown = false;
  // looked up beside the field: the form may not be in the page yet
  const error = () => input.parentElement?.querySelector(`[id="${id}-error"]`);
  showRefusal.set(input, () => {
    if (!input.validationMessage || !error()) return;
    setError(input, error(), input.validationMessage);
    shown = true;
  });
  const judge = () => {
    const value = input.value.trim();
    const choice = byValue.get(value);
    let refusal = '';
    if (value !== '' && choices.length > 0) {
      if (!choice) refusal = UNKNOWN[list](value);
      else if (!choice.active) refusal = INACTIVE[list](value);
    }
    input.setCustomValidity(refusal);
    if (!refusal && shown && error()) {
      setError(input, error(), null);
      shown = false;
    }
    picked.textContent = choice && !refusal ? [label(choice).slice(value.length).trim(), notes(choice)]
      .filter(Boolean).join(' — ') : '';
    picked.classList.toggle('picker-warning', Boolean(choice && !refusal && notes(choice)));
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = c => {
    input.value = c.value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    close();
  };
  const show = () => {
    if (choices.length === 0) return;
    const typed = input.value.trim().toLowerCase();
    // a typed space matches the no-break space of a rate (25 %)
    const matching = choices.filter(c => c.active && label(c).toLowerCase().replace(/\s/g, ' ')
      .includes(typed.replace(/\s/g, ' '))).slice(0, SHOWN);
    listbox.replaceChildren(...(matching.length ? matching.map((c, i) => {
      const option = h('li', { role: 'option', id: `${id}-option-${i}`, 'data-value': c.value,
        class: notes(c) ? 'picker-warning' : null }, label(c), notes(c) ? h('small', {}, ` — ${notes(c)}`) : null);
      // mousedown, not click: the input keeps its focus, so the list is not closed before the choice is made
      option.addEventListener('mousedown', event => {
        event.preventDefault();
        choose(c);
      });
      return option;
    }) : [h('li', { class: 'picker-none' }, t('pickers.noMatch'))]));
    listbox.hidden = false;
    place();
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  // over the page, not in the row: opening and closing moves nothing (a click on Save lands where it was aimed)
  // and no scrolling table clips it; below the field, or above it where the window ends
  const place = () => {
    const field = input.getBoundingClientRect();
    const below = field.bottom + 2 + listbox.offsetHeight <= window.innerHeight;
    listbox.style.left = `${field.left}px`;
    listbox.style.top = `${below ? field.bottom + 2 : Math.max(0, field.top - 2 - listbox.offsetHeight)}px`;
  };
  window.addEventListener('scroll', event => {
    if (!listbox.hidden && event.target !== listbox) close();
  }, true);
  const move = step => {
    const options = [...listbox.querySelectorAll('[role=option]')];
    if (!options.length) return;
    active = (active + step + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', options[active].id);
  };

  input.addEventListener('input', () => {
    judge();
    if (document.activeElement === input) show();
  });
  input.addEventListener('change', () => showRefusal.get(input)());
  input.addEventListener('focus', show);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listbox.hidden) show();
      move(event.key === 'ArrowDown' ? 1 : -1);
      event.preventDefault();
    } else if (event.key === 'Enter' && !listbox.hidden) {
      // the highlighted option, or the only one left; otherwise Enter sends the form as in any field
      const options = listbox.querySelectorAll('[role=option]');
      const chosen = active >= 0 ? options[active] : options.length === 1 ? options[0] : null;
      if (chosen) {
        event.preventDefault();
        choose(byValue.get(chosen.dataset.value));
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  judge();
  // a stored mapping no client has (any more) says so at once
  showRefusal.get(input)();
}

// Invoices: credit orders with their invoice status (filter FAILED to see what needs a hand), the reason, and a
// resend button; and the customer links, the PowerOffice customer picked from a list.
import { call, get, query } from '../api.js';
import { h, options, replace } from '../dom.js';
import { amount, dateTime } from '../format.js';
import { t } from '../i18n.js';

export const title = () => t('invoices.title');

const PAGE = 50;

export async function render(target, params, context) {
  const departments = await context.departments();
  const status = params.get('status') || '';
  const department = params.get('department') || '';
  target.append(h('h1', { tabindex: '-1' }, t('invoices.title')),
    h('p', { class: 'lead' }, t('invoices.lead')));
  target.append(await ordersSection(departments, status, department, context));
  target.append(await customersSection(departments));
}

/** A credit order's invoice status as shown. */
function statusText(status) {
  const texts = { PENDING: t('invoices.pending'), SENT: t('invoices.sent'), FAILED: t('invoices.failed') };
  return texts[status] ?? status;
}

async function ordersSection(departments, status, department, context) {
  const statusSelect = h('select', { id: 'order-status' }, options([{ value: '', label: t('invoices.all') },
    { value: 'PENDING', label: t('invoices.pending') }, { value: 'SENT', label: t('invoices.sent') },
    { value: 'FAILED', label: t('invoices.failed') }], status));
  const departmentSelect = h('select', { id: 'order-department' }, options([{ value: '', label: t('invoices.all') }]
    .concat(departments.map(d => ({ value: d.id, label: d.name }))), department));
  const filter = h('form', { class: 'toolbar', 'aria-label': t('invoices.filter'), 'data-filter': 'credit-orders',
    onsubmit: event => {
      event.preventDefault();
      context.go(`#/invoices${query({ status: statusSelect.value, department: departmentSelect.value })}`);
    } },
  h('div', { class: 'field inline' }, h('label', { for: 'order-status' }, t('invoices.status')), statusSelect),
  h('div', { class: 'field inline' }, h('label', { for: 'order-department' }, t('invoices.department')),
    departmentSelect),
  h('button', { type: 'submit' }, t('invoices.show')));
  const names = Object.fromEntries(departments.map(d => [d.id, d.name]));
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('invoices.showMore'));
  const announce = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let offset = 0;
  async function load() {
    const page = await get(`/api/credit-orders${query({ status, department, limit: PAGE, offset })}`);
    for (const order of page) tbody.append(orderRow(order, names, announce));
    offset += page.length;
    more.hidden = page.length < PAGE;
    if (offset === 0) {
      tbody.append(h('tr', {}, h('td', { colspan: '8', class: 'muted' }, status === 'FAILED'
        ? t('invoices.noFailedOrders') : t('invoices.noOrders'))));
    }
  }
  more.addEventListener('click', () => load().catch(e => announce.textContent = e.message));
  await load();
  return h('section', { 'aria-labelledby': 'orders-title', class: 'orders' },
    h('h2', { id: 'orders-title' }, t('invoices.creditOrders')), filter,
    h('div', { class: 'table-scroll' }, h('table', { class: 'orders-table', id: 'credit-orders' },
      h('thead', {}, h('tr', {}, [t('invoices.order'), t('invoices.department'), t('invoices.customer'),
        t('invoices.paid'), t('invoices.total'), t('invoices.status'), t('invoices.inPowerOffice'), '']
        .map((x, i) => h('th', { scope: 'col', class: i === 4 ? 'num' : null }, x)))),
      tbody)), more, announce);
}

function orderRow(order, names, announce) {
  const statusCell = h('td');
  const powerOfficeCell = h('td');
  const actionCell = h('td');
  const tr = h('tr', { 'data-order-id': order.orderId },
    h('td', {}, order.orderNumber ?? order.orderId),
    h('td', {}, names[order.departmentId] || order.departmentId),
    h('td', {}, order.customerName || ''),
    h('td', {}, dateTime(order.paidAt)),
    h('td', { class: 'num amount' }, amount(order.total)),
    statusCell, powerOfficeCell, actionCell);
  function show(o) {
    replace(statusCell, h('span', { class: `badge invoice-${o.invoiceStatus.toLowerCase()}` },
      statusText(o.invoiceStatus)),
    o.message ? h('p', { class: 'reason' }, o.message) : null);
    replace(powerOfficeCell, o.invoiceStatus === 'SENT'
      ? t('invoices.powerOfficeOrder', { number: o.powerOfficeOrderNo, sent: dateTime(o.sentAt) }) : '');
    replace(actionCell, o.invoiceStatus === 'FAILED' ? h('button', { type: 'button', class: 'resend', 'data-writes': true,
      'aria-label': t('invoices.resendOrder', { order: o.orderNumber ?? o.orderId }), onclick: resend },
    t('invoices.resend')) : null);
  }
  async function resend(event) {
    const button = event.currentTarget;
    button.disabled = true;
    button.textContent = t('invoices.sending');
    try {
      const reply = await call('POST', `/api/orders/${order.orderId}/invoice/resend`);
      show(reply.body);
      announce.textContent = reply.body.invoiceStatus === 'SENT'
        ? t('invoices.resent', { order: order.orderNumber, number: reply.body.powerOfficeOrderNo })
        : t('invoices.failedAgain', { order: order.orderNumber, message: reply.body.message });
      actionCell.querySelector('button')?.focus();
      if (!actionCell.querySelector('button')) statusCell.setAttribute('tabindex', '-1');
    } catch (e) {
      button.disabled = false;
      button.textContent = t('invoices.resend');
      actionCell.append(h('p', { class: 'field-error', role: 'alert' }, e.message));
    }
  }
  show(order);
  return tr;
}

async function customersSection(departments) {
  const connected = departments.filter(d => d.connection);
  const section = h('section', { 'aria-labelledby': 'customers-title', class: 'customers' },
    h('h2', { id: 'customers-title' }, t('invoices.customerLinks')),
    h('p', { class: 'hint' }, t('invoices.customerLinksHint')));
  if (!connected.length) {
    section.append(h('p', { class: 'muted' }, t('invoices.connectFirst')));
    return section;
  }
  const preferred = connected.find(d => d.connection.autoInvoicing) || connected[0];
  const [customers, powerOfficeCustomers] = await Promise.all([
    get('/api/customers?limit=500'),
    get(`/api/poweroffice/customers?department=${preferred.id}`).catch(e => ({ error: e.message })),
  ]);
  if (!Array.isArray(powerOfficeCustomers)) {
    section.append(h('p', { class: 'bad' }, t('invoices.customersFailed', { detail: powerOfficeCustomers.error })));
    return section;
  }
  section.append(h('p', { class: 'muted' }, t('invoices.customersOf', {
    client: preferred.connection.powerOfficeClientName || preferred.name })));
  const choices = [{ value: '', label: t('app.choose') }].concat(powerOfficeCustomers.map(c => ({
    value: c.id, label: `${c.name} (${c.number})` })));
  section.append(h('div', { class: 'table-scroll' }, h('table', { id: 'customer-links' },
    h('thead', {}, h('tr', {}, [t('invoices.customer'), t('invoices.organisationNo'), t('invoices.status'),
      t('invoices.powerOfficeCustomer'), '']
      .map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, customers.map(c => customerRow(c, choices))))));
  return section;
}

function customerRow(customer, choices) {
  const id = `link-${customer.id}`;
  const select = h('select', { id, 'aria-describedby': `${id}-error` },
    options(choices, customer.powerOfficeCustomerId ?? ''));
  const statusCell = h('td');
  const error = h('span', { class: 'field-error', id: `${id}-error` });
  function show(c) {
    replace(statusCell, c.status === 'CONNECTED'
      ? h('span', { class: 'badge invoice-sent' }, t('invoices.connected'))
      : h('span', { class: 'badge badge-off' }, t('invoices.notConnected')));
  }
  const button = h('button', { type: 'button', class: 'secondary', 'data-writes': true, onclick: async () => {
    error.textContent = '';
    select.removeAttribute('aria-invalid');
    button.disabled = true;
    try {
      const reply = await call('PUT', `/api/customers/${customer.id}/link`, {
        powerOfficeCustomerId: select.value === '' ? null : Number(select.value) });
      show(reply.body);
    } catch (e) {
      error.textContent = e.message;
      select.setAttribute('aria-invalid', 'true');
    } finally {
      button.disabled = false;
    }
  } }, t('invoices.link'));
  show(customer);
  return h('tr', { 'data-customer-id': customer.id },
    h('th', { scope: 'row' }, customer.name), h('td', {}, customer.organizationNumber || ''), statusCell,
    h('td', {}, h('label', { for: id, class: 'visually-hidden' },
      t('invoices.powerOfficeCustomerFor', { name: customer.name })),
      select, error),
    h('td', {}, button));
}

// Invoices: credit orders with their invoice status (filter FAILED to see what needs a hand), the reason, and a
// resend button; and the customer links, the PowerOffice customer picked from a list.
import { call, get, query } from '../api.js';
import { h, options, replace } from '../dom.js';
import { amount, dateTime } from '../format.js';

export const title = 'Invoices';

const PAGE = 50;

export async function render(target, params, context) {
  const departments = await context.departments();
  const status = params.get('status') || '';
  const department = params.get('department') || '';
  target.append(h('h1', { tabindex: '-1' }, 'Invoices'),
    h('p', { class: 'lead' }, 'Credit orders are sent to PowerOffice GO as sales orders to invoice, each once. An '
      + 'order that failed is never sent again on its own: fix the reason, then resend it here.'));
  target.append(await ordersSection(departments, status, department, context));
  target.append(await customersSection(departments));
}

const STATUS_TEXT = { PENDING: 'Not sent yet', SENT: 'Sent', FAILED: 'Failed' };

async function ordersSection(departments, status, department, context) {
  const statusSelect = h('select', { id: 'order-status' }, options([{ value: '', label: 'All' },
    { value: 'PENDING', label: 'Not sent yet' }, { value: 'SENT', label: 'Sent' },
    { value: 'FAILED', label: 'Failed' }], status));
  const departmentSelect = h('select', { id: 'order-department' }, options([{ value: '', label: 'All' }]
    .concat(departments.map(d => ({ value: d.id, label: d.name }))), department));
  const filter = h('form', { class: 'toolbar', 'aria-label': 'Filter credit orders', onsubmit: event => {
    event.preventDefault();
    context.go(`#/invoices${query({ status: statusSelect.value, department: departmentSelect.value })}`);
  } },
  h('div', { class: 'field inline' }, h('label', { for: 'order-status' }, 'Status'), statusSelect),
  h('div', { class: 'field inline' }, h('label', { for: 'order-department' }, 'Department'), departmentSelect),
  h('button', { type: 'submit' }, 'Show'));
  const names = Object.fromEntries(departments.map(d => [d.id, d.name]));
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Show more');
  const announce = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let offset = 0;
  async function load() {
    const page = await get(`/api/credit-orders${query({ status, department, limit: PAGE, offset })}`);
    for (const order of page) tbody.append(orderRow(order, names, announce));
    offset += page.length;
    more.hidden = page.length < PAGE;
    if (offset === 0) {
      tbody.append(h('tr', {}, h('td', { colspan: '8', class: 'muted' }, status === 'FAILED'
        ? 'No failed credit orders.' : 'No credit orders.')));
    }
  }
  more.addEventListener('click', () => load().catch(e => announce.textContent = e.message));
  await load();
  return h('section', { 'aria-labelledby': 'orders-title', class: 'orders' },
    h('h2', { id: 'orders-title' }, 'Credit orders'), filter,
    h('div', { class: 'table-scroll' }, h('table', { class: 'orders-table', id: 'credit-orders' },
      h('thead', {}, h('tr', {}, ['Order', 'Department', 'Customer', 'Paid', 'Total', 'Status',
        'In PowerOffice', ''].map((x, i) => h('th', { scope: 'col', class: i === 4 ? 'num' : null }, x)))),
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
      STATUS_TEXT[o.invoiceStatus] || o.invoiceStatus),
    o.message ? h('p', { class: 'reason' }, o.message) : null);
    replace(powerOfficeCell, o.invoiceStatus === 'SENT'
      ? `Order ${o.powerOfficeOrderNo}, ${dateTime(o.sentAt)}` : '');
    replace(actionCell, o.invoiceStatus === 'FAILED' ? h('button', { type: 'button', class: 'resend', 'data-writes': true,
      'aria-label': `Resend order ${o.orderNumber ?? o.orderId}`, onclick: resend }, 'Resend') : null);
  }
  async function resend(event) {
    const button = event.currentTarget;
    button.disabled = true;
    button.textContent = 'Sending…';
    try {
      const reply = await call('POST', `/api/orders/${order.orderId}/invoice/resend`);
      show(reply.body);
      announce.textContent = reply.body.invoiceStatus === 'SENT'
        ? `Order ${order.orderNumber} sent as PowerOffice order ${reply.body.powerOfficeOrderNo}.`
        : `Order ${order.orderNumber} failed again: ${reply.body.message}`;
      actionCell.querySelector('button')?.focus();
      if (!actionCell.querySelector('button')) statusCell.setAttribute('tabindex', '-1');
    } catch (e) {
      button.disabled = false;
      button.textContent = 'Resend';
      actionCell.append(h('p', { class: 'field-error', role: 'alert' }, e.message));
    }
  }
  show(order);
  return tr;
}

async function customersSection(departments) {
  const connected = departments.filter(d => d.connection);
  const section = h('section', { 'aria-labelledby': 'customers-title', class: 'customers' },
    h('h2', { id: 'customers-title' }, 'Customer links'),
    h('p', { class: 'hint' }, 'Each POS customer who buys on credit is invoiced as the PowerOffice customer linked '
      + 'here. An order of a customer without a link fails.'));
  if (!connected.length) {
    section.append(h('p', { class: 'muted' }, 'Connect a department to PowerOffice first: its customers are '
      + 'listed here then.'));
    return section;
  }
  const preferred = connected.find(d => d.connection.autoInvoicing) || connected[0];
  const [customers, powerOfficeCustomers] = await Promise.all([
    get('/api/customers?limit=500'),
    get(`/api/poweroffice/customers?department=${preferred.id}`).catch(e => ({ error: e.message })),
  ]);
  if (!Array.isArray(powerOfficeCustomers)) {
    section.append(h('p', { class: 'bad' }, `PowerOffice's customers could not be read: ${powerOfficeCustomers.error}`));
    return section;
  }
  section.append(h('p', { class: 'muted' }, `PowerOffice customers of ${preferred.connection.powerOfficeClientName
    || preferred.name}.`));
  const choices = [{ value: '', label: '— choose —' }].concat(powerOfficeCustomers.map(c => ({
    value: c.id, label: `${c.name} (${c.number})` })));
  section.append(h('div', { class: 'table-scroll' }, h('table', { id: 'customer-links' },
    h('thead', {}, h('tr', {}, ['Customer', 'Organisation no.', 'Status', 'PowerOffice customer', '']
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
      ? h('span', { class: 'badge invoice-sent' }, 'Connected')
      : h('span', { class: 'badge badge-off' }, 'Not connected'));
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
  } }, 'Link');
  show(customer);
  return h('tr', { 'data-customer-id': customer.id },
    h('th', { scope: 'row' }, customer.name), h('td', {}, customer.organizationNumber || ''), statusCell,
    h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `PowerOffice customer for ${customer.name}`),
      select, error),
    h('td', {}, button));
}

// The console's shell: sign-in and sign-out, the sections (#/departments, #/calendar, #/drift, #/mappings, #/invoices),
// and what they share. The token never goes into the URL: the hash only names the section and its filters.
import { ApiError, get, session } from './api.js';
import { h, replace } from './dom.js';
import * as departments from './views/departments.js';
import * as calendar from './views/calendar.js';
import * as drift from './views/drift.js';
import * as mappings from './views/mappings.js';
import * as invoices from './views/invoices.js';

const SECTIONS = { departments, calendar, drift, mappings, invoices };

const signIn = document.getElementById('sign-in');
const signInForm = document.getElementById('sign-in-form');
const tokenInput = document.getElementById('token');
const signInError = document.getElementById('sign-in-error');
const nav = document.getElementById('nav');
const signOutButton = document.getElementById('sign-out');
const view = document.getElementById('view');

let departmentList = null;
let renderCount = 0;

/** What every section may use. */
const context = {
  /** The POS departments with their connections, read once per sign-in unless fresh is asked for. */
  async departments(fresh = false) {
    if (fresh || departmentList === null) departmentList = await get('/api/departments');
    return departmentList;
  },
  go(hash) {
    if (location.hash === hash) show();
    else location.hash = hash;
  },
};

function route() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(2) : 'departments';
  const [path, query] = hash.split('?');
  return { section: SECTIONS[path] ? path : 'departments', params: new URLSearchParams(query || '') };
}

function showSignIn(message) {
  renderCount++;
  departmentList = null;
  nav.hidden = true;
  signOutButton.hidden = true;
  view.replaceChildren();
  signIn.hidden = false;
  signInError.textContent = message || '';
  tokenInput.value = '';
  tokenInput.focus();
}

async function show() {
  if (!session.token()) {
    showSignIn();
    return;
  }
  const { section, params } = route();
  const current = ++renderCount;
  signIn.hidden = true;
  nav.hidden = false;
  signOutButton.hidden = false;
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${SECTIONS[section].title} · pogo-bridge console`;
  replace(view, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  const target = h('div', { class: `section section-${section}` });
  try {
    await SECTIONS[section].render(target, params, context);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    target.append(h('p', { class: 'error-box', role: 'alert' }, `Could not show this page: ${e.message}`));
    console.error(e);
  }
  if (current !== renderCount) return;
  replace(view, target);
  // a section may ask for the focus elsewhere (a day it opened by itself)
  (target.querySelector('[data-focus]') || target.querySelector('h1'))?.focus({ preventScroll: true });
}

signInForm.addEventListener('submit', async event => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (!token) {
    signInError.textContent = 'Enter the operator token.';
    tokenInput.setAttribute('aria-invalid', 'true');
    return;
  }
  session.signIn(token);
  try {
    departmentList = await get('/api/departments');
  } catch (e) {
    session.signOut();
    showSignIn(e.status === 401 ? 'The server did not accept this token.' : e.message);
    tokenInput.setAttribute('aria-invalid', 'true');
    return;
  }
  tokenInput.value = '';
  tokenInput.removeAttribute('aria-invalid');
  show();
});

signOutButton.addEventListener('click', () => {
  session.signOut();
  showSignIn('You are signed out.');
});

window.addEventListener('pogo:signed-out', event => showSignIn(event.detail));
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') show();
});
document.querySelector('[data-skip]').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('main').focus();
});

show();

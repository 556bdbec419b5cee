// The console's shell: sign-in and sign-out, the sections (#/departments, #/calendar, #/drift, #/mappings, #/invoices),
// and what they share. The token never goes into the URL: the hash only names the section and its filters.
import { ApiError, get, session } from './api.js';
import { h, replace } from './dom.js';
import { language, setLanguage, t, translatePage } from './i18n.js';
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
const languageSwitch = document.getElementById('language');

let departmentList = null;
let renderCount = 0;
/** The sign-in page's message as a function, so it is said again in the other language after a switch. */
let signInMessage = null;

/** What every section may use. */
const context = {
  /** The POS departments with their connections, read once per sign-in unless fresh is asked for. */
  async departments(fresh = false) {
    if (fresh || departmentList === null) departmentList = await get('/api/departments');
    return departmentList;
  },
  /** True while the section is shown again in another language: it may keep what was open (the calendar's day). */
  again: false,
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

/** message: a function answering the text (in the language chosen when it is shown), or a text from the server. */
function showSignIn(message) {
  renderCount++;
  signInMessage = typeof message === 'function' ? message : (message ? () => message : null);
  departmentList = null;
  nav.hidden = true;
  signOutButton.hidden = true;
  view.replaceChildren();
  signIn.hidden = false;
  signInError.textContent = signInMessage ? signInMessage() : '';
  document.title = t('app.signInTitle');
  tokenInput.value = '';
  tokenInput.focus();
}

async function show(again = false) {
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
  document.title = t('app.pageTitle', { section: SECTIONS[section].title() });
  replace(view, h('p', { class: 'loading', role: 'status' }, t('app.loading')));
  const target = h('div', { class: `section section-${section}` });
  try {
    context.again = again;
    await SECTIONS[section].render(target, params, context);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    target.append(h('p', { class: 'error-box', role: 'alert' }, t('app.pageFailed', { detail: e.message })));
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
    signInMessage = () => t('signIn.enterToken');
    signInError.textContent = signInMessage();
    tokenInput.setAttribute('aria-invalid', 'true');
    return;
  }
  session.signIn(token);
  try {
    departmentList = await get('/api/departments');
  } catch (e) {
    session.signOut();
    showSignIn(e.status === 401 ? () => t('signIn.refused') : e.message);
    tokenInput.setAttribute('aria-invalid', 'true');
    return;
  }
  tokenInput.value = '';
  tokenInput.removeAttribute('aria-invalid');
  show();
});

signOutButton.addEventListener('click', () => {
  session.signOut();
  showSignIn(() => t('signIn.signedOut'));
});

window.addEventListener('pogo:signed-out', () => showSignIn(() => t('signIn.tokenChanged')));
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') show();
});
document.querySelector('[data-skip]').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('main').focus();
});

/** The header's NO | EN: the page and the section shown are said again in the chosen language, signed in still. */
function showLanguage() {
  translatePage();
  for (const button of languageSwitch.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === language()));
  }
}
languageSwitch.addEventListener('click', event => {
  const button = event.target.closest('button[data-language]');
  if (button) setLanguage(button.dataset.language);
});
window.addEventListener('pogo:language', () => {
  showLanguage();
  if (!signIn.hidden) {
    signInError.textContent = signInMessage ? signInMessage() : '';
    document.title = t('app.signInTitle');
  } else {
    show(true);
  }
});

showLanguage();
show();

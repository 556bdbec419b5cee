// The console's two languages, Norwegian bokmål and English. Every text a person reads is in js/texts/nb.js and
// js/texts/en.js under the same key; t(key, { count: 2 }) answers it in the chosen language with {count}
// filled in. The choice is the browser's language at first (nb, nn, no → Norwegian, else English), then what the
// header's NO | EN switch last chose (localStorage: it holds nothing secret). Texts from the server (a problem's
// detail, the setup check's list) are shown as the server sends them.
import nb from './texts/nb.js';
import en from './texts/en.js';

const TEXTS = { nb, en };
const LANGUAGE_KEY = 'pogo.language';

/** The language the browser asks for: the first of navigator.languages that is Norwegian or English. */
export function browserLanguage(languages = navigator.languages || [navigator.language]) {
  for (const tag of languages || []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

function stored() {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return TEXTS[value] ? value : null;
  } catch (e) {
    return null;
  }
}

let current = stored() || browserLanguage();
document.documentElement.lang = current;

/** 'nb' or 'en'. */
export function language() {
  return current;
}

/** Chooses the language, remembers it, and tells the page (event 'pogo:language') so it can show itself again. */
export function setLanguage(lang) {
  if (!TEXTS[lang]) throw new Error(`No texts for the language ${lang}`);
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch (e) { /* private mode: the choice lasts until the page is left */ }
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  window.dispatchEvent(new CustomEvent('pogo:language', { detail: lang }));
}

/** The text of a key in the chosen language, {name} replaced by params.name; the key itself when it has none. */
export function t(key, params = {}) {
  const text = TEXTS[current][key] ?? TEXTS.en[key];
  if (text === undefined) {
    console.error(`No text for ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * The text of a key as a list of strings and nodes, for a text with an element in it: parts('x', { code: h(…) })
 * answers ['The server\'s ', <code>, ' …'], ready for h() or replaceChildren().
 */
export function parts(key, params = {}) {
  const strings = {};
  const nodes = {};
  for (const [name, value] of Object.entries(params)) (value instanceof Node ? nodes : strings)[name] = value;
  const text = t(key, strings);
  return text.split(/(\{\w+\})/).filter(s => s !== '').map(s => {
    const name = /^\{(\w+)\}$/.exec(s)?.[1];
    return name && nodes[name] ? nodes[name] : s;
  });
}

/**
 * The page's own texts (index.html): data-i18n="key" sets an element's text, data-i18n-parts="key" its text with
 * the element children it has (in order, as {0}, {1}, …), data-i18n-aria-label and data-i18n-title those attributes.
 */
export function translatePage(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-parts]')) {
    const children = [...element.children];
    element.replaceChildren(...parts(element.dataset.i18nParts,
      Object.fromEntries(children.map((child, i) => [String(i), child]))));
  }
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    element.setAttribute('title', t(element.dataset.i18nTitle));
  }
}

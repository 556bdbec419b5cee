// Refusals next to the field they are about: the server's problem detail names the field (e.g. "standardAccount
// must be an account number from 1000 to 99999"), so the message is shown under that field.
import { h } from './dom.js';

/** The first of the field names the text mentions as a word, or null. */
export function fieldNamed(detail, names) {
  let best = null;
  let at = Infinity;
  for (const name of names) {
    const match = new RegExp(`\\b${name}\\b`).exec(detail || '');
    if (match && match.index < at) {
      best = name;
      at = match.index;
    }
  }
  return best;
}

/** A field with its label and a place for its error; answers {wrapper, input, setError}. */
export function field(id, labelText, input, hint) {
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  const wrapper = h('div', { class: 'field' }, h('label', { for: id }, labelText), input, hintElement, error);
  return { wrapper, input, setError: message => setError(input, error, message) };
}

export function setError(input, errorElement, message) {
  errorElement.textContent = message || '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** Text input value: '' → null, whole numbers → numbers, anything else as typed (the server says what is wrong). */
export function numberOrText(value) {
  const v = value.trim();
  if (v === '') return null;
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

export function textOrNull(value) {
  const v = value.trim();
  return v === '' ? null : v;
}

// Builds elements from data without innerHTML, so nothing the POS or PowerOffice sends can become markup.

/**
 * h('button', {type: 'button', class: 'x', onclick: f}, 'text', child, [more]) → element.
 * Attributes that are null, undefined or false are left out; true sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** The same for SVG (a chart): s('path', {d: 'M0 0H10', stroke: '#1f5fbf'}) → an element in SVG's namespace. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else if (name === 'checked' || name === 'selected') {
      element[name] = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A select's options from [{value, label}], with the given value selected. */
export function options(list, selected) {
  return list.map(o => h('option', { value: o.value, selected: String(o.value) === String(selected) }, o.label));
}

export function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/*
 * Case Desk 12315: the two DOM helpers of our Cockpit plugins (case-history.js, supervisor-dashboard.js).
 * Text always goes in as text, never as HTML: cases hold what consumers wrote.
 */

/** An element with attributes and children; a string child becomes a text node, '' and null are left out. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  children.filter((child) => child !== '' && child != null)
    .forEach((child) => element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return element;
}

/** A Bootstrap table of headings and rows of cells (strings or elements). */
export function table(headings, rows, className = '') {
  return h('table', { class: `table table-striped table-condensed ${className}` },
    h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', {}, heading)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))));
}

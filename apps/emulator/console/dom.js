// Building DOM from data: text goes in as text nodes, never as HTML, so names from a seed cannot inject markup.
const SVG = "http://www.w3.org/2000/svg";

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** An HTML element with attributes (on* are listeners) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, likewise. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG, tag), attrs, children);
}

/** A link to a page of the console. */
export function link(hash, ...children) {
  return h("a", { href: hash }, ...children);
}

/** A time as the emulator wrote it, or a dash. */
export function when(text) {
  return text ? String(text) : "–";
}

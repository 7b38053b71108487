/** Small DOM helpers: elements are built with properties and text, never from markup strings. */

type Child = Node | string | null | undefined | false;

/** An HTML element with a class, attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; attrs?: Record<string, string>; text?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.text !== undefined) element.textContent = props.text;
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Sets a pixel size through the CSSOM (allowed by the webview's CSP, unlike style attributes). */
export function setSize(element: HTMLElement | SVGElement, width: number | null, height: number | null): void {
  if (width !== null) element.style.width = `${Math.ceil(width)}px`;
  if (height !== null) element.style.height = `${Math.ceil(height)}px`;
}

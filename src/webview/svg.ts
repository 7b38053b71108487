/** Shapes of the core's roadmap scene as SVG elements. Plan strings go in as text content only. */
import type { Shape, ShapeData } from '../core';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, typeof value === 'number' ? String(round(value)) : value);
  return element;
}

const round = (value: number) => Math.round(value * 100) / 100;

function setData(element: SVGElement, data: ShapeData): void {
  if (data.id !== undefined) element.dataset.id = data.id;
  if (data.milestone !== undefined) element.dataset.milestone = data.milestone;
  if (data.lane !== undefined) element.dataset.lane = data.lane;
  if (data.project !== undefined) element.dataset.project = data.project;
}

/**
 * One shape as an SVG element. Project bars become focusable buttons (roving tabindex: the app gives
 * one of them tabindex 0) named by their accessible label; tooltips come from the app, not `<title>`.
 */
export function drawShape(shape: Shape): SVGElement {
  switch (shape.t) {
    case 'g': {
      const group = svgElement('g', { class: shape.cls });
      if (shape.data) setData(group, shape.data);
      if (shape.data?.id !== undefined) {
        group.setAttribute('role', 'button');
        group.setAttribute('tabindex', '-1');
      } else if (shape.data?.milestone !== undefined) {
        group.setAttribute('role', 'img');
      }
      if (shape.label) group.setAttribute('aria-label', shape.label);
      for (const child of shape.children) group.append(drawShape(child));
      return group;
    }
    case 'rect': {
      const rect = svgElement('rect', { class: shape.cls, x: shape.x, y: shape.y, width: Math.max(0, shape.w), height: shape.h });
      if (shape.rx) rect.setAttribute('rx', String(shape.rx));
      return rect;
    }
    case 'line':
      return svgElement('line', { class: shape.cls, x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2 });
    case 'path':
      return svgElement('path', { class: shape.cls, d: shape.d });
    case 'circle':
      return svgElement('circle', { class: shape.cls, cx: shape.cx, cy: shape.cy, r: shape.r });
    case 'text': {
      const text = svgElement('text', { class: shape.cls, x: shape.x, y: shape.y });
      if (shape.anchor && shape.anchor !== 'start') text.setAttribute('text-anchor', shape.anchor);
      text.textContent = shape.text;
      return text;
    }
  }
}

/** Replaces a container's children with the shapes, in one DOM operation. */
export function drawInto(container: SVGElement, shapes: readonly Shape[]): void {
  const fragment = document.createDocumentFragment();
  for (const shape of shapes) fragment.append(drawShape(shape));
  container.replaceChildren(fragment);
}

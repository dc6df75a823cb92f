import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets one CSS property of the element through the CSSOM (`style.setProperty`),
 * never through a `style` attribute: a page whose Content-Security-Policy does
 * not allow inline styles (`style-src` without `'unsafe-inline'`) blocks style
 * attributes, including one a template binds (`style=${…}`) and Lit's
 * `styleMap` on its first render, but not the CSSOM. `null` removes the
 * property. In an element position only:
 *
 * ```ts
 * html`<td ${cssProperty('height', `${px}px`)}></td>`
 * ```
 */
class CssPropertyDirective extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('cssProperty() goes in an element position: <td ${cssProperty("height", "10px")}>');
    }
  }

  render(_name: string, _value: string | null): unknown {
    return noChange;
  }

  override update(part: ElementPart, [name, value]: [string, string | null]): unknown {
    const { style } = part.element as HTMLElement;
    if (value === null) style.removeProperty(name);
    else if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperty = directive(CssPropertyDirective);

// Inline styles the CSP allows: Lit's styleMap writes a `style` attribute on its first render, which a CSP
// without 'unsafe-inline' refuses; this directive only ever sets properties through the CSSOM.
// Use it on the style property: <div .style=${styleProps({ transform: 'translateY(22px)', '--grid': '1fr' })}>.
import { noChange, type ElementPart, type PropertyPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

class StyleProps extends Directive {
  private previous: Record<string, string> = {};

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.PROPERTY || info.name !== 'style')
      throw new Error('styleProps() belongs on the .style property');
  }

  override update(part: PropertyPart | ElementPart, [props]: [Record<string, string>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(props)) {
      if (this.previous[name] === value) continue;
      style.setProperty(name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value);
      this.previous[name] = value;
    }
    for (const name of Object.keys(this.previous)) {
      if (name in props) continue;
      style.removeProperty(name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
      delete this.previous[name];
    }
    return noChange;
  }

  render(_props: Record<string, string>): typeof noChange {
    return noChange;
  }
}

export const styleProps = directive(StyleProps);

// The boxed note both apps report an outcome in (the form's result card, the viewer's error panel): a section
// headed by an icon and a title. Each component adds its own border, background and spacing.
import { css, html, type TemplateResult } from 'lit';

export const calloutStyles = css`
  :host {
    display: block;
  }
  section {
    padding: 8px 12px;
    border-radius: 2px;
  }
  h2 {
    font-size: 13px;
    display: flex;
    align-items: center;
    gap: 6px;
  }
`;

/** The heading: a codicon, then the title. */
export function calloutHeading(icon: string, title: string): TemplateResult {
  return html`<h2><vscode-icon name=${icon}></vscode-icon>${title}</h2>`;
}

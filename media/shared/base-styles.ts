// Styles shared by the apps' components (adopted stylesheets: allowed by the CSP without 'unsafe-inline').
// Colours come only from VS Code's --vscode-* theme variables, so every theme (high contrast too) applies.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    color: var(--vscode-foreground);
    font-family: var(--vscode-font-family);
    font-size: var(--vscode-font-size);
  }
  .muted {
    color: var(--vscode-descriptionForeground);
  }
  .error {
    color: var(--vscode-errorForeground);
  }
  .mono {
    font-family: var(--vscode-editor-font-family);
    font-size: var(--vscode-editor-font-size);
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 2px;
    line-height: 18px;
    font-size: 11px;
    background: var(--vscode-badge-background);
    color: var(--vscode-badge-foreground);
    border: 1px solid var(--vscode-contrastBorder, transparent);
  }
  .method {
    font-family: var(--vscode-editor-font-family);
    font-weight: 600;
  }
  .method.GET {
    color: var(--vscode-charts-blue);
  }
  .method.POST {
    color: var(--vscode-charts-green);
  }
  .method.PUT,
  .method.PATCH {
    color: var(--vscode-charts-orange);
  }
  .method.DELETE {
    color: var(--vscode-charts-red);
  }
  .banner {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 10px;
    margin: 6px 0;
    border-radius: 2px;
    border: 1px solid var(--vscode-inputValidation-infoBorder);
    background: var(--vscode-inputValidation-infoBackground);
  }
  .banner.warning {
    border-color: var(--vscode-inputValidation-warningBorder);
    background: var(--vscode-inputValidation-warningBackground);
  }
  .banner.error {
    color: var(--vscode-foreground);
    border-color: var(--vscode-inputValidation-errorBorder);
    background: var(--vscode-inputValidation-errorBackground);
  }
  .banner .grow {
    flex: 1;
  }
  a,
  .link {
    color: var(--vscode-textLink-foreground);
    cursor: pointer;
    text-decoration: none;
    background: none;
    border: none;
    padding: 0;
    font: inherit;
  }
  a:hover,
  .link:hover {
    color: var(--vscode-textLink-activeForeground);
    text-decoration: underline;
  }
  :focus-visible {
    outline: 1px solid var(--vscode-focusBorder);
    outline-offset: -1px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * Declarations for a flex column that fills the rest of its flex-column parent. `min-height: 0` lets it shrink
 * below its content, so a scroller inside gets a bounded height (the response table virtualises its rows in it).
 */
export const fillColumn = css`
  flex: 1;
  min-height: 0;
  display: flex;
  flex-direction: column;
`;

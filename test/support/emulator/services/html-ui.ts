// HtmlService (HtmlOutput from strings or dist/*.html files) and the Sheets Ui (menus, alerts, prompts,
// sidebars, dialogs). Shown UI is recorded in emu.ui for tests. References:
// https://developers.google.com/apps-script/reference/html/html-service ,
// https://developers.google.com/apps-script/reference/base/ui

import type { EmulatorCore, MenuRecord } from '../core';
import { classFactory, type Exec, STATE, stateOf, type WithState } from '../runtime';
import { AppsError, permissionError, SCOPES } from '../types';

interface OutputState {
  content: string;
  title: string;
  width: number;
  height: number;
}

/** Reads the HtmlOutput state of a value the script passed (throws for anything else). */
export function htmlOutputState(v: unknown): OutputState {
  return stateOf<OutputState>(v, 'userInterface');
}

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Builds HtmlService for an execution. */
export function htmlService(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  type OS = WithState<OutputState>;
  const outputMethods = {
    getContent(this: OS): string {
      return this[STATE].content;
    },
    setContent(this: OS, content: unknown): OS {
      this[STATE].content = String(content ?? '');
      return this;
    },
    append(this: OS, html: unknown): OS {
      this[STATE].content += String(html ?? '');
      return this;
    },
    appendUntrusted(this: OS, text: unknown): OS {
      this[STATE].content += escapeHtml(String(text ?? ''));
      return this;
    },
    clear(this: OS): OS {
      this[STATE].content = '';
      return this;
    },
    setTitle(this: OS, title: unknown): OS {
      this[STATE].title = String(title ?? '');
      return this;
    },
    getTitle(this: OS): string {
      return this[STATE].title;
    },
    setWidth(this: OS, w: unknown): OS {
      this[STATE].width = Number(w);
      return this;
    },
    getWidth(this: OS): number {
      return this[STATE].width;
    },
    setHeight(this: OS, h: unknown): OS {
      this[STATE].height = Number(h);
      return this;
    },
    getHeight(this: OS): number {
      return this[STATE].height;
    },
    setXFrameOptionsMode(this: OS): OS {
      return this;
    },
    setSandboxMode(this: OS): OS {
      return this;
    },
    setFaviconUrl(this: OS): OS {
      return this;
    },
    addMetaTag(this: OS, name: unknown, content: unknown): OS {
      this[STATE].content =
        `<meta name="${escapeHtml(String(name))}" content="${escapeHtml(String(content))}">${this[STATE].content}`;
      return this;
    },
  };
  const makeOutput = classFactory<OutputState, typeof outputMethods>(exec, outputMethods, 'none');
  const newOutput = (content: string): unknown => makeOutput({ content, title: '', width: 0, height: 0 });

  const methods = {
    createHtmlOutput(html?: unknown): unknown {
      if (html !== undefined && html !== null && typeof html === 'object' && 'getDataAsString' in html) {
        return newOutput(String((html as { getDataAsString(): string }).getDataAsString()));
      }
      return newOutput(html === undefined || html === null ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: unknown): unknown {
      const name = String(filename).replace(/\.html$/, '');
      const text = core.htmlFiles.get(name);
      if (text === undefined) throw new AppsError(`No HTML file named ${String(filename)} was found.`);
      return newOutput(text);
    },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    SandboxMode: { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' },
  };
  return classFactory<null, typeof methods>(exec, methods, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}

const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };
const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

/** Builds the Ui object returned by SpreadsheetApp.getUi(). */
export function buildUi(core: EmulatorCore, exec: Exec): unknown {
  type MS = WithState<MenuRecord>;
  const needsUiScope = (method: string): void => {
    // Dialogs, sidebars, alerts and prompts need the script.container.ui authorization, which simple triggers
    // lack ("They cannot access services that require authorization":
    // https://developers.google.com/apps-script/guides/triggers#restrictions); the add-on auth lifecycle grants
    // onOpen in NONE and LIMITED only "add menu items"
    // (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle). Whether a bound
    // script's onOpen may still show an alert is UNVERIFIED: stricter reading — refused in LIMITED too.
    if (exec.authMode === 'NONE' || exec.authMode === 'LIMITED')
      throw permissionError(`Ui.${method}`, [SCOPES.containerUi]);
    core.requireScope(`Ui.${method}`, [SCOPES.containerUi]);
  };
  const menuMethods = {
    addItem(this: MS, caption: unknown, functionName: unknown): MS {
      this[STATE].items.push({ caption: String(caption), functionName: String(functionName) });
      return this;
    },
    addSeparator(this: MS): MS {
      this[STATE].items.push(null);
      return this;
    },
    addSubMenu(this: MS, menu: unknown): MS {
      const sub = stateOf<MenuRecord>(menu, 'menu');
      this[STATE].items.push({ caption: sub.title, functionName: '', submenu: sub });
      return this;
    },
    addToUi(this: MS): void {
      const rec = this[STATE];
      const idx = core.ui.menus.findIndex((m) => m.title === rec.title);
      if (idx >= 0) core.ui.menus[idx] = rec;
      else core.ui.menus.push(rec);
    },
  };
  const makeMenu = classFactory<MenuRecord, typeof menuMethods>(exec, menuMethods, 'none');
  /**
   * The button a person clicks: the next scripted answer (emu.answerDialogs), else Yes / OK. "This method
   * suspends the server-side script while the dialog is open ... LockService locks don't persist across the
   * suspension" (https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)):
   * every lock this execution holds is released.
   */
  const buttonFor = (buttons: string): string => {
    for (const lock of Object.values(core.locks)) if (lock.holder === exec.id) lock.holder = null;
    const scripted = core.dialogAnswers.shift();
    if (typeof scripted === 'function') return scripted();
    if (scripted !== undefined) return scripted;
    return buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK;
  };

  /** alert/prompt arguments: (prompt), (prompt, buttons) or (title, prompt, buttons); records it, returns the buttons. */
  const recordDialog = (a: unknown, b?: unknown, c?: unknown): string => {
    const full = c !== undefined;
    const buttons = full ? String(c) : b !== undefined ? String(b) : BUTTON_SET.OK;
    core.ui.alerts.push({ title: full ? String(a) : '', prompt: full ? String(b) : String(a), buttons });
    return buttons;
  };
  const methods = {
    createMenu(caption: unknown): unknown {
      // In a published add-on createMenu ignores the caption and behaves like createAddonMenu().
      const title = core.options.installationSource === 'ADD_ON' ? core.options.addonName : String(caption);
      return makeMenu({ title, items: [] });
    },
    createAddonMenu(): unknown {
      return makeMenu({ title: core.options.addonName, items: [] });
    },
    alert(a: unknown, b?: unknown, c?: unknown): string {
      needsUiScope('alert');
      return buttonFor(recordDialog(a, b, c));
    },
    prompt(a: unknown, b?: unknown, c?: unknown): unknown {
      needsUiScope('prompt');
      const selected = buttonFor(recordDialog(a, b, c));
      return { getResponseText: (): string => '', getSelectedButton: (): string => selected };
    },
    showSidebar(output: unknown): void {
      needsUiScope('showSidebar');
      const st = htmlOutputState(output);
      // Sidebars are 300 px wide regardless of setWidth (reference §6).
      core.ui.sidebars.push({ html: st.content, title: st.title, width: 300 });
    },
    showModalDialog(output: unknown, title: unknown): void {
      needsUiScope('showModalDialog');
      const st = htmlOutputState(output);
      core.ui.dialogs.push({
        html: st.content,
        title: String(title),
        modal: true,
        width: st.width,
        height: st.height,
      });
    },
    showModelessDialog(output: unknown, title: unknown): void {
      needsUiScope('showModelessDialog');
      const st = htmlOutputState(output);
      core.ui.dialogs.push({
        html: st.content,
        title: String(title),
        modal: false,
        width: st.width,
        height: st.height,
      });
    },
    Button: BUTTON,
    ButtonSet: BUTTON_SET,
  };
  return classFactory<null, typeof methods>(exec, methods, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}

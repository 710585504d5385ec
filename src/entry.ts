/**
 * The entry list: every function Apps Script calls by name — the menu, the sidebar (google.script.run),
 * triggers and the custom function. The build turns each export of this file into a real top-level
 * `function NAME(…)` in dist/Code.js that forwards here, so this file is the one list of entry points.
 * It only hands names on; the logic lives in the modules.
 */

import { waCheck } from './formula/wa-check';
import { waContacts } from './formula/wa-contacts';
import { waGroupMembers } from './formula/wa-group-members';
import { gasServices } from './platform/gas';
import { autoRefresh, type ClockEvent, retryRefresh } from './refresh/trigger-handlers';
import type { SettingsForm } from './settings/settings';
import { CONTACTS_TABLE } from './sheet/contacts-sheet';
import { MEMBERS_TABLE } from './sheet/members-sheet';
import { type CheckReport, checkNumbersCommand } from './ui/check-command';
import {
  type CheckSettingsForm,
  type CheckSettingsView,
  saveCheckSettingsFromForm,
} from './ui/check-settings-view';
import { type CommandReport, importContactsCommand, refreshNowCommand } from './ui/commands';
import { type DeleteReport, deleteRemovedRows } from './ui/delete-removed';
import { type DiagnosticReport, showDiagnosticsDialog } from './ui/diagnostics';
import { disconnectSpreadsheet } from './ui/disconnect';
import { importMembersCommand, type MembersReport } from './ui/members-command';
import { buildMenu } from './ui/menu';
import {
  type ConnectionReport,
  openSettings,
  type SettingsView,
  saveSettingsFromForm,
  settingsView,
  testConnectionReport,
} from './ui/sidebar';

export function onOpen(_e?: unknown): void {
  buildMenu(gasServices());
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function importContacts(): CommandReport {
  return importContactsCommand(gasServices());
}

export function refreshNow(): CommandReport {
  return refreshNowCommand(gasServices());
}

export function importGroupMembers(): MembersReport {
  return importMembersCommand(gasServices());
}

export function checkNumbers(): CheckReport {
  return checkNumbersCommand(gasServices());
}

export function deleteRemovedContacts(): DeleteReport {
  return deleteRemovedRows(gasServices(), CONTACTS_TABLE);
}

export function deleteRemovedMembers(): DeleteReport {
  return deleteRemovedRows(gasServices(), MEMBERS_TABLE);
}

export function showSettings(): void {
  openSettings(gasServices());
}

export function getSettings(): SettingsView {
  return settingsView(gasServices());
}

export function saveSettings(form: SettingsForm): SettingsView {
  return saveSettingsFromForm(gasServices(), form);
}

export function saveCheckSettings(form: CheckSettingsForm): CheckSettingsView {
  return saveCheckSettingsFromForm(gasServices(), form);
}

export function testConnection(form?: SettingsForm): ConnectionReport {
  return testConnectionReport(gasServices(), form);
}

export function disconnect(): SettingsView {
  return disconnectSpreadsheet(gasServices());
}

export function showDiagnostics(): DiagnosticReport {
  return showDiagnosticsDialog(gasServices());
}

export function WA_CONTACTS(type?: unknown, header?: unknown): string[][] {
  return waContacts(gasServices(), type, header);
}

export function WA_GROUP_MEMBERS(group?: unknown, header?: unknown): string[][] {
  return waGroupMembers(gasServices(), group, header);
}

export function WA_CHECK(number?: unknown): string | string[][] {
  return waCheck(gasServices(), number);
}

export function onAutoRefresh(e?: ClockEvent): void {
  autoRefresh(gasServices(), e);
}

export function onRetryRefresh(e?: ClockEvent): void {
  retryRefresh(gasServices(), e);
}

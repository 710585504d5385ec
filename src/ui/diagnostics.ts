/**
 * Diagnostics: the checks a user or support needs, run in the real spreadsheet — settings present and valid,
 * the instance state at GREEN-API, this add-on's triggers and their next run, the formula snapshot and its age,
 * how the script is installed, and the last refresh. Shown as a dialog; the token never appears, only its hint.
 * This is how the add-on is verified on the real platform (docs/LIVE-CHECK.md).
 */

import { membersInfo } from '../cache/members-snapshot';
import { snapshotInfo } from '../cache/snapshot';
import { isAddonError } from '../errors/addon-error';
import { fetchState } from '../greenapi/client';
import { tokenHint } from '../greenapi/url';
import type { StringKey } from '../i18n/en';
import { errorText, isStringKey, translator } from '../i18n/i18n';
import { loadJob } from '../members/job';
import { loadCheckJob } from '../numbers/job';
import type { Services } from '../platform/services';
import { readLedger } from '../quota/ledger';
import {
  AUTO_HANDLER,
  auditTriggers,
  autoRefreshSince,
  budgetRefusedAt,
  currentAutoTrigger,
  RETRY_HANDLER,
  shortRefusedAt,
  storedFollowUp,
  TRIGGER_BUDGET,
} from '../refresh/schedule';
import { readStatus } from '../refresh/status';
import { storedHere } from '../settings/forget';
import { FieldError, REFRESH_CHOICES, validateSettings } from '../settings/settings';
import { loadSettings } from '../settings/store';
import { checkView } from './check-view';
import { membersView } from './members-view';
import { quotaView, TRIGGER_QUOTA_MS } from './quota-view';

/** One line of the report. */
export interface DiagnosticRow {
  check: string;
  level: 'ok' | 'warn' | 'fail';
  text: string;
}

/** The whole report. */
export interface DiagnosticReport {
  title: string;
  rows: DiagnosticRow[];
}

/** Runs every check and returns the report (no UI). */
export function runDiagnostics(services: Services): DiagnosticReport {
  const t = translator(services.locale());
  const rows: DiagnosticRow[] = [];
  const properties = services.properties();
  const settings = loadSettings(properties);
  const now = services.clock.now();

  if (!settings) {
    rows.push({ check: t('diag.settings'), level: 'fail', text: t('diag.settings.missing') });
  } else {
    try {
      validateSettings({ ...settings }, settings, 0);
      const text = t('diag.settings.ok', {
        apiUrl: settings.apiUrl,
        idInstance: settings.idInstance,
        hint: tokenHint(settings.apiTokenInstance),
      });
      rows.push({ check: t('diag.settings'), level: 'ok', text });
    } catch (error) {
      const detail = error instanceof FieldError && isStringKey(error.key) ? t(error.key as StringKey) : '';
      rows.push({ check: t('diag.settings'), level: 'fail', text: t('diag.settings.invalid', { detail }) });
    }
    try {
      const state = fetchState(services, settings);
      const key = `state.${state}`;
      const text = isStringKey(key) ? t(key) : t('state.unknown', { state: state.slice(0, 40) });
      rows.push({ check: t('diag.state'), level: state === 'authorized' ? 'ok' : 'fail', text });
    } catch (error) {
      const text = isAddonError(error) ? errorText(t, error.kind, error.detail) : t('error.internal');
      rows.push({ check: t('diag.state'), level: 'fail', text });
    }
  }

  // The meter: GREEN-API requests this month against the plan, and Apps Script's side today.
  const quota = quotaView(services, settings, REFRESH_CHOICES, t);
  if (settings) {
    const text = [...quota.meter, quota.scheduleWarning, t('settings.meter.note')].filter(Boolean).join(' ');
    const level = quota.paused.length > 0 || quota.scheduleWarning ? 'warn' : 'ok';
    rows.push({ check: t('diag.quota'), level, text });
  }
  const runtime = readLedger(services, now).triggerMs;
  rows.push({
    check: t('diag.appsQuota'),
    level: runtime > TRIGGER_QUOTA_MS * 0.8 ? 'warn' : 'ok',
    text: quota.apps,
  });

  // The mode the add-on believes it runs in, and Google's own word for it: a test deployment of an add-on may
  // report NONE (the enum documents NONE and the add-on sources only), which the live check must be able to see.
  const installation = services.triggers.installation();
  rows.push({
    check: t('diag.installation'),
    level: 'ok',
    text: `${t(installation === 'addon' ? 'diag.installation.addon' : 'diag.installation.bound')} ${t(
      'diag.installation.source',
      { source: services.triggers.installationSource() },
    )}`,
  });

  const all = services.triggers.list();
  const audit = auditTriggers(services.triggers, properties);
  // This document's triggers: the stored ones by id, and what getUserTriggers(spreadsheet) shows.
  const stored = new Set([currentAutoTrigger(properties), storedFollowUp(properties)?.id ?? '']);
  const mine = all.filter((x) => x.inDocument || stored.has(x.id));
  const auto = mine.filter((x) => x.handler === AUTO_HANDLER).length;
  const retry = mine.filter((x) => x.handler === RETRY_HANDLER).length;
  const minutes = settings?.refreshEveryMinutes ?? 0;
  const status = readStatus(properties);
  const parts: string[] = [];
  if (auto + retry === 0) parts.push(t('diag.triggers.none'));
  else parts.push(t('diag.triggers.list', { auto, retry, total: audit.held }));
  parts.push(t('diag.triggers.held', { held: audit.held, budget: TRIGGER_BUDGET }));
  for (const which of audit.unknown)
    parts.push(t('diag.triggers.unknown', { which: t(`diag.triggers.which.${which}`) }));
  if (audit.unrecorded > 0) parts.push(t('diag.triggers.unrecorded', { count: audit.unrecorded }));
  const budgetRefused = budgetRefusedAt(properties);
  if (budgetRefused !== null)
    parts.push(t('diag.triggers.budgetRefused', { time: services.formatTime(budgetRefused) }));
  const shortRefused = shortRefusedAt(properties, now);
  if (shortRefused !== null)
    parts.push(t('diag.triggers.shortRefused', { time: services.formatTime(shortRefused) }));
  if (minutes > 0) {
    const since = autoRefreshSince(properties) ?? now;
    const period = minutes * 60_000;
    const next = since + Math.max(1, Math.ceil((now - since) / period)) * period;
    parts.push(`${t('diag.triggers.interval', { minutes })} ~${services.formatTime(next)}`);
  }
  if (status?.nextRetryAt)
    parts.push(`${t('settings.status.retry')}: ${services.formatTime(status.nextRetryAt)}`);
  const triggerProblem =
    (minutes > 0 && auto !== 1 && !audit.auto) ||
    auto > 1 ||
    retry > 1 ||
    audit.unknown.length > 0 ||
    audit.unrecorded > 0 ||
    budgetRefused !== null ||
    audit.held >= TRIGGER_BUDGET - 2;
  rows.push({ check: t('diag.triggers'), level: triggerProblem ? 'warn' : 'ok', text: parts.join(' ') });

  if (installation === 'bound') {
    const editors = services.editorCount();
    if (editors !== null)
      rows.push({ check: t('diag.editors'), level: 'ok', text: t('diag.editors.count', { count: editors }) });
  }

  const cache = services.cache();
  const snapshot = cache ? snapshotInfo(cache) : null;
  rows.push(
    snapshot
      ? {
          check: t('diag.snapshot'),
          level: 'ok',
          text: t('diag.snapshot.ok', {
            count: snapshot.count,
            age: Math.max(0, Math.round((now - snapshot.savedAt) / 60_000)),
            chunks: snapshot.chunks + 1,
          }),
        }
      : { check: t('diag.snapshot'), level: 'warn', text: t('diag.snapshot.none') },
  );

  const members = membersView(services, t, loadJob(properties));
  if (members) {
    const parts = [`${members.at}: ${members.state}.`, members.groups];
    if (members.next) parts.push(`${t('settings.members.next')}: ${members.next}`);
    if (members.error) parts.push(`— ${members.error}`);
    const level = members.error ? 'warn' : 'ok';
    rows.push({ check: t('diag.members'), level, text: parts.join(' ') });
  }
  const check = checkView(t, loadCheckJob(properties));
  if (check) {
    const text = check.error ? `${check.text} — ${check.error}` : check.text;
    rows.push({ check: t('diag.check'), level: check.error ? 'warn' : 'ok', text });
  }
  const membersCache = cache ? membersInfo(cache) : null;
  if (membersCache) {
    rows.push({
      check: t('diag.membersSnapshot'),
      level: 'ok',
      text: t('diag.membersSnapshot.ok', {
        count: membersCache.count,
        age: Math.max(0, Math.round((now - membersCache.savedAt) / 60_000)),
      }),
    });
  }

  if (status) {
    const outcome = t(`settings.status.outcome.${status.outcome}` as StringKey);
    let text = `${services.formatTime(status.at)}: ${outcome}`;
    if (status.outcome === 'ok') text += ` (${status.count})`;
    if (status.outcome === 'error' && status.errorKind)
      text += ` — ${errorText(t, status.errorKind, status.errorDetail)}`;
    if (status.outcome === 'gaveUp') text += ` — ${t('import.gaveUp')}`;
    if (status.outcome === 'heldBack' && status.heldBack)
      text += ` — ${t('import.heldBack', { ...status.heldBack })}`;
    rows.push({ check: t('diag.lastRefresh'), level: status.outcome === 'ok' ? 'ok' : 'warn', text });
    if (status.groupsHeldBack)
      rows.push({
        check: t('diag.lastRefresh'),
        level: 'warn',
        text: t('diag.groupsHeldBack', { groups: status.groupsHeldBack }),
      });
  } else {
    rows.push({ check: t('diag.lastRefresh'), level: 'warn', text: t('settings.status.never') });
  }

  // Last, so whatever the checks above cached (the time zone) is counted too.
  const kept = storedHere(properties, cache);
  rows.push({
    check: t('diag.stored'),
    level: 'ok',
    text:
      kept.properties + kept.cacheEntries === 0
        ? t('diag.stored.none')
        : t('diag.stored.some', { properties: kept.properties, cache: kept.cacheEntries }),
  });
  return { title: t('diag.title'), rows };
}

/** Runs the checks and shows them in a dialog; returns the report. */
export function showDiagnosticsDialog(services: Services): DiagnosticReport {
  const report = runDiagnostics(services);
  const t = translator(services.locale());
  const label = { ok: t('diag.ok'), warn: t('diag.warn'), fail: t('diag.fail') };
  const body = report.rows
    .map(
      (r) =>
        `<tr class="${r.level}"><th>${esc(r.check)}</th><td>${esc(label[r.level])}</td><td>${esc(r.text)}</td></tr>`,
    )
    .join('');
  const html =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>` +
    `body{font:13px Arial,sans-serif;margin:8px}table{border-collapse:collapse;width:100%}` +
    `th,td{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}` +
    `.ok td:nth-child(2){color:#137333}.warn td:nth-child(2){color:#b06000}.fail td:nth-child(2){color:#c5221f}` +
    `</style></head><body><table>${body}</table>` +
    `<p><button onclick="google.script.host.close()">${esc(t('diag.close'))}</button></p></body></html>`;
  services.ui.showDialog(html, report.title);
  return report;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

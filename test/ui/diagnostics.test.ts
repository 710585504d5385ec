/**
 * Diagnostics: the report a user or support reads, in each situation, never with the token.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultForm, everythingVisible, instance, TOKEN, withAddon } from '../support/addon';

const addon = withAddon();

type Report = { title: string; rows: Array<{ check: string; level: string; text: string }> };

function row(report: Report, check: string) {
  const found = report.rows.find((r) => r.check === check);
  if (!found) throw new Error(`no row ${check}`);
  return found;
}

describe('Diagnostics', () => {
  it('reports missing settings', () => {
    const emu = addon.fresh({}, undefined, false);
    const report = emu.run('showDiagnostics') as Report;
    expect(row(report, 'Settings')).toMatchObject({ level: 'fail' });
    expect(row(report, 'Last refresh').text).toBe('No refresh yet.');
    expect(emu.ui.dialogs.length).toBe(1);
  });

  it('reports a healthy setup: settings, state, trigger with its next run, snapshot, installation', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { refreshEveryMinutes: 120 }));
    emu.run('importContacts');
    const report = emu.run('showDiagnostics') as Report;
    expect(row(report, 'Settings')).toMatchObject({ level: 'ok' });
    expect(row(report, 'Settings').text).toContain(`…${TOKEN.slice(-4)}`);
    expect(row(report, 'GREEN-API instance')).toMatchObject({ level: 'ok' });
    expect(row(report, 'Triggers').text).toMatch(/1 auto-refresh, 0 retry.*every 120 minutes\. ~\d{4}-/);
    expect(row(report, 'Formula snapshot').text).toMatch(/contacts, saved 0 minutes ago/);
    expect(row(report, 'Installation').text).toMatch(/bound/);
    expect(row(report, 'Last refresh')).toMatchObject({ level: 'ok' });
    // The meter: this month's requests (Diagnostics' own getStateInstance is counted as it asks), Apps Script's day.
    expect(row(report, 'GREEN-API quota')).toMatchObject({ level: 'ok' });
    expect(row(report, 'GREEN-API quota').text).toMatch(
      /^getContacts: 1 of 1,000 this month \(resets 1 February\)\. getGroupData: 0 of 1,000 .* getStateInstance: 1 this month \(no cap\)\. Counted by this spreadsheet; requests other tools make/,
    );
    expect(row(report, 'Apps Script quota')).toMatchObject({ level: 'ok' });
    expect(row(report, 'Apps Script quota').text).toMatch(
      /trigger time 0\.0 of 90 min a day .* UrlFetch calls 2 of 20,000/,
    );
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });

  it('reports an instance that is not authorized and a pending retry', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 1 }));
    emu.run('importContacts');
    addon.api.configureSync(instance({ state: 'notAuthorized' }));
    const report = emu.run('showDiagnostics') as Report;
    expect(row(report, 'GREEN-API instance')).toMatchObject({ level: 'fail' });
    expect(row(report, 'GREEN-API instance').text).toMatch(/QR code/);
    expect(row(report, 'Triggers').text).toMatch(/0 auto-refresh, 1 retry.*Next retry/);
    expect(row(report, 'Formula snapshot')).toMatchObject({ level: 'warn' });
  });

  it('reports an add-on installation', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' });
    expect(row(emu.run('showDiagnostics') as Report, 'Installation').text).toMatch(/Add-on/);
  });
});

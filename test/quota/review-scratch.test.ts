import { describe, expect, it } from '@jest/globals';
import { defaultForm, type Emulator, instance, SHEET, withAddon } from '../support/addon';
import { type FakeRequest, responses } from '../support/fake-green-api';

const addon = withAddon();
const HOUR = 60 * 60_000;
const CELLS = 'Cells';
function calls(method: string, from = 0): FakeRequest[] {
  return addon.api.requestsSync().filter((r) => r.apiMethod === method && r.at >= from);
}
function save(emu: Emulator, extra: Record<string, unknown>) {
  return emu.run('saveSettings', defaultForm(addon.api, extra)) as any;
}
const tryit = (f: () => unknown) => {
  try {
    return f();
  } catch (e) {
    return `THROW ${(e as Error).message}`;
  }
};

describe('scratch', () => {
  it('S6 bad input', () => {
    const emu = addon.fresh();
    for (const extra of [
      { plan: 'free' },
      { plan: 'custom', monthlyCaps: { getContacts: -1 } },
      { plan: 'custom', monthlyCaps: { getGroupData: 'ten' } },
      { plan: 'custom', monthlyCaps: { getContacts: 1.5 } },
      { plan: 'custom', monthlyCaps: 'abc' },
      { plan: 'custom', monthlyCaps: { getContacts: '', getGroupData: ' ', checkWhatsapp: null } },
      { plan: 'custom', monthlyCaps: { getContacts: '1,000' } },
      { plan: 'custom', monthlyCaps: { getContacts: 20 }, refreshEveryMinutes: 1440 },
      {
        plan: 'custom',
        monthlyCaps: { getContacts: 40 },
        refreshEveryMinutes: 1440,
        membersOnSchedule: true,
      },
      { plan: 'developer', monthlyCaps: { getContacts: 5 }, refreshEveryMinutes: 60 },
    ]) {
      const r = tryit(() => save(emu, extra)) as any;
      console.log(
        JSON.stringify(extra),
        '=>',
        typeof r === 'string'
          ? r
          : JSON.stringify({
              plan: r.plan,
              caps: r.monthlyCaps,
              choices: r.refreshChoices,
              refresh: r.refreshEveryMinutes,
              warn: r.quota.scheduleWarning,
            }),
      );
    }
  });

  it('S7 formula 466 pauses triggers; 429 counting; meter after pause', () => {
    const emu = addon.fresh(
      { startTime: Date.parse('2026-01-10T00:00:00Z') },
      instance({ quota: { getContacts: 0 } }),
    );
    emu.spreadsheet.insertSheet(CELLS);
    save(emu, { refreshEveryMinutes: 60 });
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    console.log('cell', emu.sheetValues(CELLS)[0][0]);
    emu.advanceTime(5 * HOUR);
    console.log(
      'getContacts',
      calls('getContacts').map((r) => `${new Date(r.at).toISOString()} ${r.status}`),
    );
    const v = emu.run('getSettings') as any;
    console.log(v.quota.meter, v.quota.paused);
    const rep = emu.run('showDiagnostics') as any;
    console.log(JSON.stringify(rep.rows.filter((r: any) => /quota/i.test(r.check))));
  });
});

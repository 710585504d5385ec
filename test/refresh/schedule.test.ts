/**
 * removeAllTriggers, the one call that clears every trigger the add-on holds for this document (for
 * "Disconnect"): by stored id from whichever listing shows it, plus this document's triggers with the add-on's
 * handlers; never another spreadsheet's or anybody else's. Over small in-memory ports, since no entry point
 * calls it yet.
 */
import { describe, expect, it } from '@jest/globals';
import type { TriggerInfo, Triggers } from '../../src/platform/services';
import {
  AUTO_HANDLER,
  applyAutoRefresh,
  RETRY_HANDLER,
  removeAllTriggers,
  scheduleFollowUp,
} from '../../src/refresh/schedule';

type Listed = TriggerInfo & { hiddenFrom?: 'project' | 'document' | 'both' };

function ports(installation: 'bound' | 'addon' = 'bound') {
  const all: Listed[] = [];
  let next = 1;
  const store = new Map<string, string>();
  const properties = {
    getProperty: (k: string) => store.get(k) ?? null,
    setProperty(k: string, v: string) {
      store.set(k, v);
      return properties;
    },
    setProperties(o: Record<string, string>) {
      for (const [k, v] of Object.entries(o)) store.set(k, v);
      return properties;
    },
    deleteProperty(k: string) {
      store.delete(k);
      return properties;
    },
  } as unknown as GoogleAppsScript.Properties.Properties;
  const visible = (t: Listed) => t.hiddenFrom !== 'both';
  const triggers: Triggers = {
    list: () =>
      all.filter(visible).map((t) => ({
        id: t.id,
        handler: t.handler,
        inProject: t.hiddenFrom !== 'project' && t.inProject,
        inDocument: t.hiddenFrom !== 'document' && t.inDocument,
      })),
    createRecurring: (handler) => add(handler, true),
    createOnce: (handler) => add(handler, true),
    remove(id) {
      const at = all.findIndex((t) => t.id === id && visible(t));
      if (at < 0) return false;
      all.splice(at, 1);
      return true;
    },
    installation: () => installation,
    installationSource: () => (installation === 'addon' ? 'WEB_STORE_ADD_ON' : 'NONE'),
  };
  function add(handler: string, inDocument: boolean, hiddenFrom?: Listed['hiddenFrom']): TriggerInfo {
    const t: Listed = { id: String(next++), handler, inProject: true, inDocument, hiddenFrom };
    all.push(t);
    return t;
  }
  return { all, triggers, properties, store, add };
}

describe('removeAllTriggers', () => {
  it('removes the auto-refresh and the follow-up it stored, and forgets them', () => {
    const p = ports();
    applyAutoRefresh(p.triggers, p.properties, 30, 0, 0);
    scheduleFollowUp(p.triggers, p.properties, 0, 5 * 60_000);
    expect(p.all.map((t) => t.handler).sort()).toEqual([AUTO_HANDLER, RETRY_HANDLER]);
    expect(removeAllTriggers(p.triggers, p.properties)).toBe(2);
    expect(p.all).toEqual([]);
    expect([...p.store.keys()].filter((k) => /Trigger|followUp|autoSince/.test(k))).toEqual([]);
  });

  it('finds a stored trigger in whichever listing shows it', () => {
    for (const hiddenFrom of ['project', 'document'] as const) {
      const p = ports();
      applyAutoRefresh(p.triggers, p.properties, 30, 0, 0);
      p.all[0].hiddenFrom = hiddenFrom;
      expect(removeAllTriggers(p.triggers, p.properties)).toBe(1);
      expect(p.all).toEqual([]);
    }
  });

  it("never touches another spreadsheet's trigger with the same handler, or someone's own trigger", () => {
    const p = ports('addon');
    const elsewhere = p.add(AUTO_HANDLER, false); // the person's auto-refresh of another spreadsheet
    const report = p.add('myReport', true);
    applyAutoRefresh(p.triggers, p.properties, 60, 0, 0);
    expect(removeAllTriggers(p.triggers, p.properties)).toBe(1);
    expect(p.all.map((t) => t.id)).toEqual([elsewhere.id, report.id]);
  });

  it('forgets a stored id neither listing shows (nothing to delete, nothing to remember)', () => {
    const p = ports();
    applyAutoRefresh(p.triggers, p.properties, 30, 0, 0);
    p.all[0].hiddenFrom = 'both';
    expect(removeAllTriggers(p.triggers, p.properties)).toBe(0);
    expect(p.store.get('wa.autoTriggerId')).toBeUndefined();
  });
});

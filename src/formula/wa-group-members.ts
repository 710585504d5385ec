/**
 * `=WA_GROUP_MEMBERS(group, header)`: the members of one WhatsApp group — Member ID, Phone, Name, Role — as a
 * custom function. `group` is a group ID (`…@g.us`) or a group's exact name. The formula reads what the members
 * import left in the cache (cache/members-snapshot.ts) and the contact list's snapshot for names; without them
 * it fetches — the contact list to find a group by name and name its members, getGroupData for the group — once
 * under the document lock and within the custom function's 30 seconds (formula/obtain.ts). An unknown group, or
 * one the account is not in, is an error (#ERROR!) whose message names it.
 */
import { cacheDeps } from '../cache/chunked';
import { loadMembers, updateMembers } from '../cache/members-snapshot';
import { fetchGroup, HURRIED } from '../greenapi/client';
import { Pacer } from '../greenapi/pacer';
import type { Translate } from '../i18n/i18n';
import { GROUP_ID, type Group } from '../members/group';
import { formulaRows, namesOf } from '../members/rows';
import type { Services } from '../platform/services';
import { instanceKey, loadSettings } from '../settings/store';
import { fitCell } from '../table/cell-text';
import { formulaDeadline } from './budget';
import { formulaCall } from './call';
import { groupsFromTable } from './from-table';
import { contactsSource, fail, obtain } from './obtain';
import { describe, parseHeader } from './wa-contacts';

/** Evaluates WA_GROUP_MEMBERS for the given arguments; returns a rectangular 2-D array of plain values. */
export function waGroupMembers(services: Services, group: unknown, header: unknown): string[][] {
  return formulaCall(services, (t) => membersTable(services, t, group, header));
}

function membersTable(services: Services, t: Translate, group: unknown, header: unknown): string[][] {
  const deadline = formulaDeadline(services.clock);
  if (typeof group !== 'string' || group.trim() === '')
    throw new Error(t('formula.badGroup', { value: describe(group) }));
  const query = group.trim();
  const withHeader = parseHeader(header, t, 'WA_GROUP_MEMBERS');
  const settings = loadSettings(services.properties());
  if (!settings) return fail(t('formula.noSettings'));
  const instance = instanceKey(settings);
  const deps = cacheDeps(services);
  const client = { ...services, deadline, pacer: new Pacer(services.clock) };

  // The contact list: names, and groups by name.
  const contacts = obtain(services, contactsSource(services, settings, client), deadline, t);

  // The group: by id, else by exact name (a group's subject as the members import read it, or its name). The
  // members snapshot is decoded once here; only a re-check under the lock reads the cache again.
  let snapshot = deps ? loadMembers(deps, instance) : null;
  let groupId = GROUP_ID.test(query) ? query : '';
  if (!groupId) {
    const ids = new Set<string>();
    for (const g of snapshot?.values() ?? []) if (g.subject === query) ids.add(g.id);
    for (const c of contacts)
      if (c.type === 'group' && (c.name === query || c.contactName === query)) ids.add(c.id);
    if (ids.size === 0) return fail(t('formula.unknownGroup', { group: query }));
    if (ids.size > 1) return fail(t('formula.ambiguousGroup', { group: query, count: ids.size }));
    groupId = [...ids][0];
  }
  const found = obtain<Group>(
    services,
    {
      instance,
      scope: groupId,
      load: () => {
        const groups = snapshot ?? (deps ? loadMembers(deps, instance) : null);
        snapshot = null;
        return groups?.get(groupId) ?? null;
      },
      fromSheet: () => {
        const groups = groupsFromTable(services, instance);
        const found = groups?.find((g) => g.id === groupId) ?? null;
        // The whole table rebuilds the members snapshot: the next formulas need not read the sheet again.
        if (found && groups && deps) updateMembers(deps, instance, groups, [], services.clock.now());
        return found;
      },
      fetch: () => fetchGroup(client, settings, groupId, HURRIED),
      label: query,
      save: (read, budget) => {
        if (deps) updateMembers(deps, instance, [read], [], services.clock.now(), budget);
      },
    },
    deadline,
    t,
  );
  const rows = formulaRows(found, namesOf(contacts)).map((row) => row.map(fitCell));
  if (!withHeader) return rows;
  return [[t('header.memberId'), t('header.phone'), t('header.name'), t('header.role')], ...rows];
}

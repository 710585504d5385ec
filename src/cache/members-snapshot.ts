/**
 * The members of every group the members import has read, kept in the document cache (a chunked value:
 * cache/chunked.ts) for `=WA_GROUP_MEMBERS()` to read without calling GREEN-API. Each slice of the import
 * updates it: the groups it read replace their old entries, groups the account is no longer in are dropped.
 * Stored as {groupId: [subject, [[memberId, role], …]]}, roles as 0 superadmin, 1 admin, 2 member.
 */
import type { Group, Member } from '../members/group';
import { ROLES } from '../members/group';
import {
  type CacheDeps,
  chunkedHash,
  chunkedInfo,
  chunkedKeys,
  dropChunked,
  loadChunked,
  saveChunked,
  type WriteBudget,
} from './chunked';

const NAME = 'wa.members';

/** The groups read back from the cache, by id. */
export type MembersSnapshot = Map<string, Group>;

/** Reads the members snapshot of `instance` (null when there is none or it fails any check). */
export function loadMembers(deps: CacheDeps, instance: string): MembersSnapshot | null {
  const stored = loadChunked(deps, NAME, instance);
  if (!stored) return null;
  try {
    const data: unknown = JSON.parse(stored.json);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    const groups: MembersSnapshot = new Map();
    for (const [id, entry] of Object.entries(data as Record<string, unknown>)) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) return null;
      const members: Member[] = [];
      for (const m of entry[1] as unknown[]) {
        if (!Array.isArray(m) || typeof m[0] !== 'string' || !ROLES[m[1] as number]) return null;
        members.push({ id: m[0], role: ROLES[m[1] as number] });
      }
      groups.set(id, { id, subject: entry[0], members });
    }
    return groups.size === stored.count ? groups : null;
  } catch (_) {
    return null;
  }
}

/** Replaces the entries of the groups read, drops `gone` groups; returns the cache entries written. */
export function updateMembers(
  deps: CacheDeps,
  instance: string,
  read: readonly Group[],
  gone: readonly string[],
  now: number,
  budget?: WriteBudget,
): number {
  const groups = loadMembers(deps, instance) ?? new Map();
  for (const group of read) groups.set(group.id, group);
  for (const id of gone) groups.delete(id);
  const data: Record<string, [string, Array<[string, number]>]> = {};
  for (const [id, group] of groups) {
    data[id] = [
      group.subject,
      group.members.map((m: Member) => [m.id, ROLES.indexOf(m.role)] as [string, number]),
    ];
  }
  return saveChunked(deps, NAME, instance, JSON.stringify(data), groups.size, now, budget);
}

/** Age and size of the members snapshot, for diagnostics. */
export function membersInfo(cache: GoogleAppsScript.Cache.Cache): { savedAt: number; count: number } | null {
  return chunkedInfo(cache, NAME);
}

/** The content hash of the stored members snapshot (null when there is none). */
export function membersHash(cache: GoogleAppsScript.Cache.Cache): string | null {
  return chunkedHash(cache, NAME);
}

/** The cache keys the members snapshot uses now. */
export function membersKeys(cache: GoogleAppsScript.Cache.Cache): string[] {
  return chunkedKeys(cache, NAME);
}

/** Forgets the members snapshot (settings changed). */
export function dropMembers(cache: GoogleAppsScript.Cache.Cache): void {
  dropChunked(cache, NAME);
}

/**
 * Validates a getGroupData answer (https://green-api.com/en/docs/api/groups/GetGroupData/): `{groupId, subject,
 * participants: [{id, isAdmin, isSuperAdmin}], …}`. What GREEN-API answers for a group the account has left is
 * not documented, so an answer without the group's id or without a participants list means "not in this group"
 * (its rows become removed), never a crash. Participants without a usable id are skipped, duplicates keep their
 * first occurrence, unknown extra fields (such as `lid`) are ignored. Anything that is not a JSON object is an
 * unexpected answer.
 */
import { WHATSAPP_ID } from '../contacts/parse';
import { AddonError } from '../errors/addon-error';
import type { Group, Member, Role } from './group';

/** The group in a getGroupData answer for `groupId`, or `notInGroup`. */
export function parseGroupData(json: unknown, groupId: string): Group | 'notInGroup' {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new AddonError('unexpected');
  const record = json as Record<string, unknown>;
  const id = typeof record.groupId === 'string' ? record.groupId.trim() : '';
  if (!id || !Array.isArray(record.participants)) return 'notInGroup';
  const seen = new Set<string>();
  const members: Member[] = [];
  for (const entry of record.participants) {
    if (!entry || typeof entry !== 'object') continue;
    const p = entry as Record<string, unknown>;
    const memberId = typeof p.id === 'string' ? p.id.trim() : '';
    if (!WHATSAPP_ID.test(memberId) || memberId.startsWith('null@') || seen.has(memberId)) continue;
    seen.add(memberId);
    members.push({ id: memberId, role: roleOf(p) });
  }
  if (members.length === 0) return 'notInGroup';
  const subject = typeof record.subject === 'string' ? record.subject : '';
  return { id: groupId, subject, members };
}

function roleOf(p: Record<string, unknown>): Role {
  if (p.isSuperAdmin === true) return 'superadmin';
  if (p.isAdmin === true) return 'admin';
  return 'member';
}

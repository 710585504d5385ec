/**
 * The members table as a keyed table: Group ID, Group name, Member ID, Phone, Name, Role and Status, keyed by
 * (Group ID, Member ID). A row is the table's when its Group ID is a group id (`…@g.us`) and its Member ID a
 * WhatsApp id. Each column has an identity (its tag) and, where it has one, the pattern of what it holds. The
 * log shows a member by role, so a change of role is logged; the log's Group column names the
 * group.
 */
import { WHATSAPP_ID } from '../contacts/parse';
import type { TableSchema } from '../table/keyed-table';
import { isRemovedMark } from '../table/removed-mark';
import { GROUP_ID } from './group';

/** Header words of each column, the current language's first. */
export interface MemberHeaders {
  groupId: readonly string[];
  groupName: readonly string[];
  memberId: readonly string[];
  phone: readonly string[];
  name: readonly string[];
  role: readonly string[];
  status: readonly string[];
}

/** The members table's schema. */
export function membersSchema(headers: MemberHeaders): TableSchema {
  return {
    columns: [
      { id: 'groupId', headers: headers.groupId, key: true, fits: (text) => GROUP_ID.test(text) },
      { id: 'groupName', headers: headers.groupName },
      { id: 'memberId', headers: headers.memberId, key: true, fits: (text) => WHATSAPP_ID.test(text) },
      { id: 'phone', headers: headers.phone, fits: (text) => /^\+\d{1,20}$/.test(text) },
      { id: 'name', headers: headers.name },
      { id: 'role', headers: headers.role },
    ],
    status: { id: 'status', headers: headers.status, fits: isRemovedMark },
    validKey: (parts) => GROUP_ID.test(parts[0]) && WHATSAPP_ID.test(parts[1]),
    label: (row) => row[5] ?? '',
    context: (row) => (row[1] ? `${row[1]} (${row[0]})` : (row[0] ?? '')),
    // A group's first import is one summary line in the log, not one "joined" per member.
    group: (key) => key[0] ?? '',
  };
}

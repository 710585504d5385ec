/**
 * The members table as a keyed table: Group ID, Group name, Member ID, Phone, Name, Role and Status, keyed by
 * (Group ID, Member ID). A row is the table's when its Group ID is a group id (`…@g.us`) and its Member ID a
 * WhatsApp id. The log shows a member by role, so a change of role is logged; the log's Group column names the
 * group.
 */
import { WHATSAPP_ID } from '../contacts/parse';
import type { TableSchema } from '../table/keyed-table';
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
      { headers: headers.groupId, key: true },
      { headers: headers.groupName },
      { headers: headers.memberId, key: true },
      { headers: headers.phone },
      { headers: headers.name },
      { headers: headers.role },
    ],
    status: { headers: headers.status },
    validKey: (parts) => GROUP_ID.test(parts[0]) && WHATSAPP_ID.test(parts[1]),
    label: (row) => row[5] ?? '',
    context: (row) => (row[1] ? `${row[1]} (${row[0]})` : (row[0] ?? '')),
  };
}

/**
 * A WhatsApp group as getGroupData tells it: its id, subject (the group's name) and participants, each with a
 * role made of the API's admin flags. getGroupData gives no member names; the add-on takes them from the contact
 * list (GREEN-API's own advice: https://github.com/green-api/issues/issues/829).
 */

/** A member's role: the API's isSuperAdmin / isAdmin flags as words (data, not translated, like Type). */
export type Role = 'superadmin' | 'admin' | 'member';

/** One participant. */
export interface Member {
  id: string;
  role: Role;
}

/** One group. */
export interface Group {
  id: string;
  subject: string;
  members: Member[];
}

/** A group's id (`…@g.us`): the only ids getGroupData takes, and the Group ID of a members row. */
export const GROUP_ID = /^[^@\s]+@g\.us$/;

/** Roles in their table order: the superadmin first. */
export const ROLES: readonly Role[] = ['superadmin', 'admin', 'member'];

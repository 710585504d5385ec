/**
 * Every word the add-on shows, in English: menu, sheet headers, sidebar, toasts, alerts, errors and formula
 * messages. `{name}` marks a parameter. The Russian table must have exactly the same keys (checked by tsc and
 * by a test). Menu paths say "WhatsApp Contacts → …": in a published add-on the menu sits under Extensions.
 */
export const en = {
  'app.name': 'WhatsApp Contacts',
  'menu.import': 'Import contacts',
  'menu.refresh': 'Refresh now',
  'menu.settings': 'Settings',
  'menu.diagnostics': 'Diagnostics',

  'menu.deleteRemoved': 'Delete removed contacts',
  'menu.importMembers': 'Import group members',
  'menu.deleteRemovedMembers': 'Delete members who left',
  'header.id': 'ID',
  'header.phone': 'Phone',
  'header.name': 'Name',
  'header.contactName': 'Contact name',
  'header.type': 'Type',

  'header.status': 'Status',
  'header.groupId': 'Group ID',
  'header.groupName': 'Group name',
  'header.memberId': 'Member ID',
  'header.role': 'Role',
  'status.removed': 'removed {date}',

  'log.header.time': 'Time',
  'log.header.change': 'Change',
  'log.header.id': 'ID',
  'log.header.before': 'Before',
  'log.header.after': 'After',
  'log.header.group': 'Group',
  'log.added': 'added',
  'log.removed': 'removed',
  'log.returned': 'returned',
  'log.renamed': 'renamed',
  'log.firstImport': '{count} contacts (first import)',
  'log.joined': 'joined',
  'log.left': 'left',
  'log.roleChanged': 'role changed',
  'log.firstMembers': '{count} group members (first import)',
  'import.done': 'Imported {count} contacts (users: {users}, groups: {groups}).',
  'import.noChanges': 'No changes: the sheet already holds the {count} contacts.',
  'import.formulas': '{formulas} WA_CONTACTS formula cells were refreshed.',
  'import.changes': 'New: {added}, marked removed: {removed}, back: {returned}, renamed: {renamed}.',
  'confirm.removals.title': 'Mark contacts as removed?',
  'confirm.removals':
    'GREEN-API returned {count} contacts, and {removed} of the {live} contacts in the sheet are not among them. GREEN-API sometimes returns an incomplete list for a while. Mark those {removed} rows as removed? They keep their rows and your notes; nothing is deleted. Choose No to leave the sheet as it is and try again later.',
  'import.declined': 'Nothing was changed.',
  'deleteRemoved.title': 'Delete removed contacts?',
  'deleteRemoved.none': 'No rows of the sheet "{sheet}" are marked removed.',
  'deleteRemoved.done': 'Deleted {count} rows marked removed from the sheet "{sheet}".',

  'deleteRemoved.failed':
    'The rows of the sheet "{sheet}" could not be deleted (merged cells or a protected range can stop it). Nothing you confirmed was lost: check the sheet and try again.',
  'members.title': 'Group members',
  'members.done':
    'Group members imported: {members} members of {total} groups. Joined: {added}, left: {removed}, back: {returned}, role changed: {changed}.',
  'members.progress': 'Reading group members: {done} of {total} groups…',
  'members.pending':
    'Read the members of {done} of {total} groups so far; they are in the sheet. The rest continues by itself {when}.',
  'members.when.at': 'at about {time}',
  'members.when.nextRun': 'with the next automatic refresh (Google lets add-ons run at most once an hour)',
  'members.when.none': 'when you choose Import group members again',
  'members.quota':
    "The GREEN-API plan's monthly quota for reading groups is used up (466). The members of {done} of {total} groups are in the sheet; the rest is read when you choose Import group members again or with the next scheduled refresh after the quota resets.",
  'members.failed':
    'Group members were not all read: {error} The members of {done} of {total} groups are in the sheet.',
  'members.syncing':
    'GREEN-API is still syncing the contact list, which the members import needs to know the groups. Try again in 5 minutes.',
  'members.busy':
    'A group members import is already running. It continues by itself; check Settings for its progress.',
  'members.noGroups': 'This WhatsApp account is in no groups, so there are no members to import.',
  'members.groups': '{done} of {total} groups read ({notInGroup} the account is not in).',
  'members.state.running': 'Reading groups now',
  'members.state.pending': 'Continues by itself',
  'members.state.done': 'Done',
  'members.state.stopped': 'Stopped',
  'members.next.person': 'When you choose Import group members again, or with the next scheduled refresh.',
  'import.heldBack':
    'GREEN-API returned {count} contacts, so {removed} of the {live} contacts in the sheet would have been marked removed. An automatic refresh does not apply such a short list: the sheet was left as it was and the next run tries again. If the list is right, use Import contacts to apply it.',
  'import.syncing':
    'GREEN-API is still syncing the contacts of this WhatsApp account (this can take up to 5 minutes). The sheet was left as it was.',
  'retry.scheduled': 'The add-on will try again by itself at {time}.',
  'retry.nextRun': 'The next automatic refresh will try again.',
  'retry.none': 'Try again in 5 minutes.',
  'retry.budget':
    'It cannot try again by itself: Google allows 20 triggers per person for this script, shared by all your spreadsheets that use it, and they are all in use. Turn off auto-refresh in a spreadsheet that no longer needs it, or delete unused triggers in Extensions → Apps Script → Triggers.',
  'import.gaveUp':
    'GREEN-API returned an empty contact list 3 times in a row. Rescan the QR code in the GREEN-API console (console.green-api.com), or contact GREEN-API support. The sheet was left as it was.',
  'import.busy': 'A refresh is already running. Try again in a minute.',
  'import.failedTitle': 'Contacts were not imported',
  'import.kept': 'The sheet was left as it was.',

  'error.noSettings': 'Enter your GREEN-API instance first: WhatsApp Contacts → Settings.',
  'error.badToken':
    'GREEN-API rejected the apiTokenInstance (401). Copy the token again from the GREEN-API console and save it in WhatsApp Contacts → Settings.',
  'error.wrongInstance':
    'GREEN-API does not know this idInstance at this apiUrl (403). Check idInstance, and use the apiUrl shown for your instance in the GREEN-API console (for example https://7105.api.greenapi.com).',
  'error.notAuthorized':
    'The WhatsApp account is not linked to the instance. Scan the QR code in the GREEN-API console, then try again.',
  'error.starting':
    'The instance is starting. Wait a few minutes and try again; if it stays like this, scan the QR code in the GREEN-API console.',
  'error.expired': 'The GREEN-API instance has expired. Renew it in the GREEN-API console.',
  'error.deleted': 'The GREEN-API instance was deleted. Create a new one in the console and update Settings.',
  'error.badRequest': 'GREEN-API refused the request (400): {detail}',
  'error.rateLimited':
    'GREEN-API is limiting requests (429: getContacts allows 1 request per second). Try again in a minute.',
  'error.quota':
    "Your GREEN-API plan's monthly quota is used up (466). Upgrade the plan in the GREEN-API console, or wait until the quota resets on the 1st of the month.",
  'error.unavailable':
    'GREEN-API is unavailable right now (server error, retried with pauses). Try again later.',
  'error.unexpected':
    'GREEN-API sent an unexpected answer (not a JSON contact list). Check apiUrl in Settings; if it is right, try again later.',
  'error.unreachable':
    'Could not reach GREEN-API. Check apiUrl in Settings (copy it from the GREEN-API console, like https://7105.api.greenapi.com).',
  'error.busy': 'A refresh is already running. Try again in a minute.',
  'error.noSpreadsheet':
    'The automatic refresh could not open this spreadsheet. Open it and use WhatsApp Contacts → Refresh now (see README, "Permissions").',
  'error.contactsNoKey':
    'The sheet "WhatsApp Contacts" has data but no column headed "{detail}" in row 1, so the add-on cannot tell which row is which contact. Name that column "{detail}" again (or rename the sheet to keep it as it is) and try again.',
  'error.membersNoKey':
    'The sheet "WhatsApp Group Members" has data but no column headed "{detail}" in row 1, so the add-on cannot tell which row is which member. Name that column "{detail}" again (or rename the sheet to keep it as it is) and try again.',
  'error.notAllowed':
    'Google does not let this script call that apiUrl: it may only reach the GREEN-API hosts in its manifest (*.green-api.com, *.greenapi.com). Copy apiUrl from the GREEN-API console into Settings.',
  'error.internal':
    'Something went wrong in the add-on. Try again; if it keeps happening, run WhatsApp Contacts → Diagnostics.',

  'formula.syncing':
    'Contacts are syncing at GREEN-API (up to 5 minutes). This cell fills in by itself after the next refresh (WhatsApp Contacts → Refresh now, or auto-refresh).',
  'formula.noSettings': 'Set up the add-on first: WhatsApp Contacts → Settings.',
  'formula.busy': 'A refresh is running. This cell updates by itself when it is done.',
  'formula.badType': 'WA_CONTACTS: the argument type must be "all", "user" or "group" (got {value}).',
  'formula.badHeader': '{fn}: the argument header must be TRUE or FALSE (got {value}).',
  'formula.none': 'No contacts of this type.',

  'formula.tooLarge':
    'WA_CONTACTS would return {count} contacts ({cells} cells): more than a formula can show (Sheets refuses results of about 500,000 cells with "Result too large"; this add-on stops at {limit}). Use WhatsApp Contacts → Import contacts for the whole list, or a type filter such as =WA_CONTACTS("group").',
  'formula.tooLargeType':
    'WA_CONTACTS would return {count} contacts of this type ({cells} cells): more than a formula can show (Sheets refuses results of about 500,000 cells with "Result too large"; this add-on stops at {limit}). Use WhatsApp Contacts → Import contacts for the whole list.',
  'formula.badGroup':
    "WA_GROUP_MEMBERS: the argument group must be a group ID (…@g.us) or a group's exact name (got {value}).",
  'formula.unknownGroup':
    'No group "{group}" in the contact list. Give a group ID (…@g.us) or a group\'s exact name, as in =WA_CONTACTS("group").',
  'formula.ambiguousGroup': '{count} groups are named "{group}": give the group ID (…@g.us) instead.',
  'formula.notInGroup': 'This WhatsApp account is not in the group "{group}" (any more).',
  'field.formMissing': 'The settings form is empty.',
  'field.apiUrl.invalid': 'apiUrl must be a web address like https://7105.api.greenapi.com.',
  'field.apiUrl.query':
    'apiUrl must not contain "?" or "#": copy only the address from the GREEN-API console.',
  'field.apiUrl.https': 'apiUrl must start with https:// (http is allowed only for localhost).',
  'field.apiUrl.allowlist':
    'apiUrl must be a GREEN-API host ({hosts}), with no port: Google lets this script call only those. Copy it from the GREEN-API console, like https://7105.api.greenapi.com.',
  'field.idInstance.missing': 'Enter idInstance (the instance number from the GREEN-API console).',
  'field.idInstance.digits': 'idInstance must be digits only (at most 19), like 1101000001.',
  'field.token.missing': 'Enter apiTokenInstance (from the GREEN-API console).',
  'field.token.again': 'idInstance changed: enter the apiTokenInstance of this instance too.',
  'field.token.invalid':
    'apiTokenInstance may contain only letters, digits and - . _ ~ (no spaces, /, ?, #, %): copy it again from the console.',
  'field.refresh.choice': 'Auto-refresh must be one of: {choices} minutes (0 is off).',
  'field.refresh.addonHourly':
    'Google lets add-ons refresh at most once an hour: choose 60 minutes or more, or turn auto-refresh off.',
  'field.refresh.trigger':
    'Google did not accept the auto-refresh schedule, so nothing was changed. Try again; if it keeps failing, run WhatsApp Contacts → Diagnostics.',

  'field.flag.invalid': 'This choice must be on or off.',
  'settings.title': 'WhatsApp Contacts settings',
  'settings.saved': 'Settings saved.',
  'settings.apiUrl': 'apiUrl',
  'settings.apiUrl.hint': 'Copy it from the GREEN-API console, e.g. https://7105.api.greenapi.com',
  'settings.idInstance': 'idInstance',
  'settings.idInstance.hint': 'The instance number, digits only.',
  'settings.token': 'apiTokenInstance',
  'settings.token.hint.stored': 'A token ending in {hint} is saved. Leave blank to keep it.',
  'settings.token.hint.none': 'Paste the token from the GREEN-API console.',
  'settings.refresh': 'Auto-refresh',
  'settings.refresh.off': 'Off',
  'settings.refresh.minutes': 'Every {n} minutes',
  'settings.refresh.hours': 'Every {n} hours',
  'settings.refresh.hour': 'Every hour',
  'settings.refresh.day': 'Every day',
  'settings.refresh.addonNote': 'Google allows add-ons to refresh at most once an hour.',
  'settings.save': 'Save',
  'settings.saving': 'Saving…',
  'settings.test': 'Test connection',
  'settings.testing': 'Checking…',
  'settings.status': 'Last refresh',
  'settings.status.never': 'No refresh yet.',
  'settings.status.at': 'Time',
  'settings.status.count': 'Contacts',
  'settings.status.error': 'Last error',
  'settings.status.retry': 'Next retry',
  'settings.status.none': '—',
  'settings.status.outcome.ok': 'Done',
  'settings.status.outcome.syncing': 'Contacts syncing at GREEN-API',
  'settings.status.outcome.gaveUp': 'Gave up after 3 empty answers',
  'settings.status.outcome.error': 'Failed',
  'settings.status.outcome.busy': 'Skipped: another refresh was running',
  'settings.status.outcome.heldBack': 'Held back: the list looked incomplete',
  'settings.status.source.menu': 'from the menu',
  'settings.status.source.auto': 'automatic',
  'settings.status.source.retry': 'automatic retry',
  'settings.members': 'Also refresh group members on schedule',
  'settings.members.hint':
    "Once a day at most, with the auto-refresh. Each run reads every group once: one getGroupData request per group, which counts toward your GREEN-API plan's monthly quota.",
  'settings.members.status': 'Group members',
  'settings.members.never': 'No group members import yet.',
  'settings.members.groups': 'Groups',
  'settings.members.next': 'Continues',
  'settings.failed': 'Could not save: {message}',
  'disconnect.heading': 'Disconnect',
  'disconnect.hint':
    "Deletes the token and settings, the add-on's automatic refreshes in this spreadsheet and its cached data. The sheets stay.",
  'disconnect.button': 'Disconnect this spreadsheet',
  'disconnect.confirm':
    'Disconnect this spreadsheet? The token and settings, your auto-refresh and retry triggers here and the cached contact lists are deleted; formulas show "Set up the add-on first" until you save settings again. The sheets and everything in them stay.',
  'disconnect.yes': 'Disconnect',
  'disconnect.no': 'Cancel',
  'disconnect.working': 'Disconnecting…',
  'disconnect.done':
    'Disconnected: the token, settings, your triggers and the cached data of the add-on are deleted from this spreadsheet; the sheets stay. An auto-refresh another editor set up stops at its next run. Diagnostics shows what is left.',
  'disconnect.doneTriggersLeft':
    'Disconnected: the token, settings and cached data are deleted, but Google did not let the add-on delete its triggers: delete them at https://script.google.com/home/triggers (without settings they change nothing).',
  'disconnect.failed': 'Could not disconnect: {message}',
  'diag.stored': 'Stored in this spreadsheet',
  'diag.stored.none': 'Nothing of the add-on: no token, settings or cached data (the sheets are yours).',
  'diag.stored.some':
    '{properties} settings and state values in the document properties, {cache} cache entries.',

  'settings.shared':
    'Everyone who can edit this spreadsheet can read the token: in a script bound to the spreadsheet, anyone with edit access — the people it is shared with as editors, and anyone with the link if link sharing allows editing — can open Extensions → Apps Script and run code that reads these settings. Share edit access only with people you would give the token, or use the add-on deployment.',
  'state.authorized': 'Connected: the instance is authorized and ready.',
  'state.notAuthorized': 'Not authorized: scan the QR code in the GREEN-API console.',
  'state.blocked': 'The WhatsApp account is blocked. Contact GREEN-API support.',
  'state.sleepMode':
    'Sleep mode: the phone is off or offline. Turn it on and connect it to the internet, then wait a few minutes.',
  'state.starting': 'The instance is starting: wait a few minutes and test again.',
  'state.yellowCard':
    'Yellow card: sending is suspended for suspected spam. Contacts still work; restart the instance in the console to send again.',
  'state.unknown': 'The instance reports the state "{state}".',

  'diag.title': 'WhatsApp Contacts diagnostics',
  'diag.ok': 'OK',
  'diag.warn': 'Check',
  'diag.fail': 'Problem',
  'diag.settings': 'Settings',
  'diag.settings.ok': 'apiUrl {apiUrl}, idInstance {idInstance}, token {hint}.',
  'diag.settings.missing': 'No settings saved: open WhatsApp Contacts → Settings.',
  'diag.settings.invalid': 'Stored settings are not valid: {detail}',
  'diag.state': 'GREEN-API instance',
  'diag.triggers': 'Triggers',
  'diag.triggers.none': 'No trigger of this add-on (auto-refresh is off, no retry pending).',
  'diag.triggers.list': '{auto} auto-refresh, {retry} retry (of {total} triggers of this project for you).',
  'diag.triggers.interval': 'Auto-refresh every {minutes} minutes.',
  'diag.snapshot': 'Formula snapshot',
  'diag.snapshot.none': 'None: the next WA_CONTACTS formula will fetch the list.',
  'diag.snapshot.ok': '{count} contacts, saved {age} minutes ago, in {chunks} cache entries.',
  'diag.installation': 'Installation',
  'diag.installation.bound': 'Script bound to this spreadsheet (auto-refresh from 5 minutes).',
  'diag.installation.addon': 'Add-on (auto-refresh at most hourly, one trigger per document).',
  'diag.lastRefresh': 'Last refresh',
  'diag.members': 'Group members import',
  'diag.membersSnapshot': 'Members snapshot',
  'diag.membersSnapshot.ok': 'Members of {count} groups, saved {age} minutes ago (for WA_GROUP_MEMBERS).',
  'diag.close': 'Close',
  'formula.tooMany':
    'Google is running too many scripts for your account at once (at most 30), as happens when many WA_ formulas recalculate together. This cell fills in with a later refresh; keep at most {max} WA_ formulas in a spreadsheet.',
  'field.refresh.budget':
    'Google allows 20 triggers per person for this script, shared by all your spreadsheets that use it, and they are all in use, so nothing was changed. Turn off auto-refresh in a spreadsheet that no longer needs it (its WhatsApp Contacts → Settings), or delete unused triggers in Extensions → Apps Script → Triggers, then save again.',
  'field.refresh.hourlyRefused':
    'Google refused an auto-refresh more often than hourly: this deployment runs as an add-on, so nothing was changed. Choose 60 minutes or more.',
  'diag.installation.source': 'ScriptApp.getInstallationSource() says {source}.',
  'diag.triggers.held':
    'You hold {held} of the {budget} triggers Google allows per person for this script (for an add-on, across all your spreadsheets).',
  'diag.triggers.unknown':
    "The spreadsheet remembers a {which} trigger that neither of Google's trigger listings shows (deleted in Apps Script → Triggers?): save Settings again to set auto-refresh up anew.",
  'diag.triggers.which.auto': 'auto-refresh',
  'diag.triggers.which.followUp': 'follow-up',
  'diag.triggers.unrecorded':
    '{count} trigger(s) of this add-on in this spreadsheet that it did not record: saving Settings removes them.',
  'diag.triggers.budgetRefused':
    'Google refused a new trigger at {time}: all 20 triggers per person for this script were in use. Turn off auto-refresh in another spreadsheet, or delete unused triggers in Apps Script → Triggers.',
  'diag.triggers.shortRefused':
    'Google refused a follow-up under an hour at {time}, so follow-ups come an hour later for a week.',
  'diag.editors': 'Editors',
  'diag.editors.count':
    'Google lists {count} people with edit access (Spreadsheet.getEditors(); whether that counts the owner is not documented, and link sharing is not listed). Each of them can read the token in a bound script.',

  // Identity: the add-on's own columns and sheets (issue 15).
  'log.column': 'column added',
  'import.columnsAdded': 'The add-on added its column(s) {columns} at the right edge.',
  'import.columnsDeclined':
    "Your column(s) {columns} carry the add-on's header words but not its contents: they stay yours and were not written.",
  'import.headerRow': "The table's header is row {row}; the rows above it are yours.",
  'import.groupsHeldBack':
    'The list had no groups: {groups} group rows were left as they were (GREEN-API sometimes leaves the groups out for a while after authorization).',
  'confirm.noGroups.title': 'Mark all groups as removed?',
  'confirm.noGroups':
    'GREEN-API returned {count} contacts without a single group, and the sheet has {groups} groups. Right after authorization GREEN-API sometimes answers without the groups for a while. Mark those {groups} group rows as removed? Choose No to leave the sheet as it is and try again later.',
  'table.protection':
    'WhatsApp Contacts fills this column on every refresh. Put your own notes in a column of your own.',
  'deleteRemoved.confirmNames':
    'Delete the {count} rows marked removed from the sheet "{sheet}" ({names})? Everything in those rows goes, your own columns too. Edit → Undo or File → Version history can bring them back.',
  'deleteRemoved.more': 'and {count} more',
  'deleteRemoved.skipped':
    '{skipped} of the rows you were shown are no longer marked removed (a refresh brought them back, or they are gone): they were not deleted.',
  'deleteRemoved.notShown':
    '{count} rows marked removed since you were asked were not deleted: choose the menu item again to see them.',
  'diag.groupsHeldBack':
    'Groups held back: the last list had no groups, {groups} group rows were left as they were.',
  // Quotas (issue 17): the request ledger, plans, prices, the 466 pause, the meter.
  'quota.months': 'January,February,March,April,May,June,July,August,September,October,November,December',
  /** A thousand as written here: the character between the digits groups them. */
  'quota.thousands': '1,000',
  'error.quotaUsed':
    '{method}: {used} of {total} used this month: the monthly quota is used up (466). Scheduled refreshes resume on {date} (UTC), or upgrade the plan in the GREEN-API console.',
  'error.quotaMethod':
    '{method}: the monthly quota of your GREEN-API plan is used up (466). Scheduled refreshes resume on {date} (UTC), or upgrade the plan in the GREEN-API console.',
  'field.plan.invalid': 'Choose the GREEN-API plan: developer, business or custom.',
  'field.caps.invalid':
    '{method}: type a whole number of requests a month (0 or more), or leave it blank for no cap.',
  'field.refresh.overCap':
    '{option} costs about {cost} {method} requests a month, more than the {cap} of your plan. The most frequent schedule that fits: {suggestion}.',
  'field.members.overCap':
    'Group members on schedule cost about {cost} getGroupData requests a month ({groups} groups × 31 days), more than the {cap} of your plan. Turn it off, or choose a plan with more requests.',
  'settings.plan': 'GREEN-API plan',
  'settings.plan.developer': 'Developer (free)',
  'settings.plan.business': 'Business',
  'settings.plan.custom': 'Custom caps',
  'settings.plan.hint':
    'Monthly caps per instance, renewed on the 1st (UTC here). Requests of other tools to the instance are not seen here.',
  'settings.caps.label': '{method} a month (blank: no cap)',
  'settings.price': '{option} ≈ {cost} {method} a month of your {cap}.',
  'settings.price.noCap': '{option} ≈ {cost} {method} a month (no cap).',
  'settings.price.members':
    'Group members on schedule ≈ {cost} getGroupData a month ({groups} groups × 31) of your {cap}.',
  'settings.price.membersNoCap':
    'Group members on schedule ≈ {cost} getGroupData a month ({groups} groups × 31, no cap).',
  'settings.price.over': 'This does not fit your plan.',
  'settings.runtime.warn':
    "At the measured {seconds} s a run, {option} needs about {minutes} min of trigger time a day: more than Apps Script's 90 min a day for a personal Google account (Workspace: 6 h).",
  'settings.schedule.overCap':
    'The saved schedule ({option}) does not fit the plan: about {cost} {method} a month of {cap}. It keeps running until the settings are saved again; then choose one that fits.',
  'settings.meter': 'Quotas',
  'settings.meter.row': '{method}: {used} of {cap} this month (resets {date}).',
  'settings.meter.rowNoCap': '{method}: {used} this month (no cap).',
  'settings.meter.paused':
    '{counted} Used up (466{answered}): scheduled work that needs it is paused until {date} (one try a day).',
  'settings.meter.answered': ": {used} of {total} by GREEN-API's count",
  'settings.meter.apps':
    'Apps Script today (UTC): trigger time {minutes} of {quota} min a day (Workspace: 360), UrlFetch calls {fetches} of 20,000.',
  'settings.meter.note':
    'Counted by this spreadsheet; requests other tools make to the same instance are not seen here.',
  'diag.quota': 'GREEN-API quota',
  'diag.appsQuota': 'Apps Script quota',
  'error.quotaChats':
    "{method}: the GREEN-API plan's limit of chats is used up ({used} of {total} chats this month, 466). Scheduled refreshes resume on {date} (UTC), or upgrade the plan in the GREEN-API console.",
  'error.quotaChatsPlain':
    "{method}: the GREEN-API plan's limit of chats is used up (466). Scheduled refreshes resume on {date} (UTC), or upgrade the plan in the GREEN-API console.",
  // Issue 19: Check numbers on WhatsApp.
  'menu.checkNumbers': 'Check numbers on WhatsApp…',
  'header.number': 'Number',
  'header.whatsapp': 'WhatsApp',
  'header.chatId': 'Chat ID',
  'header.checkedAt': 'Checked at',
  'header.checked': 'Checked',
  'log.checked': 'checked',
  'log.firstChecks': '{count} numbers checked (first check)',
  'check.title': 'Check numbers on WhatsApp',
  'check.yes': 'yes',
  'check.no': 'no',
  'check.notPhone': 'not a phone number',
  'check.notChecked': 'not checked: {reason}',
  'check.pending': 'checking…',
  'check.confirm':
    'Selected: {cells} cells with {numbers} distinct phone numbers.\n{notPhone}Already checked in the last {days} days (free): {known}.\nTo check now: {ask} — {ask} checkWhatsapp requests.\nYour plan has {left} checkWhatsapp requests left this month.\nNumbers without a country code are read as {country} numbers.\n\nResults go into columns {columns} (empty cells only). Check now?',
  'check.confirm.notPhone': 'Not phone numbers: {count} (e.g. {examples}).\n',
  'check.confirm.over':
    'Only the first {fit} numbers fit what your plan has left; the rest are marked "not checked" and can be checked after the quota renews.',
  'check.left.noCap': 'unlimited',
  'check.cancelled': 'Cancelled: nothing was checked or spent.',
  'check.noSelection':
    'Select the cells with the phone numbers first (a column, or some cells), then choose Check numbers on WhatsApp again.',
  'check.empty': 'The selected cells are empty: select the cells with the phone numbers.',
  'check.tooLarge':
    'The selection has {cells} cells; at most {max} can be checked at once. Select fewer cells.',
  'check.ownTable':
    'The selection is in the add-on\'s own sheet "{sheet}". Select the phone numbers in one of your sheets.',
  'check.formulas':
    'The selection holds formulas ({cells}). Select cells with typed numbers (copy them and paste as values first).',
  'check.severalRanges': 'Select one block of cells (the selection has {count} separate parts).',
  'check.noNumbers':
    'None of the {cells} selected cells is a phone number (e.g. {examples}). Nothing was checked.',
  'check.busy': 'A number check is already running in this spreadsheet; wait for it to finish.',
  'check.done':
    'Checked: {checked} numbers ({yes} on WhatsApp), {known} answered from the table, {notPhone} not phone numbers.',
  'check.pendingMore':
    'Checked {done} of {total} numbers so far; the rest continues by itself ({when}). Results fill in as they come.',
  'check.stopped': 'Stopped after {done} of {total} numbers: {error} What was checked is kept.',
  'check.progress': '{done} of {total} numbers checked…',
  'check.status': 'Number check: {done} of {total} numbers ({state}).',
  'check.state.running': 'running',
  'check.state.pending': 'continues by itself',
  'check.state.done': 'done',
  'check.state.stopped': 'stopped',
  'check.reason.refused': 'GREEN-API refused the number',
  'check.reason.notInJob': 'the cell changed after the check started',
  'check.reason.plan': 'no checkWhatsapp requests left this month on your plan',
  'diag.check': 'Number check',
  'settings.check': 'Number check',
  'settings.check.country': 'Default country (ISO code, e.g. RU, US)',
  'settings.check.country.hint':
    "For numbers written without a country code. Blank: the spreadsheet locale's country ({locale}). A leading + or 00 is always international.",
  'settings.check.days': 'Reuse an answer for (days)',
  'settings.check.save': 'Save number check settings',
  'settings.check.saved': 'Number check settings saved.',
  'settings.check.country.invalid': '"{value}" is not a country code such as RU or US.',
  'settings.check.days.invalid': 'a whole number of days from 0 to 365.',
  'check.running':
    'A number check is under way in this spreadsheet ({done} of {total} numbers); it continues by itself. Start another when it is done (Settings shows its progress).',
  'check.reason.quota': 'the monthly checkWhatsapp quota is used up (466)',
  'formula.check.notChecked': 'not checked yet — use Check numbers on WhatsApp',
  'formula.check.notPhone': 'not a phone number: {text}',
} as const;

/** A key of the strings table. */
export type StringKey = keyof typeof en;

/**
 * Every word the add-on shows, in Russian (most GREEN-API users read Russian). Same keys as `en.ts`; the type
 * makes a missing or extra key a compile error.
 */
import type { StringKey } from './en';

export const ru: Record<StringKey, string> = {
  'app.name': 'Контакты WhatsApp',
  'menu.import': 'Импортировать контакты',
  'menu.refresh': 'Обновить сейчас',
  'menu.settings': 'Настройки',
  'menu.diagnostics': 'Диагностика',

  'menu.deleteRemoved': 'Удалить строки удалённых контактов',
  'menu.importMembers': 'Импортировать участников групп',
  'menu.deleteRemovedMembers': 'Удалить строки вышедших участников',
  'header.id': 'ID',
  'header.phone': 'Телефон',
  'header.name': 'Имя',
  'header.contactName': 'Имя в контактах',
  'header.type': 'Тип',

  'header.status': 'Статус',
  'header.groupId': 'ID группы',
  'header.groupName': 'Название группы',
  'header.memberId': 'ID участника',
  'header.role': 'Роль',
  'status.removed': 'удалён {date}',

  'log.header.time': 'Время',
  'log.header.change': 'Изменение',
  'log.header.id': 'ID',
  'log.header.before': 'Было',
  'log.header.after': 'Стало',
  'log.header.group': 'Группа',
  'log.added': 'добавлен',
  'log.removed': 'удалён',
  'log.returned': 'вернулся',
  'log.renamed': 'переименован',
  'log.firstImport': 'контактов: {count} (первый импорт)',
  'log.joined': 'вступил',
  'log.left': 'вышел',
  'log.roleChanged': 'роль изменена',
  'log.firstMembers': 'участников групп: {count} (первый импорт)',
  'import.done': 'Импортировано контактов: {count} (пользователей: {users}, групп: {groups}).',
  'import.noChanges': 'Изменений нет: в таблице уже все контакты ({count}).',
  'import.formulas': 'Обновлено ячеек с формулой WA_CONTACTS: {formulas}.',
  'import.changes':
    'Новых: {added}, помечено удалёнными: {removed}, вернулось: {returned}, переименовано: {renamed}.',
  'confirm.removals.title': 'Пометить контакты удалёнными?',
  'confirm.removals':
    'GREEN-API вернул контактов: {count}, и {removed} из {live} контактов листа среди них нет. GREEN-API иногда на время возвращает неполный список. Пометить эти строки ({removed}) удалёнными? Строки и ваши заметки останутся, ничего не удаляется. Нажмите «Нет», чтобы оставить лист как есть и повторить позже.',
  'import.declined': 'Ничего не изменено.',
  'deleteRemoved.title': 'Удалить строки удалённых контактов?',
  'deleteRemoved.none': 'На листе «{sheet}» нет строк, помеченных удалёнными.',
  'deleteRemoved.done': 'С листа «{sheet}» удалено строк, помеченных удалёнными: {count}.',

  'deleteRemoved.failed':
    'Не удалось удалить строки листа «{sheet}» (мешать могут объединённые ячейки или защищённый диапазон). Проверьте лист и повторите попытку.',
  'members.title': 'Участники групп',
  'members.done':
    'Участники групп импортированы: {members} участников в {total} группах. Вступили: {added}, вышли: {removed}, вернулись: {returned}, роль изменена: {changed}.',
  'members.progress': 'Чтение участников групп: {done} из {total}…',
  'members.pending':
    'Прочитаны участники {done} из {total} групп, они уже на листе. Остальное продолжится само {when}.',
  'members.when.at': 'примерно в {time}',
  'members.when.nextRun':
    'при следующем автообновлении (Google разрешает дополнениям запускаться не чаще раза в час)',
  'members.when.none': 'когда вы снова выберете «Импортировать участников групп»',
  'members.quota':
    'Месячная квота тарифа GREEN-API на чтение групп исчерпана (466). На листе участники {done} из {total} групп; остальные будут прочитаны, когда вы снова запустите импорт участников, или при плановом обновлении после сброса квоты.',
  'members.failed': 'Прочитаны не все участники групп: {error} На листе участники {done} из {total} групп.',
  'members.syncing':
    'GREEN-API ещё синхронизирует список контактов, а по нему импорт участников узнаёт группы. Повторите через 5 минут.',
  'members.busy': 'Импорт участников групп уже выполняется. Он продолжится сам; ход виден в настройках.',
  'members.noGroups': 'Этот аккаунт WhatsApp не состоит ни в одной группе — импортировать некого.',
  'members.groups': 'Прочитано групп: {done} из {total} (в {notInGroup} аккаунт не состоит).',
  'members.state.running': 'Сейчас читаются группы',
  'members.state.pending': 'Продолжится само',
  'members.state.done': 'Готово',
  'members.state.stopped': 'Остановлено',
  'members.next.person':
    'Когда вы снова выберете «Импортировать участников групп», или при следующем плановом обновлении.',
  'import.heldBack':
    'GREEN-API вернул контактов: {count}, поэтому {removed} из {live} контактов листа были бы помечены удалёнными. Автоматическое обновление не применяет такой короткий список: лист оставлен без изменений, следующий запуск попробует снова. Если список верный, примените его через «Импортировать контакты».',
  'import.syncing':
    'GREEN-API ещё синхронизирует контакты этого аккаунта WhatsApp (это может занять до 5 минут). Лист оставлен без изменений.',
  'retry.scheduled': 'Дополнение повторит попытку само в {time}.',
  'retry.nextRun': 'Следующее автообновление повторит попытку.',
  'retry.none': 'Повторите попытку через 5 минут.',
  'retry.budget':
    'Само повторить не получится: Google разрешает одному человеку 20 триггеров этого скрипта на все его таблицы, и все они заняты. Выключите автообновление в таблице, где оно больше не нужно, или удалите ненужные триггеры в «Расширения → Apps Script → Триггеры».',
  'import.gaveUp':
    'GREEN-API трижды подряд вернул пустой список контактов. Пересканируйте QR-код в консоли GREEN-API (console.green-api.com) или обратитесь в техподдержку GREEN-API. Лист оставлен без изменений.',
  'import.busy': 'Обновление уже выполняется. Повторите через минуту.',
  'import.failedTitle': 'Контакты не импортированы',
  'import.kept': 'Лист оставлен без изменений.',

  'error.noSettings': 'Сначала укажите инстанс GREEN-API: Контакты WhatsApp → Настройки.',
  'error.badToken':
    'GREEN-API отклонил apiTokenInstance (401). Скопируйте токен заново из консоли GREEN-API и сохраните его в Контакты WhatsApp → Настройки.',
  'error.wrongInstance':
    'GREEN-API не знает этот idInstance по этому apiUrl (403). Проверьте idInstance и укажите apiUrl, показанный для вашего инстанса в консоли GREEN-API (например, https://7105.api.greenapi.com).',
  'error.notAuthorized':
    'Аккаунт WhatsApp не привязан к инстансу. Отсканируйте QR-код в консоли GREEN-API и повторите попытку.',
  'error.starting':
    'Инстанс запускается. Подождите несколько минут и повторите; если не проходит, отсканируйте QR-код в консоли GREEN-API.',
  'error.expired': 'Срок действия инстанса GREEN-API истёк. Продлите его в консоли GREEN-API.',
  'error.deleted': 'Инстанс GREEN-API удалён. Создайте новый в консоли и обновите настройки.',
  'error.badRequest': 'GREEN-API отклонил запрос (400): {detail}',
  'error.rateLimited':
    'GREEN-API ограничивает запросы (429: getContacts — не чаще 1 запроса в секунду). Повторите через минуту.',
  'error.quota':
    'Месячная квота вашего тарифа GREEN-API исчерпана (466). Смените тариф в консоли GREEN-API или дождитесь обновления квоты 1-го числа.',
  'error.unavailable':
    'GREEN-API сейчас недоступен (ошибка сервера, повторные попытки не помогли). Повторите позже.',
  'error.unexpected':
    'GREEN-API прислал неожиданный ответ (не список контактов в JSON). Проверьте apiUrl в настройках; если он верный, повторите позже.',
  'error.unreachable':
    'Не удалось связаться с GREEN-API. Проверьте apiUrl в настройках (скопируйте его из консоли GREEN-API, например https://7105.api.greenapi.com).',
  'error.busy': 'Обновление уже выполняется. Повторите через минуту.',
  'error.noSpreadsheet':
    'Автообновление не смогло открыть эту таблицу. Откройте её и выберите Контакты WhatsApp → Обновить сейчас (см. README, «Permissions»).',
  'error.contactsNoKey':
    'На листе «WhatsApp Contacts» есть данные, но в строке 1 нет столбца с заголовком «{detail}», поэтому дополнение не может сопоставить строки с контактами. Верните столбцу заголовок «{detail}» (или переименуйте лист, чтобы сохранить его как есть) и повторите попытку.',
  'error.membersNoKey':
    'На листе «WhatsApp Group Members» есть данные, но в строке 1 нет столбца с заголовком «{detail}», поэтому дополнение не может сопоставить строки с участниками. Верните столбцу заголовок «{detail}» (или переименуйте лист, чтобы сохранить его как есть) и повторите попытку.',
  'error.notAllowed':
    'Google не разрешает этому скрипту обращаться к этому apiUrl: доступны только хосты GREEN-API из его манифеста (*.green-api.com, *.greenapi.com). Скопируйте apiUrl из консоли GREEN-API в настройки.',
  'error.internal':
    'В дополнении что-то пошло не так. Повторите; если ошибка не уходит, запустите Контакты WhatsApp → Диагностика.',

  'formula.syncing':
    'Контакты синхронизируются в GREEN-API (до 5 минут). Ячейка заполнится сама после следующего обновления (Контакты WhatsApp → Обновить сейчас или автообновление).',
  'formula.noSettings': 'Сначала настройте дополнение: Контакты WhatsApp → Настройки.',
  'formula.busy': 'Идёт обновление. Ячейка обновится сама, когда оно закончится.',
  'formula.badType': 'WA_CONTACTS: аргумент type должен быть "all", "user" или "group" (получено {value}).',
  'formula.badHeader': '{fn}: аргумент header должен быть TRUE или FALSE (получено {value}).',
  'formula.none': 'Контактов такого типа нет.',

  'formula.tooLarge':
    'WA_CONTACTS вернула бы контактов: {count} ({cells} ячеек) — больше, чем может показать формула (Таблицы отвечают «Result too large» примерно на 500 000 ячеек; это дополнение останавливается на {limit}). Для всего списка используйте «Контакты WhatsApp → Импортировать контакты» или фильтр по типу, например =WA_CONTACTS("group").',
  'formula.tooLargeType':
    'WA_CONTACTS вернула бы контактов этого типа: {count} ({cells} ячеек) — больше, чем может показать формула (Таблицы отвечают «Result too large» примерно на 500 000 ячеек; это дополнение останавливается на {limit}). Для всего списка используйте «Контакты WhatsApp → Импортировать контакты».',
  'formula.badGroup':
    'WA_GROUP_MEMBERS: аргумент group должен быть ID группы (…@g.us) или точным названием группы (получено {value}).',
  'formula.unknownGroup':
    'Группы «{group}» нет в списке контактов. Укажите ID группы (…@g.us) или её точное название, как в =WA_CONTACTS("group").',
  'formula.ambiguousGroup': 'Групп с названием «{group}»: {count}. Укажите ID группы (…@g.us).',
  'formula.notInGroup': 'Этот аккаунт WhatsApp не состоит в группе «{group}» (больше).',
  'field.formMissing': 'Форма настроек пуста.',
  'field.apiUrl.invalid': 'apiUrl должен быть адресом вида https://7105.api.greenapi.com.',
  'field.apiUrl.query':
    'apiUrl не должен содержать «?» или «#»: скопируйте из консоли GREEN-API только адрес.',
  'field.apiUrl.https': 'apiUrl должен начинаться с https:// (http допускается только для localhost).',
  'field.apiUrl.allowlist':
    'apiUrl должен быть хостом GREEN-API ({hosts}), без порта: Google разрешает этому скрипту обращаться только к ним. Скопируйте его из консоли GREEN-API, например https://7105.api.greenapi.com.',
  'field.idInstance.missing': 'Укажите idInstance (номер инстанса из консоли GREEN-API).',
  'field.idInstance.digits': 'idInstance — только цифры (не больше 19), например 1101000001.',
  'field.token.missing': 'Укажите apiTokenInstance (из консоли GREEN-API).',
  'field.token.again': 'idInstance изменён: укажите и apiTokenInstance этого инстанса.',
  'field.token.invalid':
    'apiTokenInstance может содержать только буквы, цифры и - . _ ~ (без пробелов, /, ?, #, %): скопируйте его заново из консоли.',
  'field.refresh.choice': 'Автообновление: одно из значений {choices} минут (0 — выключено).',
  'field.refresh.addonHourly':
    'Google разрешает дополнениям обновляться не чаще раза в час: выберите 60 минут или больше либо выключите автообновление.',
  'field.refresh.trigger':
    'Google не принял расписание автообновления, поэтому ничего не изменено. Повторите; если не помогает, запустите Контакты WhatsApp → Диагностика.',

  'field.flag.invalid': 'Этот выбор может быть только «вкл.» или «выкл.».',
  'settings.title': 'Настройки: Контакты WhatsApp',
  'settings.saved': 'Настройки сохранены.',
  'settings.apiUrl': 'apiUrl',
  'settings.apiUrl.hint': 'Скопируйте из консоли GREEN-API, например https://7105.api.greenapi.com',
  'settings.idInstance': 'idInstance',
  'settings.idInstance.hint': 'Номер инстанса, только цифры.',
  'settings.token': 'apiTokenInstance',
  'settings.token.hint.stored':
    'Сохранён токен, оканчивающийся на {hint}. Оставьте поле пустым, чтобы не менять его.',
  'settings.token.hint.none': 'Вставьте токен из консоли GREEN-API.',
  'settings.refresh': 'Автообновление',
  'settings.refresh.off': 'Выключено',
  'settings.refresh.minutes': 'Каждые {n} минут',
  'settings.refresh.hours': 'Каждые {n} ч',
  'settings.refresh.hour': 'Каждый час',
  'settings.refresh.day': 'Каждый день',
  'settings.refresh.addonNote': 'Google разрешает дополнениям обновляться не чаще раза в час.',
  'settings.save': 'Сохранить',
  'settings.saving': 'Сохранение…',
  'settings.test': 'Проверить подключение',
  'settings.testing': 'Проверка…',
  'settings.status': 'Последнее обновление',
  'settings.status.never': 'Обновлений ещё не было.',
  'settings.status.at': 'Время',
  'settings.status.count': 'Контактов',
  'settings.status.error': 'Последняя ошибка',
  'settings.status.retry': 'Следующая попытка',
  'settings.status.none': '—',
  'settings.status.outcome.ok': 'Готово',
  'settings.status.outcome.syncing': 'Контакты синхронизируются в GREEN-API',
  'settings.status.outcome.gaveUp': 'Остановлено после 3 пустых ответов',
  'settings.status.outcome.error': 'Ошибка',
  'settings.status.outcome.busy': 'Пропущено: выполнялось другое обновление',
  'settings.status.outcome.heldBack': 'Отложено: список выглядел неполным',
  'settings.status.source.menu': 'из меню',
  'settings.status.source.auto': 'автоматически',
  'settings.status.source.retry': 'автоматический повтор',
  'settings.members': 'Также обновлять участников групп по расписанию',
  'settings.members.hint':
    'Не чаще раза в сутки, вместе с автообновлением. Каждый запуск читает каждую группу: один запрос getGroupData на группу, он расходует месячную квоту тарифа GREEN-API.',
  'settings.members.status': 'Участники групп',
  'settings.members.never': 'Импорта участников групп ещё не было.',
  'settings.members.groups': 'Группы',
  'settings.members.next': 'Продолжится',
  'settings.failed': 'Не удалось сохранить: {message}',
  'disconnect.heading': 'Отключение',
  'disconnect.hint':
    'Удаляет токен и настройки, автообновления дополнения в этой таблице и его кэш. Листы остаются.',
  'disconnect.button': 'Отключить эту таблицу',
  'disconnect.confirm':
    'Отключить эту таблицу? Токен и настройки, ваши триггеры автообновления и повторов здесь и кэш списков контактов будут удалены; формулы будут показывать «Сначала настройте дополнение», пока вы снова не сохраните настройки. Листы и всё в них останутся.',
  'disconnect.yes': 'Отключить',
  'disconnect.no': 'Отмена',
  'disconnect.working': 'Отключение…',
  'disconnect.done':
    'Отключено: токен, настройки, ваши триггеры и кэш дополнения удалены из этой таблицы; листы остались. Автообновление, настроенное другим редактором, остановится при следующем запуске. Диагностика покажет, что осталось.',
  'disconnect.doneTriggersLeft':
    'Отключено: токен, настройки и кэш удалены, но Google не дал удалить триггеры дополнения: удалите их на https://script.google.com/home/triggers (без настроек они ничего не меняют).',
  'disconnect.failed': 'Не удалось отключить: {message}',
  'diag.stored': 'Хранится в этой таблице',
  'diag.stored.none': 'Ничего от дополнения: ни токена, ни настроек, ни кэша (листы ваши).',
  'diag.stored.some':
    '{properties} значений настроек и состояния в свойствах документа, {cache} записей кэша.',

  'settings.shared':
    'Каждый, кто может редактировать эту таблицу, может прочитать токен: в скрипте, привязанном к таблице, любой с правом редактирования — те, с кем таблица открыта для редактирования, и любой, у кого есть ссылка, если доступ по ссылке разрешает редактирование, — может открыть «Расширения → Apps Script» и запустить код, читающий эти настройки. Давайте доступ на редактирование только тем, кому доверили бы токен, или используйте вариант с дополнением.',
  'state.authorized': 'Подключено: инстанс авторизован и готов к работе.',
  'state.notAuthorized': 'Не авторизован: отсканируйте QR-код в консоли GREEN-API.',
  'state.blocked': 'Аккаунт WhatsApp заблокирован. Обратитесь в техподдержку GREEN-API.',
  'state.sleepMode':
    'Спящий режим: телефон выключен или не в сети. Включите его и подключите к интернету, затем подождите несколько минут.',
  'state.starting': 'Инстанс запускается: подождите несколько минут и проверьте снова.',
  'state.yellowCard':
    'Жёлтая карточка: отправка приостановлена из-за подозрения на спам. Контакты работают; перезапустите инстанс в консоли, чтобы снова отправлять.',
  'state.unknown': 'Инстанс сообщает состояние «{state}».',

  'diag.title': 'Диагностика: Контакты WhatsApp',
  'diag.ok': 'OK',
  'diag.warn': 'Проверьте',
  'diag.fail': 'Проблема',
  'diag.settings': 'Настройки',
  'diag.settings.ok': 'apiUrl {apiUrl}, idInstance {idInstance}, токен {hint}.',
  'diag.settings.missing': 'Настройки не сохранены: откройте Контакты WhatsApp → Настройки.',
  'diag.settings.invalid': 'Сохранённые настройки неверны: {detail}',
  'diag.state': 'Инстанс GREEN-API',
  'diag.triggers': 'Триггеры',
  'diag.triggers.none': 'Триггеров дополнения нет (автообновление выключено, повтор не запланирован).',
  'diag.triggers.list': 'Автообновление: {auto}, повтор: {retry} (всего ваших триггеров в проекте: {total}).',
  'diag.triggers.interval': 'Автообновление каждые {minutes} минут.',
  'diag.snapshot': 'Снимок для формул',
  'diag.snapshot.none': 'Нет: следующая формула WA_CONTACTS загрузит список.',
  'diag.snapshot.ok': 'Контактов: {count}, сохранён {age} мин назад, записей в кэше: {chunks}.',
  'diag.installation': 'Установка',
  'diag.installation.bound': 'Скрипт привязан к этой таблице (автообновление от 5 минут).',
  'diag.installation.addon': 'Дополнение (автообновление не чаще раза в час, один триггер на документ).',
  'diag.lastRefresh': 'Последнее обновление',
  'diag.members': 'Импорт участников групп',
  'diag.membersSnapshot': 'Снимок участников',
  'diag.membersSnapshot.ok': 'Участники {count} групп, сохранены {age} мин. назад (для WA_GROUP_MEMBERS).',
  'diag.close': 'Закрыть',
  'formula.tooMany':
    'Google выполняет слишком много скриптов вашего аккаунта одновременно (не больше 30) — так бывает, когда пересчитывается много формул WA_ сразу. Ячейка заполнится при одном из следующих обновлений; держите в таблице не больше {max} формул WA_.',
  'field.refresh.budget':
    'Google разрешает одному человеку 20 триггеров этого скрипта на все его таблицы, и все они заняты, поэтому ничего не изменено. Выключите автообновление в таблице, где оно больше не нужно (её «Контакты WhatsApp → Настройки»), или удалите ненужные триггеры в «Расширения → Apps Script → Триггеры» и сохраните снова.',
  'field.refresh.hourlyRefused':
    'Google не принял автообновление чаще раза в час: этот вариант работает как дополнение, поэтому ничего не изменено. Выберите 60 минут или больше.',
  'diag.installation.source': 'ScriptApp.getInstallationSource() сообщает {source}.',
  'diag.triggers.held':
    'У вас {held} из {budget} триггеров, которые Google разрешает одному человеку для этого скрипта (для дополнения — во всех ваших таблицах).',
  'diag.triggers.unknown':
    'Таблица помнит триггер ({which}), которого не показывает ни один из списков триггеров Google (удалён в Apps Script → Триггеры?): сохраните настройки снова, чтобы заново включить автообновление.',
  'diag.triggers.which.auto': 'автообновление',
  'diag.triggers.which.followUp': 'повтор',
  'diag.triggers.unrecorded':
    'Триггеров дополнения в этой таблице, которые оно не записало: {count}. Сохранение настроек удалит их.',
  'diag.triggers.budgetRefused':
    'Google отказал в новом триггере в {time}: все 20 триггеров этого скрипта на человека заняты. Выключите автообновление в другой таблице или удалите ненужные триггеры в Apps Script → Триггеры.',
  'diag.triggers.shortRefused':
    'Google отказал в повторе раньше чем через час ({time}), поэтому неделю повторы приходят через час.',
  'diag.editors': 'Редакторы',
  'diag.editors.count':
    'Google перечисляет людей с правом редактирования: {count} (Spreadsheet.getEditors(); входит ли владелец, не документировано, а доступ по ссылке не перечисляется). В привязанном скрипте каждый из них может прочитать токен.',

  // Identity: the add-on's own columns and sheets (issue 15).
  'log.column': 'столбец добавлен',
  'import.columnsAdded': 'Дополнение добавило свои столбцы справа: {columns}.',
  'import.columnsDeclined':
    'Ваши столбцы {columns} названы как столбцы дополнения, но содержат другое: они остаются вашими и не записывались.',
  'import.headerRow': 'Заголовок таблицы — строка {row}; строки выше — ваши.',
  'import.groupsHeldBack':
    'В списке не было групп: строки групп ({groups}) оставлены как были (после авторизации GREEN-API иногда на время не отдаёт группы).',
  'confirm.noGroups.title': 'Пометить все группы удалёнными?',
  'confirm.noGroups':
    'GREEN-API вернул контактов: {count}, и среди них нет ни одной группы, а на листе групп: {groups}. Сразу после авторизации GREEN-API иногда на время отвечает без групп. Пометить эти строки групп ({groups}) удалёнными? Нажмите «Нет», чтобы оставить лист как есть и повторить позже.',
  'table.protection':
    'WhatsApp Contacts заполняет этот столбец при каждом обновлении. Свои заметки пишите в свой столбец.',
  'deleteRemoved.confirmNames':
    'Удалить с листа «{sheet}» строки, помеченные удалёнными ({count}: {names})? Всё содержимое этих строк пропадёт, включая ваши столбцы. Вернуть их можно через «Правка → Отменить» или «Файл → История версий».',
  'deleteRemoved.more': 'и ещё {count}',
  'deleteRemoved.skipped':
    'Строки, которые вам показали, но уже не помеченные удалёнными ({skipped}: обновление их вернуло или их уже нет), не удалены.',
  'deleteRemoved.notShown':
    'Строки, помеченные удалёнными после вопроса ({count}), не удалены: выберите пункт меню ещё раз, чтобы их увидеть.',
  'diag.groupsHeldBack':
    'Группы придержаны: в последнем списке не было групп, строки групп ({groups}) оставлены как были.',
  // Квоты (задача 17): учёт запросов, тарифы, цены расписаний, пауза после 466, счётчик.
  'quota.months': 'января,февраля,марта,апреля,мая,июня,июля,августа,сентября,октября,ноября,декабря',
  /** A thousand as written here: the character between the digits groups them. */
  'quota.thousands': '1\u00a0000',
  'error.quotaUsed':
    '{method}: использовано {used} из {total} в этом месяце: месячная квота исчерпана (466). Обновления по расписанию возобновятся {date} (UTC), или смените тариф в консоли GREEN-API.',
  'error.quotaMethod':
    '{method}: месячная квота тарифа GREEN-API исчерпана (466). Обновления по расписанию возобновятся {date} (UTC), или смените тариф в консоли GREEN-API.',
  'field.plan.invalid': 'Выберите тариф GREEN-API: developer, business или custom.',
  'field.caps.invalid':
    '{method}: введите целое число запросов в месяц (0 или больше) или оставьте пустым, если лимита нет.',
  'field.refresh.overCap':
    '{option} — это около {cost} запросов {method} в месяц, больше лимита тарифа ({cap}). Самое частое расписание, которое помещается: {suggestion}.',
  'field.members.overCap':
    'Участники групп по расписанию — это около {cost} запросов getGroupData в месяц ({groups} групп × 31 день), больше лимита тарифа ({cap}). Отключите это или выберите тариф с большим лимитом.',
  'settings.plan': 'Тариф GREEN-API',
  'settings.plan.developer': 'Разработчик (бесплатный)',
  'settings.plan.business': 'Бизнес',
  'settings.plan.custom': 'Свои лимиты',
  'settings.plan.hint':
    'Лимиты на инстанс в месяц, обновляются 1 числа (здесь по UTC). Запросы других программ к инстансу здесь не видны.',
  'settings.caps.label': '{method} в месяц (пусто: без лимита)',
  'settings.price': '{option} ≈ {cost} {method} в месяц из {cap}.',
  'settings.price.noCap': '{option} ≈ {cost} {method} в месяц (без лимита).',
  'settings.price.members':
    'Участники групп по расписанию ≈ {cost} getGroupData в месяц ({groups} групп × 31) из {cap}.',
  'settings.price.membersNoCap':
    'Участники групп по расписанию ≈ {cost} getGroupData в месяц ({groups} групп × 31, без лимита).',
  'settings.price.over': 'Это не помещается в тариф.',
  'settings.runtime.warn':
    'При измеренных {seconds} с на запуск расписание «{option}» займёт около {minutes} мин работы триггеров в день: больше 90 мин в день, которые Apps Script даёт личному аккаунту Google (Workspace: 6 ч).',
  'settings.schedule.overCap':
    'Сохранённое расписание ({option}) не помещается в тариф: около {cost} {method} в месяц из {cap}. Оно работает, пока настройки не сохранят снова; тогда выберите подходящее.',
  'settings.meter': 'Квоты',
  'settings.meter.row': '{method}: {used} из {cap} в этом месяце (сброс {date}).',
  'settings.meter.rowNoCap': '{method}: {used} в этом месяце (без лимита).',
  'settings.meter.paused':
    '{counted} Исчерпано (466{answered}): работа по расписанию, которой он нужен, приостановлена до {date} (одна попытка в день).',
  'settings.meter.answered': ': {used} из {total} по счёту GREEN-API',
  'settings.meter.apps':
    'Apps Script сегодня (UTC): триггеры {minutes} из {quota} мин в день (Workspace: 360), UrlFetch {fetches} из 20 000.',
  'settings.meter.note': 'Считает эта таблица; запросы других программ к тому же инстансу здесь не видны.',
  'diag.quota': 'Квота GREEN-API',
  'diag.appsQuota': 'Квота Apps Script',
  'error.quotaChats':
    '{method}: лимит чатов тарифа GREEN-API исчерпан ({used} из {total} чатов в этом месяце, 466). Обновления по расписанию возобновятся {date} (UTC), или смените тариф в консоли GREEN-API.',
  'error.quotaChatsPlain':
    '{method}: лимит чатов тарифа GREEN-API исчерпан (466). Обновления по расписанию возобновятся {date} (UTC), или смените тариф в консоли GREEN-API.',
  // Issue 19: Check numbers on WhatsApp.
  'menu.checkNumbers': 'Проверить номера в WhatsApp…',
  'header.number': 'Номер',
  'header.whatsapp': 'WhatsApp',
  'header.chatId': 'ID чата',
  'header.checkedAt': 'Проверен',
  'header.checked': 'Проверено',
  'log.checked': 'проверен',
  'log.firstChecks': '{count} номеров проверено (первая проверка)',
  'check.title': 'Проверка номеров в WhatsApp',
  'check.yes': 'да',
  'check.no': 'нет',
  'check.notPhone': 'не номер телефона',
  'check.notChecked': 'не проверен: {reason}',
  'check.pending': 'проверяется…',
  'check.confirm':
    'Выделено: {cells} ячеек, {numbers} разных номеров.\n{notPhone}Уже проверены за последние {days} дней (бесплатно): {known}.\nПроверить сейчас: {ask} — {ask} запросов checkWhatsapp.\nВ тарифе осталось {left} запросов checkWhatsapp в этом месяце.\nНомера без кода страны читаются как номера страны {country}.\n\nРезультаты — в столбцы {columns} (только пустые ячейки). Проверить?',
  'check.confirm.notPhone': 'Не номера телефонов: {count} (например, {examples}).\n',
  'check.confirm.over':
    'В остаток тарифа помещаются только первые {fit} номеров; остальные будут отмечены «не проверен» и могут быть проверены после обновления квоты.',
  'check.left.noCap': 'без ограничения',
  'check.cancelled': 'Отменено: ничего не проверено и не потрачено.',
  'check.noSelection':
    'Сначала выделите ячейки с номерами (столбец или несколько ячеек), затем снова выберите «Проверить номера в WhatsApp».',
  'check.empty': 'Выделенные ячейки пусты: выделите ячейки с номерами телефонов.',
  'check.tooLarge':
    'В выделении {cells} ячеек; за раз можно проверить не больше {max}. Выделите меньше ячеек.',
  'check.ownTable':
    'Выделение на собственном листе дополнения «{sheet}». Выделите номера на одном из ваших листов.',
  'check.formulas':
    'В выделении есть формулы ({cells}). Выделите ячейки с введёнными номерами (сначала скопируйте и вставьте только значения).',
  'check.severalRanges': 'Выделите один блок ячеек (в выделении {count} отдельных частей).',
  'check.noNumbers':
    'Ни одна из {cells} выделенных ячеек не номер телефона (например, {examples}). Ничего не проверено.',
  'check.busy': 'В этой таблице уже идёт проверка номеров; дождитесь её окончания.',
  'check.done':
    'Проверено: {checked} номеров ({yes} в WhatsApp), {known} — из таблицы, {notPhone} — не номера телефонов.',
  'check.pendingMore':
    'Проверено {done} из {total} номеров; остальное продолжится само ({when}). Результаты появятся по мере проверки.',
  'check.stopped': 'Остановлено после {done} из {total} номеров: {error} Проверенное сохранено.',
  'check.progress': 'Проверено {done} из {total} номеров…',
  'check.status': 'Проверка номеров: {done} из {total} ({state}).',
  'check.state.running': 'идёт',
  'check.state.pending': 'продолжится сама',
  'check.state.done': 'готово',
  'check.state.stopped': 'остановлена',
  'check.reason.refused': 'GREEN-API отклонил номер',
  'check.reason.notInJob': 'ячейка изменилась после начала проверки',
  'check.reason.plan': 'в тарифе не осталось запросов checkWhatsapp в этом месяце',
  'diag.check': 'Проверка номеров',
  'settings.check': 'Проверка номеров',
  'settings.check.country': 'Страна по умолчанию (код ISO, например RU, US)',
  'settings.check.country.hint':
    'Для номеров без кода страны. Пусто — страна из языкового стандарта таблицы ({locale}). Номер с + или 00 всегда международный.',
  'settings.check.days': 'Использовать ответ повторно (дней)',
  'settings.check.save': 'Сохранить настройки проверки',
  'settings.check.saved': 'Настройки проверки номеров сохранены.',
  'settings.check.country.invalid': '«{value}» — не код страны вроде RU или US.',
  'settings.check.days.invalid': 'целое число дней от 0 до 365.',
  'check.running':
    'В этой таблице идёт проверка номеров ({done} из {total}); она продолжится сама. Начните новую, когда она закончится (ход — в настройках).',
  'check.reason.quota': 'месячная квота checkWhatsapp исчерпана (466)',
  'formula.check.notChecked': 'ещё не проверен — используйте «Проверить номера в WhatsApp»',
  'formula.check.notPhone': 'не номер телефона: {text}',
};

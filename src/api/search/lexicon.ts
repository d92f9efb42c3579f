// The words people use for the same thing, in English and Russian: each group is one concept, so "staff",
// "team member" and «сотрудники» find the same operations. Phrases are matched whole before single words
// ("gift card" is a certificate, "card" alone a loyalty card; "group event" an event, "group" alone a chain).
export interface Concept {
  id: string;
  terms: readonly string[];
}

// One concept a line reads better than Prettier's one word a line.
// prettier-ignore
export const CONCEPTS: readonly Concept[] = [
  // What the user wants to do.
  { id: 'search', terms: ['search', 'find', 'list', 'filter', 'lookup', 'look up', 'browse', 'query', 'поиск', 'найти', 'искать', 'список', 'списка', 'фильтр', 'перечень'] },
  { id: 'read', terms: ['get', 'read', 'view', 'show', 'fetch', 'open', 'details', 'info', 'получить', 'получение', 'показать', 'посмотреть', 'просмотр', 'информация', 'детали', 'чтение'] },
  { id: 'create', terms: ['create', 'add', 'new', 'make', 'issue', 'register', 'insert', 'создать', 'создание', 'добавить', 'добавление', 'новый', 'новая', 'новое', 'новые', 'выдать', 'выдача', 'завести', 'оформить'] },
  { id: 'update', terms: ['update', 'edit', 'change', 'modify', 'rename', 'replace', 'обновить', 'обновление', 'изменить', 'изменение', 'редактировать', 'редактирование', 'поменять', 'установить'] },
  { id: 'delete', terms: ['delete', 'remove', 'erase', 'unlink', 'drop', 'destroy', 'удалить', 'удаление', 'убрать', 'стереть', 'отвязать'] },
  { id: 'cancel', terms: ['cancel', 'revoke', 'undo', 'отменить', 'отмена'] },
  { id: 'send', terms: ['send', 'отправить', 'отправка', 'послать'] },
  { id: 'freeze', terms: ['freeze', 'pause', 'заморозить', 'заморозка'] },
  { id: 'copy', terms: ['copy', 'clone', 'duplicate', 'копировать', 'копирование', 'клонировать', 'дублировать', 'дублирование'] },
  { id: 'topup', terms: ['top up', 'topup', 'replenish', 'пополнение', 'пополнить'] },

  // What it is about.
  // "client card" is the client's profile, not a loyalty card.
  { id: 'client', terms: ['client', 'customer', 'guest', 'client card', 'клиент', 'клиентский', 'покупатель', 'гость', 'карточка клиента'] },
  { id: 'appointment', terms: ['appointment', 'record', 'booking', 'book', 'reservation', 'запись', 'записать', 'бронирование', 'бронь'] },
  { id: 'visit', terms: ['visit', 'attendance', 'визит', 'посещение'] },
  { id: 'staff', terms: ['team member', 'staff', 'employee', 'master', 'specialist', 'stylist', 'worker', 'personnel', 'сотрудник', 'мастер', 'специалист', 'персонал', 'работник'] },
  { id: 'location', terms: ['location', 'company', 'salon', 'branch', 'studio', 'филиал', 'компания', 'салон', 'точка', 'студия'] },
  { id: 'chain', terms: ['chain', 'network', 'group', 'salon group', 'сеть', 'сетевой', 'группа'] },
  { id: 'card', terms: ['card', 'loyalty card', 'discount card', 'club card', 'карта', 'карточка', 'карта лояльности', 'дисконтная карта', 'клубная карта'] },
  { id: 'certificate', terms: ['gift card', 'gift certificate', 'certificate', 'voucher', 'сертификат', 'подарочный сертификат', 'подарочная карта'] },
  { id: 'membership', terms: ['membership', 'subscription', 'abonement', 'season ticket', 'pass', 'абонемент'] },
  { id: 'program', terms: ['loyalty program', 'promotion', 'promo', 'discount', 'cashback', 'bonus', 'акция', 'программа лояльности', 'скидка', 'кэшбэк', 'кешбэк', 'бонус'] },
  { id: 'techcard', terms: ['tech card', 'technological card', 'bill of materials', 'consumable', 'технологическая карта', 'тех карта', 'техкарта', 'расходник', 'расходный материал'] },
  { id: 'onlinebooking', terms: ['online booking', 'онлайн запись', 'онлайн бронирование'] },
  { id: 'medical', terms: ['medical card', 'medical record', 'medical', 'medicine', 'patient', 'doctor', 'медицинская карта', 'медицинский', 'медицина', 'пациент', 'врач', 'медкарта', 'прием врача'] },
  { id: 'service', terms: ['service', 'procedure', 'treatment', 'услуга', 'процедура'] },
  { id: 'category', terms: ['category', 'категория'] },
  { id: 'tag', terms: ['tag', 'label', 'метка', 'меток', 'тег', 'ярлык'] },
  { id: 'product', terms: ['product', 'goods', 'good', 'merchandise', 'товар', 'продукт'] },
  { id: 'storage', terms: ['storage', 'warehouse', 'inventory', 'stock', 'склад', 'остаток', 'складской'] },
  { id: 'document', terms: ['document', 'документ'] },
  { id: 'transaction', terms: ['transaction', 'транзакция', 'операция'] },
  { id: 'payment', terms: ['payment', 'pay', 'paid', 'оплата', 'оплатить', 'платеж', 'платить'] },
  { id: 'finance', terms: ['finance', 'financial', 'финансы', 'финансовый'] },
  { id: 'sale', terms: ['sale', 'sell', 'sold', 'продажа', 'продать'] },
  { id: 'cashbox', terms: ['cash register', 'cashbox', 'cash desk', 'till', 'касса'] },
  { id: 'deposit', terms: ['deposit', 'депозит', 'личный счет'] },
  { id: 'receipt', terms: ['receipt', 'fiscal', 'fiscalization', 'kkm', 'cheque', 'чек', 'фискальный', 'фискализация', 'ккм'] },
  { id: 'schedule', terms: ['schedule', 'timetable', 'working hours', 'shift', 'roster', 'calendar', 'расписание', 'график', 'график работы', 'журнал', 'календарь'] },
  { id: 'slot', terms: ['slot', 'time slot', 'timeslot', 'seance', 'session', 'сеанс', 'слот', 'таймслот', 'окно'] },
  { id: 'event', terms: ['group event', 'event', 'activity', 'class', 'событие', 'групповое событие', 'мероприятие', 'занятие'] },
  { id: 'resource', terms: ['resource', 'room', 'equipment', 'ресурс', 'кабинет', 'оборудование'] },
  { id: 'position', terms: ['position', 'job title', 'должность'] },
  { id: 'review', terms: ['review', 'comment', 'feedback', 'rating', 'отзыв', 'комментарий', 'оценка'] },
  { id: 'notification', terms: ['notification', 'notify', 'alert', 'уведомление', 'оповещение'] },
  { id: 'sms', terms: ['sms', 'text message', 'смс'] },
  { id: 'email', terms: ['email', 'e mail', 'mail', 'почта', 'письмо', 'емейл'] },
  { id: 'campaign', terms: ['campaign', 'newsletter', 'mailing', 'broadcast', 'рассылка'] },
  { id: 'user', terms: ['user', 'пользователь'] },
  { id: 'permission', terms: ['permission', 'rights', 'access', 'role', 'права', 'право', 'доступ', 'роль', 'полномочия'] },
  { id: 'invite', terms: ['invite', 'invitation', 'приглашение', 'пригласить'] },
  { id: 'report', terms: ['report', 'analytics', 'statistics', 'stats', 'metrics', 'dashboard', 'отчет', 'аналитика', 'статистика', 'показатели'] },
  { id: 'revenue', terms: ['revenue', 'income', 'earnings', 'выручка', 'доход'] },
  { id: 'salary', terms: ['salary', 'payroll', 'wage', 'зарплата', 'заработная плата', 'расчет зарплаты'] },
  { id: 'phone', terms: ['phone', 'telephone', 'mobile', 'phone number', 'телефон', 'номер телефона', 'мобильный'] },
  { id: 'auth', terms: ['auth', 'authorize', 'authorization', 'sign in', 'login', 'log in', 'token', 'авторизация', 'авторизоваться', 'войти', 'вход', 'логин', 'токен'] },
  { id: 'webhook', terms: ['webhook', 'hook', 'вебхук', 'хук'] },
  { id: 'image', terms: ['image', 'photo', 'picture', 'изображение', 'фото', 'фотография', 'картинка'] },
  { id: 'tip', terms: ['tip', 'tips', 'gratuity', 'чаевые'] },
  { id: 'country', terms: ['country', 'страна'] },
  { id: 'city', terms: ['city', 'город'] },
  { id: 'widget', terms: ['widget', 'booking form', 'виджет', 'форма записи'] },
  // Not «поле» alone: its stem «пол» is also the start of «полный».
  { id: 'field', terms: ['custom field', 'field', 'дополнительное поле', 'дополнительные поля'] },
  { id: 'voip', terms: ['voip', 'telephony', 'call', 'телефония', 'звонок', 'звонка'] },
  { id: 'privacy', terms: ['privacy', 'privacy policy', 'personal data', 'конфиденциальность', 'персональные данные'] },
];

/** Concepts that ask for a destructive change: with them, destructive operations are not ranked down. */
export const DESTRUCTIVE_INTENT: ReadonlySet<string> = new Set(['delete', 'cancel', 'update']);

/** Concepts that say what to do; a query without any is a query of nouns. */
export const ACTION_CONCEPTS: ReadonlySet<string> = new Set([
  'search',
  'read',
  'create',
  'update',
  'delete',
  'cancel',
  'send',
  'freeze',
  'copy',
  'topup',
]);

/** What each HTTP method does, as concepts (so "delete card" finds DELETE /loyalty/cards/...). */
export const METHOD_CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  GET: ['read'],
  POST: ['create'],
  PUT: ['update'],
  PATCH: ['update'],
  DELETE: ['delete'],
};

/**
 * Verbs that, typed in a query, also ask for an action without naming it: "book appointment" wants to
 * create one. Only queries read this table: a summary about "online booking" creates nothing.
 */
export const IMPLIED_ACTIONS: Readonly<Record<string, string>> = {
  book: 'create',
  reserve: 'create',
  записать: 'create',
  выпустить: 'create',
};

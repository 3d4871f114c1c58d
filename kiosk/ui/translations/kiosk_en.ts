<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru_RU">
<context>
    <name>AdminPanel</name>
    <message>
        <source>База перезагружена.</source>
        <translation>Database reloaded.</translation>
    </message>
    <message>
        <source>Файл базы не принят; причина — в строке «Новый файл базы».</source>
        <translation>Database file not accepted; the reason is under “New database file”.</translation>
    </message>
    <message>
        <source>Администрирование</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Действует заводской PIN 1945. Смените его до открытия выставки: kiosk --hash-pin, затем admin_pin_hash в файле настроек.</source>
        <translation>The factory PIN 1945 is still in use. Change it before the exhibition opens: run kiosk --hash-pin, then set admin_pin_hash in the settings file.</translation>
    </message>
    <message>
        <source>Версия программы</source>
        <translation>Program version</translation>
    </message>
    <message>
        <source>Состояние базы</source>
        <translation>Database status</translation>
    </message>
    <message>
        <source>доступна</source>
        <translation>available</translation>
    </message>
    <message>
        <source>недоступна (причина — в журнале)</source>
        <translation>unavailable (the reason is in the log)</translation>
    </message>
    <message>
        <source>Файл базы</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Собрана</source>
        <translation>Built</translation>
    </message>
    <message>
        <source>Хеш источников</source>
        <translation>Sources hash</translation>
    </message>
    <message>
        <source>Городов</source>
        <translation>Cities</translation>
    </message>
    <message>
        <source>Новый файл базы</source>
        <translation>New database file</translation>
    </message>
    <message>
        <source>проверен, включится между посетителями</source>
        <translation>checked; it will be switched in between visitors</translation>
    </message>
    <message>
        <source>не принят: %1</source>
        <translation>not accepted: %1</translation>
    </message>
    <message>
        <source>Журнал</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>только консоль</source>
        <translation>console only</translation>
    </message>
    <message>
        <source>Посещения</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>не записываются (statistics = false)</source>
        <translation>not recorded (statistics = false)</translation>
    </message>
    <message>
        <source>сегодня: %1, за 7 дней: %2; чаще всего открывали: %3</source>
        <translation>today: %1, last 7 days: %2; most opened: %3</translation>
    </message>
    <message>
        <source>Перезагрузить базу</source>
        <translation>Reload database</translation>
    </message>
    <message>
        <source>Выйти из программы</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AdminService</name>
    <message>
        <source>Введите код</source>
        <translation>Enter the code</translation>
    </message>
    <message>
        <source>Код неверный. Попробуйте ещё раз чуть позже.</source>
        <translation>Wrong code. Please try again a little later.</translation>
    </message>
    <message>
        <source>Код неверный</source>
        <translation>Wrong code</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Коснитесь экрана</source>
        <translation>Touch the screen</translation>
    </message>
</context>
<context>
    <name>AttractSlide</name>
    <message>
        <source>Почётное звание Российской Федерации</source>
        <translation>An honorary title of the Russian Federation</translation>
    </message>
    <message>
        <source>Города трудовой доблести</source>
        <translation>Cities of Labour Valour</translation>
    </message>
    <message>
        <source>1941–1945</source>
        <translation>1941–1945</translation>
    </message>
    <message>
        <source>Город трудовой доблести</source>
        <translation>City of Labour Valour</translation>
    </message>
    <message>
        <source>Текст экспозиции по открытым источникам: в перечне этого города нет.</source>
        <translation>The exhibition’s own text from public sources: this city is missing from the list.</translation>
    </message>
    <message>
        <source>В этот день</source>
        <translation>On this day</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message numerus="yes">
        <source>Всего %n городов</source>
        <translation>
            <numerusform>%n city in all</numerusform>
            <numerusform>%n cities in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Найдено %n городов из %1</source>
        <translation>
            <numerusform>%n city found of %1</numerusform>
            <numerusform>%n cities found of %1</numerusform>
        </translation>
    </message>
    <message>
        <source> или </source>
        <translation> or </translation>
    </message>
    <message numerus="yes">
        <source>%n городов</source>
        <translation>
            <numerusform>%n city</numerusform>
            <numerusform>%n cities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>%1, городов: %2</source>
        <translation>%1, cities: %2</translation>
    </message>
</context>
<context>
    <name>CitiesScreen</name>
    <message>
        <source>Все города</source>
        <translation>All cities</translation>
    </message>
    <message>
        <source>Ещё фильтры</source>
        <translation>More filters</translation>
    </message>
    <message>
        <source>Фильтры: %1</source>
        <translation>Filters: %1</translation>
    </message>
    <message>
        <source>Фильтры</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Снять фильтры</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Города</source>
        <translation>Cities</translation>
    </message>
</context>
<context>
    <name>CityCard</name>
    <message>
        <source>ещё %1</source>
        <translation>%1 more</translation>
    </message>
</context>
<context>
    <name>CityFacts</name>
    <message>
        <source>Вклад в Победу</source>
        <translation>Contribution to the Victory</translation>
    </message>
</context>
<context>
    <name>CityScreen</name>
    <message>
        <source>Все города, получившие звание в %1 году</source>
        <translation>All cities given the title in %1</translation>
    </message>
    <message>
        <source>Звание присвоено в %1 году</source>
        <translation>Title conferred in %1</translation>
    </message>
    <message>
        <source>Нет сведений о городе</source>
        <translation>No information about this city</translation>
    </message>
    <message>
        <source>Открыть карту на этом городе</source>
        <translation>Open the map on this city</translation>
    </message>
    <message>
        <source>Краткое изложение выставки</source>
        <translation>The exhibition’s summary in English</translation>
    </message>
    <message>
        <source>Рассказ об этом городе готовится.</source>
        <translation>The story of this city is being prepared.</translation>
    </message>
    <message>
        <source>%1 из %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Предыдущий</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Следующий</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>EditorialNote</name>
    <message>
        <source>Этого города нет в перечне-источнике: текст о нём написан экспозицией по открытым источникам.</source>
        <translation>This city is missing from the source list: the exhibition wrote its text from public sources.</translation>
    </message>
</context>
<context>
    <name>EditorialSources</name>
    <message>
        <source>Источники: %1.</source>
        <translation>Sources: %1.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Ничего не найдено</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Попробуйте другое слово или снимите часть фильтров.</source>
        <translation>Try another word or clear some of the filters.</translation>
    </message>
    <message>
        <source>Сбросить поиск и фильтры</source>
        <translation>Clear search and filters</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Год присвоения звания</source>
        <translation>Year of the title</translation>
    </message>
    <message>
        <source>Федеральный округ</source>
        <translation>Federal district</translation>
    </message>
    <message>
        <source>Вклад в Победу</source>
        <translation>Contribution to the Victory</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Почётное звание Российской Федерации</source>
        <translation>An honorary title of the Russian Federation</translation>
    </message>
    <message>
        <source>Города трудовой доблести</source>
        <translation>Cities of Labour Valour</translation>
    </message>
    <message>
        <source>1941–1945</source>
        <translation>1941–1945</translation>
    </message>
    <message>
        <source>«За&#xa0;значительный вклад жителей городов в&#xa0;достижение Победы в&#xa0;Великой Отечественной войне 1941–1945 годов, обеспечение бесперебойного производства военной и&#xa0;гражданской продукции на&#xa0;промышленных предприятиях, проявленные при&#xa0;этом массовый трудовой героизм и&#xa0;самоотверженность»&#xa0;— из&#xa0;указов Президента Российской Федерации о&#xa0;присвоении звания.</source>
        <translation>“For the significant contribution of the cities’ residents to the Victory in the Great Patriotic War of 1941–1945, for ensuring uninterrupted production of military and civilian goods at industrial enterprises, and for the mass heroism and selflessness in labour shown in doing so” — from the decrees of the President of the Russian Federation conferring the title (translated from the Russian).</translation>
    </message>
    <message>
        <source>Города</source>
        <translation>Cities</translation>
    </message>
    <message numerus="yes">
        <source>Все %n городов: вклад в&#xa0;Победу и&#xa0;памятные места</source>
        <translation>
            <numerusform>The %n city: its part in the Victory and its memorials</numerusform>
            <numerusform>All %n cities: their part in the Victory and their memorials</numerusform>
        </translation>
    </message>
    <message>
        <source>Новокузнецк</source>
        <translation>Novokuznetsk</translation>
    </message>
    <message>
        <source>Кузница Победы: комбинат, фронт, подвиги, награды</source>
        <translation>Forge of Victory: the steelworks, the front, heroism, awards</translation>
    </message>
    <message>
        <source>Карта</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Города на карте России</source>
        <translation>The cities on a map of Russia</translation>
    </message>
    <message>
        <source>Викторина</source>
        <translation>Quiz</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Вы ещё здесь?</source>
        <translation>Are you still there?</translation>
    </message>
    <message numerus="yes">
        <source>Через %n секунд экспозиция вернётся на главный экран.</source>
        <translation>
            <numerusform>In %n second the exhibit will return to the start screen.</numerusform>
            <numerusform>In %n seconds the exhibit will return to the start screen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Продолжить</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message numerus="yes">
        <source>ещё %n</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Предыдущее</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>%1 из %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Следующее</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Стереть</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>АБВ</source>
        <translation>АБВ</translation>
    </message>
    <message>
        <source>Буквы</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Цифры</source>
        <translation>Digits</translation>
    </message>
    <message>
        <source>Пробел</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Очистить</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Скрыть</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Крупный текст</source>
        <translation>Larger text</translation>
    </message>
</context>
<context>
    <name>ListenButton</name>
    <message>
        <source>Остановить</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Слушать</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Остановить чтение вслух</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <source>Слушать: прочитать текст вслух</source>
        <translation>Listen: read the text aloud</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Города трудовой доблести</source>
        <translation>Cities of Labour Valour</translation>
    </message>
</context>
<context>
    <name>MapScreen</name>
    <message>
        <source>Год присвоения звания</source>
        <translation>Year of the title</translation>
    </message>
    <message>
        <source>Остановить</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Показать по годам</source>
        <translation>Show year by year</translation>
    </message>
    <message numerus="yes">
        <source>На карте: %n городов, звание присвоено в %1 году</source>
        <translation>
            <numerusform>On the map: %n city, title conferred in %1</numerusform>
            <numerusform>On the map: %n cities, title conferred in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>На карте: %n городов, звание присвоено в %1–%2 годах</source>
        <translation>
            <numerusform>On the map: %n city, titles conferred %1–%2</numerusform>
            <numerusform>On the map: %n cities, titles conferred %1–%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Без точки на карте:</source>
        <translation>Not on the map:</translation>
    </message>
    <message>
        <source>Здесь рядом несколько городов:</source>
        <translation>Several cities lie close together here:</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MemorialCard</name>
    <message>
        <source>Наведите камеру телефона, чтобы открыть место на карте</source>
        <translation>Point your phone’s camera here to open the place on a map</translation>
    </message>
    <message>
        <source>Стелы или сквера в перечне нет</source>
        <translation>No stele or square in the list</translation>
    </message>
    <message>
        <source>В сводном перечне городов трудовой доблести в графе «Наличие стелы, сквера» для этого города указано «Нет».</source>
        <translation>In the consolidated list of the Cities of Labour Valour, the column “Stele or square” reads “No” for this city.</translation>
    </message>
</context>
<context>
    <name>NkAwardsScreen</name>
    <message>
        <source>Награды, звания и воинские части</source>
        <translation>Awards, titles and military units</translation>
    </message>
    <message>
        <source>Коснитесь строки — откроются формулировка и источник.</source>
        <translation>Touch a line to read the citation and its source.</translation>
    </message>
    <message>
        <source>Воинские части и училище</source>
        <translation>Military units and the school</translation>
    </message>
</context>
<context>
    <name>NkChapterScreen</name>
    <message>
        <source>Глава не найдена</source>
        <translation>Chapter not found</translation>
    </message>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Дальше: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>К оглавлению раздела</source>
        <translation>Back to the section’s contents</translation>
    </message>
    <message>
        <source>Все главы, хроника, цифры, люди и награды</source>
        <translation>All chapters, the timeline, figures, people and awards</translation>
    </message>
</context>
<context>
    <name>NkCityLink</name>
    <message>
        <source>Раздел «Новокузнецк»: кузница Победы</source>
        <translation>The Novokuznetsk section: Forge of Victory</translation>
    </message>
</context>
<context>
    <name>NkFiguresScreen</name>
    <message>
        <source>Цифры</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Всё, что сосчитано в документах. Коснитесь цифры — откроется отрывок-источник.</source>
        <translation>Everything the documents put a number on. Touch a figure to read the passage it comes from.</translation>
    </message>
</context>
<context>
    <name>NkHeader</name>
    <message>
        <source>Раздел «Новокузнецк»</source>
        <translation>The Novokuznetsk section</translation>
    </message>
    <message>
        <source>Краткое изложение выставки</source>
        <translation>The exhibition’s summary in English</translation>
    </message>
</context>
<context>
    <name>NkHomeScreen</name>
    <message>
        <source>Раздел экспозиции</source>
        <translation>A section of the exhibition</translation>
    </message>
    <message>
        <source>Новокузнецк — тогда Сталинск</source>
        <translation>Novokuznetsk, then called Stalinsk</translation>
    </message>
    <message>
        <source>Кузнецкий металлургический комбинат, фронт, подвиги, тыл, награды и память. Всё рассказанное — дословно из документов, каждый отрывок со ссылкой на источник.</source>
        <translation>The Kuznetsk Iron and Steel Works, the front, deeds of valour, the home front, awards and remembrance. Everything told here is quoted word for word from the documents (in Russian), each passage with its source; the English titles and summaries are the exhibition’s own.</translation>
    </message>
    <message>
        <source>Лента времени</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>1941–2020, каждое событие по дате</source>
        <translation>1941–2020, every event by its date</translation>
    </message>
    <message>
        <source>Цифры</source>
        <translation>Figures</translation>
    </message>
    <message numerus="yes">
        <source>%n показателей</source>
        <translation>
            <numerusform>%n figure</numerusform>
            <numerusform>%n figures</numerusform>
        </translation>
    </message>
    <message>
        <source>Люди</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Герои, командиры, сталевары: %1</source>
        <translation>Heroes, commanders, steelmakers: %1</translation>
    </message>
    <message>
        <source>Награды</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>Ордена, звания и воинские части</source>
        <translation>Orders, titles and military units</translation>
    </message>
    <message>
        <source>Источники</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Документы и открытые вопросы</source>
        <translation>Documents and open questions</translation>
    </message>
    <message>
        <source>Карточка города</source>
        <translation>City page</translation>
    </message>
    <message>
        <source>Новокузнецк в перечне городов</source>
        <translation>Novokuznetsk in the list of cities</translation>
    </message>
</context>
<context>
    <name>NkItemCard</name>
    <message>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Скрыть источник</source>
        <translation>Hide the source</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NkPeopleScreen</name>
    <message>
        <source>Люди</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Имена — так, как их пишут документы. Коснитесь карточки, чтобы прочитать историю.</source>
        <translation>Names are given as the documents spell them. Touch a card to read the story.</translation>
    </message>
</context>
<context>
    <name>NkSourcesScreen</name>
    <message>
        <source>Источники</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Каждый факт раздела опирается на отрывок документа. Здесь — сами документы, что из них взято, какие ошибки исправлены и о чём документы расходятся.</source>
        <translation>Every fact in this section rests on a passage from a document. Here are the documents themselves: what was taken from them, which errors were corrected and where the documents disagree.</translation>
    </message>
    <message>
        <source>Где документы расходятся</source>
        <translation>Where the documents disagree</translation>
    </message>
    <message>
        <source>Здесь показано лучше подтверждённое прочтение.</source>
        <translation>The better-supported reading is shown here.</translation>
    </message>
    <message>
        <source>Показано, как в документе «%1».</source>
        <translation>Shown as in the document “%1”.</translation>
    </message>
    <message>
        <source>Отрывков в разделе: %1</source>
        <translation>Passages in this section: %1</translation>
    </message>
    <message>
        <source>Исправленные ошибки документов</source>
        <translation>Errors in the documents, corrected</translation>
    </message>
</context>
<context>
    <name>NkTimelineScreen</name>
    <message>
        <source>Лента времени</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Раздел «Новокузнецк»</source>
        <translation>The Novokuznetsk section</translation>
    </message>
    <message>
        <source>Новокузнецк · коснитесь события, чтобы прочитать его и источник</source>
        <translation>Novokuznetsk · touch an event to read it and its source</translation>
    </message>
    <message>
        <source>Листайте вверх и вниз, от 1941 года к 2020-му. Коснитесь события — откроются его рассказ и источник.</source>
        <translation>Scroll up and down, from 1941 to 2020. Touch an event to read its story and its source.</translation>
    </message>
    <message>
        <source>после войны шкала сжата</source>
        <translation>after the war the scale is compressed</translation>
    </message>
</context>
<context>
    <name>Novokuznetsk</name>
    <message>
        <source>Человек</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Цифра</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Событие</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Награда</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>Воинская часть</source>
        <translation>Military unit</translation>
    </message>
    <message>
        <source>Откуда этот текст</source>
        <translation>Where this text comes from</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Служебный вход</source>
        <translation>Staff access</translation>
    </message>
    <message>
        <source>Попробуйте снова через %1 с</source>
        <translation>Try again in %1 s</translation>
    </message>
    <message>
        <source>Введите код</source>
        <translation>Enter the code</translation>
    </message>
    <message>
        <source>Стереть</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Войти</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <source>В каком году город %1 получил звание «Город трудовой доблести»?</source>
        <translation>In which year was %1 awarded the title “City of Labour Valour”?</translation>
    </message>
    <message>
        <source>В каком регионе находится город %1?</source>
        <translation>In which region is %1?</translation>
    </message>
    <message>
        <source>Вклад какого из этих городов в Победу — «%1»?</source>
        <translation>Which of these cities contributed “%1” to Victory?</translation>
    </message>
    <message>
        <source>Каким был вклад города %1 в Победу?</source>
        <translation>What did %1 contribute to Victory?</translation>
    </message>
    <message>
        <source>Где на карте город %1? Коснитесь одной из четырёх точек.</source>
        <translation>Where is %1 on the map? Touch one of the four points.</translation>
    </message>
    <message>
        <source>Какое памятное место есть в городе %1?</source>
        <translation>Which memorial place is in %1?</translation>
    </message>
    <message>
        <source>В каком году это было: «%1»?</source>
        <translation>In which year did this happen: “%1”?</translation>
    </message>
    <message>
        <source>Какое число пропущено: «… %1»?</source>
        <translation>Which number is missing: “… %1”?</translation>
    </message>
    <message>
        <source>%1 получил звание «Город трудовой доблести» в %2 году.</source>
        <translation>%1 was awarded the title “City of Labour Valour” in %2.</translation>
    </message>
    <message>
        <source>Город %1 — %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Вклад города %1: %2.</source>
        <translation>What %1 contributed: %2.</translation>
    </message>
    <message>
        <source>В городе %1 — %2 (%3).</source>
        <translation>In %1: %2 (%3).</translation>
    </message>
    <message>
        <source>В городе %1 — %2.</source>
        <translation>In %1: %2.</translation>
    </message>
    <message>
        <source>«%1» — %2 год.</source>
        <translation>“%1”: %2.</translation>
    </message>
    <message>
        <source>Викторина</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Десять вопросов о городах трудовой доблести и о Новокузнецке. Ответы — в самой экспозиции: после каждого вопроса можно открыть страницу, откуда он взят.</source>
        <translation>Ten questions about the Cities of Labour Valour and Novokuznetsk. The answers are in the exhibition itself: after each question you can open the page it comes from.</translation>
    </message>
    <message>
        <source>Начать</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Две команды</source>
        <translation>Two teams</translation>
    </message>
    <message>
        <source>Для класса у одного экрана: команды отвечают по очереди, у каждой свой счёт. Имена не нужны.</source>
        <translation>For a class at one screen: the teams answer in turn, each with its own score. No names needed.</translation>
    </message>
    <message>
        <source>Вопрос %1 из %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Отвечает команда %1</source>
        <translation>Team %1 answers</translation>
    </message>
    <message>
        <source>Счёт %1 : %2</source>
        <translation>Score %1 : %2</translation>
    </message>
    <message>
        <source>Верных ответов: %1</source>
        <translation>Correct answers: %1</translation>
    </message>
    <message>
        <source>Точка %1</source>
        <translation>Point %1</translation>
    </message>
    <message>
        <source>Верно!</source>
        <translation>Correct!</translation>
    </message>
    <message>
        <source>Неверно</source>
        <translation>Not quite</translation>
    </message>
    <message>
        <source>Неверно. Правильный ответ: %1</source>
        <translation>Not quite. The right answer: %1</translation>
    </message>
    <message>
        <source>Подробнее</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Итоги</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Дальше</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Правильных ответов: %1 из %2</source>
        <translation>Correct answers: %1 of %2</translation>
    </message>
    <message>
        <source>Команда 1: %1 · Команда 2: %2</source>
        <translation>Team 1: %1 · Team 2: %2</translation>
    </message>
    <message>
        <source>Ничья!</source>
        <translation>A draw!</translation>
    </message>
    <message>
        <source>Победила команда %1!</source>
        <translation>Team %1 wins!</translation>
    </message>
    <message>
        <source>Все ответы — в экспозиции: на страницах городов, на карте и в разделе о Новокузнецке.</source>
        <translation>All the answers are in the exhibition: on the city pages, on the map and in the Novokuznetsk section.</translation>
    </message>
    <message>
        <source>Ещё раз</source>
        <translation>Play again</translation>
    </message>
</context>
<context>
    <name>RussianTextNote</name>
    <message>
        <source>Текст ниже — на русском языке, как в источнике.</source>
        <translation>The text below is in Russian, as the source gives it.</translation>
    </message>
</context>
<context>
    <name>ScrollHint</name>
    <message>
        <source>Ещё ниже</source>
        <translation>More below</translation>
    </message>
    <message>
        <source>К началу</source>
        <translation>Back to top</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Город, область или слово из истории</source>
        <translation>City, region or a word from its story</translation>
    </message>
    <message>
        <source>Очистить поиск</source>
        <translation>Clear the search</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>На главную</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Города трудовой доблести</source>
        <translation>Cities of Labour Valour</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <source>Города трудовой доблести</source>
        <translation>Cities of Labour Valour</translation>
    </message>
    <message>
        <source>Экспозиция временно недоступна</source>
        <translation>The exhibit is temporarily unavailable</translation>
    </message>
    <message>
        <source>Приносим извинения. Пожалуйста, обратитесь к сотруднику музея.</source>
        <translation>We apologise. Please ask a member of the museum staff.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="ru_RU">
<context>
    <name>Catalog</name>
    <message numerus="yes">
        <source>Всего %n городов</source>
        <translation>
            <numerusform>Всего %n город</numerusform>
            <numerusform>Всего %n города</numerusform>
            <numerusform>Всего %n городов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Найдено %n городов из %1</source>
        <translation>
            <numerusform>Найден %n город из %1</numerusform>
            <numerusform>Найдено %n города из %1</numerusform>
            <numerusform>Найдено %n городов из %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n городов</source>
        <translation>
            <numerusform>%n город</numerusform>
            <numerusform>%n города</numerusform>
            <numerusform>%n городов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message numerus="yes">
        <source>Все %n городов: вклад в&#xa0;Победу и&#xa0;памятные места</source>
        <translation>
            <numerusform>Все %n город: вклад в&#xa0;Победу и&#xa0;памятные места</numerusform>
            <numerusform>Все %n города: вклад в&#xa0;Победу и&#xa0;памятные места</numerusform>
            <numerusform>Все %n городов: вклад в&#xa0;Победу и&#xa0;памятные места</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message numerus="yes">
        <source>Через %n секунд экспозиция вернётся на главный экран.</source>
        <translation>
            <numerusform>Через %n секунду экспозиция вернётся на главный экран.</numerusform>
            <numerusform>Через %n секунды экспозиция вернётся на главный экран.</numerusform>
            <numerusform>Через %n секунд экспозиция вернётся на главный экран.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message numerus="yes">
        <source>ещё %n</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapScreen</name>
    <message numerus="yes">
        <source>На карте: %n городов, звание присвоено в %1 году</source>
        <translation>
            <numerusform>На карте: %n город, звание присвоено в %1 году</numerusform>
            <numerusform>На карте: %n города, звание присвоено в %1 году</numerusform>
            <numerusform>На карте: %n городов, звание присвоено в %1 году</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>На карте: %n городов, звание присвоено в %1–%2 годах</source>
        <translation>
            <numerusform>На карте: %n город, звание присвоено в %1–%2 годах</numerusform>
            <numerusform>На карте: %n города, звание присвоено в %1–%2 годах</numerusform>
            <numerusform>На карте: %n городов, звание присвоено в %1–%2 годах</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NkHomeScreen</name>
    <message numerus="yes">
        <source>%n показателей</source>
        <translation>
            <numerusform>%n показатель</numerusform>
            <numerusform>%n показателя</numerusform>
            <numerusform>%n показателей</numerusform>
        </translation>
    </message>
</context>
</TS>

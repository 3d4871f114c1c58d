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

pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The Novokuznetsk section's home: its chapters as large entries, then the timeline, the figures, the people,
// the awards and the sources, and the way back to the city's card in the list of 70.
Item {
    id: screen
    objectName: "nkHomeScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    readonly property bool portrait: Theme.portrait
    readonly property int columns: portrait ? 2 : (width / height >= 1.7 ? 3 : 2)

    Flickable {
        id: page
        objectName: "nkHomeFlick"
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        contentHeight: column.implicitHeight + Theme.unit * 8
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickableDirection: Flickable.VerticalFlick

        Column {
            id: column
            x: Theme.margin
            width: page.width - Theme.margin * 2
            spacing: Theme.unit * 4
            topPadding: Theme.unit * 3

            NkHeader {
                width: parent.width
                kicker: qsTr("Раздел экспозиции")
                title: qsTr("Новокузнецк — тогда Сталинск")
                lead: qsTr("Кузнецкий металлургический комбинат, фронт, подвиги, тыл, награды и память. " +
                           "Всё рассказанное — дословно из документов, каждый отрывок со ссылкой на источник.")
            }

            Grid {
                id: chapters
                objectName: "nkChapters"
                width: parent.width
                columns: screen.columns
                columnSpacing: Theme.unit * 3
                rowSpacing: Theme.unit * 3
                readonly property real cell: (width - columnSpacing * (columns - 1)) / columns
                Repeater {
                    model: Novokuznetsk.chapters
                    NkEntry {
                        required property NkChapterRecord modelData
                        required property int index
                        objectName: "nkChapter_" + modelData.id
                        width: chapters.cell
                        height: Math.round(Theme.px(236) * Theme.textScale)   // one height for all: a calm, even grid («Aa» grows it)
                        titleSize: Theme.px(40)
                        // English mode: the exhibition's English title, the Russian one under it
                        readonly property bool en: Language.english && modelData.titleEn !== ""
                        title: (index + 1) + ". " + (en ? modelData.titleEn : modelData.title)
                        caption: en ? modelData.title : modelData.lead
                        onActivated: screen.nav.novokuznetsk("chapter", { chapterId: modelData.id })
                    }
                }
            }

            Grid {
                id: tools
                objectName: "nkTools"
                width: parent.width
                columns: screen.portrait ? 2 : 3
                columnSpacing: Theme.unit * 3
                rowSpacing: Theme.unit * 3
                readonly property real cell: (width - columnSpacing * (columns - 1)) / columns
                Repeater {
                    model: [
                        { page: "timeline", icon: "mdi6.timeline-outline", title: qsTr("Лента времени"),
                          caption: qsTr("1941–2020, каждое событие по дате") },
                        { page: "figures", icon: "mdi6.numeric", title: qsTr("Цифры"),
                          caption: qsTr("%n показателей", "", Novokuznetsk.figures.length) },
                        { page: "people", icon: "mdi6.account-group-outline", title: qsTr("Люди"),
                          caption: qsTr("Герои, командиры, сталевары: %1").arg(Novokuznetsk.people.length) },
                        { page: "awards", icon: "mdi6.medal-outline", title: qsTr("Награды"),
                          caption: qsTr("Ордена, звания и воинские части") },
                        { page: "sources", icon: "mdi6.book-open-variant", title: qsTr("Источники"),
                          caption: qsTr("Документы и открытые вопросы") },
                        { page: "city", icon: "mdi6.city-variant-outline", title: qsTr("Карточка города"),
                          caption: qsTr("Новокузнецк в перечне городов") }
                    ]
                    NkEntry {
                        required property var modelData   // var: one of the tools listed just above, a map written here
                        objectName: "nkTool_" + modelData.page
                        width: tools.cell
                        height: Math.round(Theme.px(172) * Theme.textScale)
                        accent: Theme.gold
                        icon: modelData.icon
                        title: modelData.title
                        caption: modelData.caption
                        titleSize: Theme.px(36)
                        visible: modelData.page !== "city" || Novokuznetsk.cityId > 0
                        onActivated: {
                            if (modelData.page === "city")
                                screen.nav.city(Novokuznetsk.cityId)
                            else
                                screen.nav.novokuznetsk(modelData.page, {})
                        }
                    }
                }
            }
        }
    }
}

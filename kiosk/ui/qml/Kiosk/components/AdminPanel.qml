pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Staff panel behind the PIN: what is running and on which data, reload the database, leave the program.
Item {
    id: panel

    signal reloadRequested()
    signal quitRequested()
    property string reloadNote: ""

    visible: false
    // The facts laid out now, not at the next frame: the frame's height and the buttons' place follow them, and a
    // tap right after opening must find the buttons where they are drawn.
    function open() { reloadNote = ""; Statistics.refresh(); visible = true; facts.forceLayout(); content.forceLayout() }
    function close() { visible = false }

    // «Москва (12), Тула (9), Омск (7)»: the three most-opened cities of the last 7 days.
    function topCitiesText(): string {
        const names = Statistics.topCities, opens = Statistics.topCityOpens
        return names.length === 0 ? "—" : names.map((name, i) => name + " (" + opens[i] + ")").join(", ")
    }

    Connections {
        target: Database
        function onReloaded(ok) {
            panel.reloadNote = ok ? qsTr("База перезагружена.")
                                  : qsTr("Файл базы не принят; причина — в строке «Новый файл базы».")
        }
    }

    // The keyboard: the focus starts on «Закрыть» (Enter by mistake never quits); Escape closes.
    onVisibleChanged: if (visible) closeButton.forceActiveFocus()
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Escape) panel.close()
        event.accepted = true
    }

    Rectangle { anchors.fill: parent; color: Theme.ground; opacity: 0.97 }
    MouseArea { anchors.fill: parent }   // modal

    // The facts scroll when they are taller than the screen («Aa» at 1920×1080: the full fit sweep found the
    // panel taller than the window); the buttons stay in view below them.
    Item {
        id: frame
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 2, Theme.px(1400))
        readonly property real room: parent.height - Theme.margin * 2
        readonly property bool overflows: content.implicitHeight + buttons.height + Theme.unit * 3 > room
        height: Math.min(room, content.implicitHeight + buttons.height + Theme.unit * 3)

        Flickable {
            id: scroller
            objectName: "adminScroll"
            anchors { left: parent.left; right: parent.right; top: parent.top }
            // Its height from the frame, not from the hint's (which follows this one's): room for the hint kept.
            height: frame.height - buttons.height - Theme.unit * 3 - (frame.overflows ? Theme.touch : 0)
            contentHeight: content.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            clip: true

            Column {
                id: content
                width: scroller.width
                spacing: Theme.unit * 3

                KText {
                    kind: KText.Title
                    text: qsTr("Администрирование")
                }
                Rectangle { width: parent.width; height: Math.max(1, Theme.px(2)); color: Theme.red }

                // The first-install PIN is public (it is in the README): say so until staff change it.
                KText {
                    objectName: "adminPinWarning"
                    kind: KText.Secondary
                    visible: Admin.defaultPin
                    width: parent.width
                    text: qsTr("Действует заводской PIN 1945. Смените его до открытия выставки: kiosk --hash-pin, затем admin_pin_hash в файле настроек.")
                    wrapMode: Text.Wrap
                    color: Theme.gold
                }

                Column {
                    id: facts
                    spacing: Theme.unit * 1.5
                    width: parent.width
                    readonly property int keyWidth: Theme.px(300)
                    readonly property int columnSpacing: Theme.unit * 4

                    Repeater {
                        model: [
                            [qsTr("Версия программы"), KioskInfo.version],
                            [qsTr("Состояние базы"), Database.available ? qsTr("доступна") : qsTr("недоступна (причина — в журнале)")],
                            [qsTr("Файл базы"), Database.path],
                            [qsTr("Собрана"), Database.builtAt || "—"],
                            [qsTr("Хеш источников"), Database.sourcesHash || "—"],
                            [qsTr("Городов"), String(Database.cityCount)],
                            [qsTr("Новый файл базы"), Database.pendingReload ? qsTr("проверен, включится между посетителями")
                                                      : Database.refusal ? qsTr("не принят: %1").arg(Database.refusal) : "—"],
                            [qsTr("Журнал"), KioskInfo.logPath || qsTr("только консоль")],
                            // Visit statistics at a glance, one row (the full report: kiosk-db stats, docs/statistics.md).
                            [qsTr("Посещения"), !Statistics.recording ? qsTr("не записываются (statistics = false)")
                                : qsTr("сегодня: %1, за 7 дней: %2; чаще всего открывали: %3").arg(Statistics.todayVisits)
                                      .arg(Statistics.weekVisits).arg(panel.topCitiesText())]
                        ]
                        delegate: Item {
                            id: fact
                            required property var modelData   // var: a [label, value] pair of the list above
                            required property int index
                            width: facts.width; height: Math.max(valueText.height, keyText.height)
                            KText {
                                id: keyText
                                kind: KText.Secondary
                                width: facts.keyWidth
                                text: fact.modelData[0]
                                wrapMode: Text.Wrap   // «Aa» on a small screen: two lines, never past the column
                            }
                            KText {
                                id: valueText
                                objectName: "adminFact" + fact.index
                                kind: KText.Small
                                x: facts.keyWidth + facts.columnSpacing
                                width: facts.width - x
                                text: fact.modelData[1]
                                wrapMode: Text.WrapAtWordBoundaryOrAnywhere  // names whole; paths and hashes anywhere
                            }
                        }
                    }
                }

                KText {
                    objectName: "adminNote"
                    kind: KText.Secondary
                    width: parent.width
                    height: Math.max(Theme.px(48), implicitHeight)
                    text: panel.reloadNote
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    color: Theme.gold
                }
            }
        }
        ScrollHint {
            id: hint
            flickable: scroller
            anchors { left: parent.left; right: parent.right; top: scroller.bottom }
        }

        Flow {
            id: buttons
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            spacing: Theme.unit * 3
            KioskButton {
                objectName: "adminReload"
                icon: "mdi6.database-refresh-outline"
                text: qsTr("Перезагрузить базу")
                onActivated: panel.reloadRequested()
            }
            KioskButton {
                objectName: "adminQuit"
                icon: "mdi6.power"
                text: qsTr("Выйти из программы")
                onActivated: panel.quitRequested()
            }
            KioskButton {
                id: closeButton
                objectName: "adminClose"
                primary: true
                icon: "mdi6.close"
                text: qsTr("Закрыть")
                onActivated: panel.close()
            }
        }
    }
}

pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The people the documents name: typographic cards (the sources hold no photographs, so there are no
// portraits); tap a card for the person's story and its source.
Item {
    id: screen
    objectName: "nkPeopleScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    readonly property bool portrait: Theme.portrait
    readonly property int columns: portrait ? 2 : Math.max(3, Math.floor((width - Theme.margin * 2) / Theme.px(560)))

    // Every card of a row as tall as the row's longest text (names and roles whole, with «Aa» too): a Flickable
    // over a Grid, not a GridView with a fixed cell height; the section names a dozen people, all made at once.
    readonly property real cellWidth: Math.floor((grid.width - Theme.unit * 3) / columns)
    property list<real> rowHeights: []
    function measure() {
        const rows = []
        for (let i = 0; i < cards.count; ++i) {
            const c = cards.itemAt(i)
            const r = Math.floor(i / columns)
            rows[r] = Math.max(rows[r] || 0, c ? c.implicitHeight : 0)   // what its texts need
        }
        rowHeights = rows
    }
    onColumnsChanged: Qt.callLater(measure)

    Flickable {
        id: grid
        objectName: "nkPeopleGrid"
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin - Theme.unit * 3
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(2000)
        maximumFlickVelocity: Theme.px(5000)
        contentHeight: page.implicitHeight + Theme.unit * 4
        contentWidth: width

        Column {
            id: page
            width: grid.width
            NkHeader {
                width: grid.width - Theme.unit * 3
                topPadding: Theme.unit * 4
                bottomPadding: Theme.unit * 4
                title: qsTr("Люди")
                lead: qsTr("Имена — так, как их пишут документы. Коснитесь карточки, чтобы прочитать историю.")
            }
            Grid {
                columns: screen.columns
                Repeater {
                    id: cards
                    model: Novokuznetsk.people
                    onItemAdded: Qt.callLater(screen.measure)
                    delegate: Item {
                        id: cell
                        required property NkPersonRecord modelData
                        required property int index
                        implicitHeight: lines.implicitHeight + Theme.unit * 6   // its row is as tall as its tallest
                        onImplicitHeightChanged: Qt.callLater(screen.measure)
                        objectName: "nkPerson_" + modelData.id
                        width: screen.cellWidth
                        height: Math.max(Theme.px(200), (screen.rowHeights[Math.floor(index / screen.columns)] || 0)
                                                        + Theme.unit * 3)

                        Rectangle {
                            anchors.fill: parent
                            anchors.rightMargin: Theme.unit * 3
                            anchors.bottomMargin: Theme.unit * 3
                            radius: Theme.radius * 2
                            color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
                            border.width: Math.max(1, Theme.px(2))
                            border.color: tap.pressed ? Theme.gold : Theme.line
                            clip: true
                            Accessible.role: Accessible.Button
                            Accessible.name: cell.modelData.name
                            Accessible.ignored: !visible
                            Accessible.onPressAction: if (cell.visible) itemCard.open(cell.modelData.ref, false)
                            activeFocusOnTab: true
                            FocusRing { radius: Theme.radius * 2 }

                            Rectangle {
                                anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(2) }
                                width: Theme.px(8)
                                color: Theme.red
                            }
                            Column {
                                id: lines
                                x: Theme.unit * 4
                                y: Theme.unit * 3
                                width: parent.width - Theme.unit * 7
                                spacing: Theme.unit
                                KText {
                                    kind: KText.Title
                                    width: parent.width
                                    text: cell.modelData.name
                                    font.bold: true
                                    font.pixelSize: Theme.fpx(40)
                                    lineHeight: 1.1
                                    wrapMode: Text.Wrap
                                }
                                KText {
                                    width: parent.width
                                    visible: text !== ""
                                    text: cell.modelData.when
                                    color: Theme.gold
                                    font.bold: true
                                    wrapMode: Text.Wrap
                                }
                                KText {
                                    kind: KText.Secondary
                                    width: parent.width
                                    text: Language.english && cell.modelData.labelEn ? cell.modelData.labelEn : cell.modelData.role
                                    lineHeight: 1.2
                                    wrapMode: Text.Wrap
                                }
                            }
                            TapHandler {
                                id: tap
                                gesturePolicy: TapHandler.ReleaseWithinBounds
                                onTapped: itemCard.open(cell.modelData.ref, false)
                            }
                        }
                    }
                }
            }
        }
    }

    NkItemCard { id: itemCard; anchors.fill: parent }
}

pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The people the documents name: typographic cards (the sources hold no photographs, so there are no
// portraits); tap a card for the person's story and its source.
Item {
    id: screen
    objectName: "nkPeopleScreen"

    required property var nav
    readonly property bool portrait: Theme.portrait
    readonly property int columns: portrait ? 2 : Math.max(3, Math.floor((width - Theme.margin * 2) / Theme.px(560)))

    GridView {
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
        cellWidth: Math.floor(width / screen.columns)
        cellHeight: Theme.px(300)
        bottomMargin: Theme.unit * 4
        model: Novokuznetsk.people

        header: NkHeader {
            width: grid.width - Theme.unit * 3
            topPadding: Theme.unit * 4
            bottomPadding: Theme.unit * 4
            title: qsTr("Люди")
            lead: qsTr("Имена — так, как их пишут документы. Коснитесь карточки, чтобы прочитать историю.")
        }

        delegate: Item {
            id: cell
            required property var modelData
            objectName: "nkPerson_" + modelData.id
            width: grid.cellWidth
            height: grid.cellHeight

            Rectangle {
                anchors.fill: parent
                anchors.rightMargin: Theme.unit * 3
                anchors.bottomMargin: Theme.unit * 3
                radius: Theme.radius * 2
                color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
                border.width: Math.max(1, Theme.px(2))
                border.color: tap.pressed ? Theme.gold : Theme.line
                Accessible.role: Accessible.Button
                Accessible.name: cell.modelData.name

                Rectangle {
                    anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(2) }
                    width: Theme.px(8)
                    color: Theme.red
                }
                Column {
                    x: Theme.unit * 4
                    y: Theme.unit * 3
                    width: parent.width - Theme.unit * 7
                    spacing: Theme.unit
                    KText {
                        kind: KText.Title
                        width: parent.width
                        text: cell.modelData.name
                        font.bold: true
                        font.pixelSize: Theme.px(40)
                        lineHeight: 1.1
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                    KText {
                        width: parent.width
                        visible: text !== ""
                        text: cell.modelData.when
                        color: Theme.gold
                        font.bold: true
                    }
                    KText {
                        kind: KText.Secondary
                        width: parent.width
                        text: Language.english && cell.modelData.labelEn ? cell.modelData.labelEn : cell.modelData.role
                        font.pixelSize: Theme.labelSize + Theme.px(2)
                        lineHeight: 1.2
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
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

    NkItemCard { id: itemCard; anchors.fill: parent }
}

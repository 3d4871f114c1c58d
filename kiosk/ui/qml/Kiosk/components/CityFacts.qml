pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A city's contribution to the Victory as a list: one line per tag, its icon with its label. Used in the
// landscape side column when the list gives no memorial, so that column holds content, not emptiness.
// tags: a CityRecord's tags (a model with the roles tagId, label, icon).
Rectangle {
    id: facts

    property TagListModel tags: null

    objectName: "cityFacts"
    radius: Theme.radius
    color: Theme.groundRaised
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.line
    implicitHeight: body.implicitHeight + Theme.unit * 8
    visible: lines.count > 0

    Column {
        id: body
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit * 4 }
        spacing: Theme.unit * 2

        KText {
            kind: KText.Secondary
            width: parent.width
            text: qsTr("Вклад в Победу")
            color: Theme.gold
            font.bold: true
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(1.5)
            wrapMode: Text.Wrap
        }
        Repeater {
            id: lines
            model: facts.tags
            Row {
                id: line
                required property string tagId
                required property string label
                required property string icon
                objectName: "cityFact_" + line.tagId
                width: body.width
                spacing: Theme.unit * 2
                Image {
                    id: factIcon
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(36); height: width
                    sourceSize: Qt.size(width, height)
                    source: Theme.icon(line.icon, Theme.gold)
                }
                KText {
                    anchors.verticalCenter: parent.verticalCenter
                    width: line.width - factIcon.width - line.spacing
                    text: line.label
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}

import QtQuick
import Kiosk

// What visitors see when the database cannot be used. Calm, no technical text: the reason is in the log.
Rectangle {
    id: screen
    objectName: "unavailableScreen"
    color: Theme.ground

    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: Theme.px(16)
        color: Theme.red
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 4, Theme.readingWidth)
        spacing: Theme.unit * 4

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Города трудовой доблести")
            textFormat: Text.PlainText
            color: Theme.gold
            font.family: Theme.sans
            font.pixelSize: Theme.labelSize
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(3)
        }
        Text {
            objectName: "unavailableTitle"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Экспозиция временно недоступна")
            textFormat: Text.PlainText
            color: Theme.paper
            font.family: Theme.serif
            font.pixelSize: Theme.titleSize
            lineHeight: 1.15
        }
        Rectangle { anchors.horizontalCenter: parent.horizontalCenter; width: Theme.px(160); height: Theme.px(6); color: Theme.red }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Приносим извинения. Пожалуйста, обратитесь к сотруднику музея.")
            textFormat: Text.PlainText
            color: Theme.paperDim
            font.family: Theme.serif
            font.pixelSize: Theme.bodySize
            lineHeight: Theme.lineHeight
        }
    }
}

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

        KText {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Города трудовой доблести")
            color: Theme.gold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(3)
        }
        KText {
            objectName: "unavailableTitle"
            kind: KText.Title
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Экспозиция временно недоступна")
            lineHeight: 1.15
        }
        Rectangle { anchors.horizontalCenter: parent.horizontalCenter; width: Theme.px(160); height: Theme.px(6); color: Theme.red }
        KText {
            kind: KText.Body
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Приносим извинения. Пожалуйста, обратитесь к сотруднику музея.")
            color: Theme.paperDim
            lineHeight: Theme.lineHeight
        }
    }
}

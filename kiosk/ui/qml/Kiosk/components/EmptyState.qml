import QtQuick
import Kiosk

// Nothing matches: say so kindly and offer one big way back.
Item {
    id: empty
    signal resetRequested()
    objectName: "emptyState"

    // Above the open keyboard there is little room: the reset button must stay reachable, the rest yields,
    // down to the button alone; nothing is ever drawn outside this area (over chips or the keyboard).
    readonly property bool compact: height < Theme.px(420)
    readonly property bool tiny: height < Theme.px(220)
    clip: true

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 2, Theme.px(900))
        spacing: Theme.unit * 3

        Image {
            visible: !empty.compact
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.px(88); height: width
            sourceSize: Qt.size(width, height)
            source: Theme.icon("mdi6.magnify-remove-outline", Theme.paperDim)
        }
        KText {
            kind: KText.Title
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            visible: !empty.tiny
            text: qsTr("Ничего не найдено")
            font.pixelSize: Theme.px(48)
            wrapMode: Text.Wrap
        }
        KText {
            kind: KText.Secondary
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            visible: !empty.compact
            text: qsTr("Попробуйте другое слово или снимите часть фильтров.")
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
        }
        Item { width: 1; height: Theme.unit; visible: !empty.compact }
        KioskButton {
            objectName: "emptyReset"
            anchors.horizontalCenter: parent.horizontalCenter
            implicitHeight: Theme.touchLarge
            primary: true
            icon: "mdi6.restore"
            text: qsTr("Сбросить поиск и фильтры")
            fontSize: Theme.bodySize
            onActivated: empty.resetRequested()
        }
    }
}

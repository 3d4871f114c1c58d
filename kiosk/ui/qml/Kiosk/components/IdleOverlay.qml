import QtQuick
import Kiosk

// «Вы ещё здесь?» — shown by the idle service after the timeout away from home. Any touch on it, or the
// big «Продолжить», means yes; when the countdown ends the kiosk returns home on its own.
Item {
    id: overlay

    // The number on screen stays put while the overlay fades out (the service resets its count to 0).
    property int shown: 0
    Connections {
        target: Idle
        function onCountdownChanged() { if (Idle.countdown > 0) overlay.shown = Idle.countdown }
    }

    visible: opacity > 0
    opacity: Idle.asking ? 1 : 0
    Behavior on opacity { NumberAnimation { duration: Theme.fast; easing.type: Easing.OutCubic } }


    Rectangle {
        anchors.fill: parent
        color: Theme.ground
        opacity: 0.94
    }

    // Modal: the screen underneath gets nothing while the question shows.
    MouseArea {
        anchors.fill: parent
        enabled: Idle.asking
        onClicked: Idle.poke()
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.margin * 2, Theme.px(1000))
        spacing: Theme.unit * 4

        KText {
            kind: KText.Title
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Вы ещё здесь?")
            font.pixelSize: Theme.displaySize
        }
        KText {
            objectName: "idleCountdown"
            kind: KText.Secondary
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Через %n секунд экспозиция вернётся на главный экран.", "", overlay.shown)
            font.pixelSize: Theme.bodySize
            lineHeight: Theme.lineHeight
        }
        Item { width: 1; height: Theme.unit * 2 }
        KioskButton {
            objectName: "idleContinue"
            anchors.horizontalCenter: parent.horizontalCenter
            primary: true
            implicitHeight: Theme.touchLarge
            implicitWidth: Theme.px(520)
            fontSize: Theme.px(34)
            icon: "mdi6.gesture-tap"
            text: qsTr("Продолжить")
            onActivated: Idle.poke()
        }
    }
}

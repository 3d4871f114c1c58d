import QtQuick
import Kiosk

// The shell's top bar: «На главную» always first, «Назад» beside it when there is somewhere to go back to,
// the exhibition's name on the right. Solid ground so scrolled content never shows through the controls.
Rectangle {
    id: bar

    property bool canGoBack: false
    signal homeRequested()
    signal backRequested()
    // Keys its buttons do not take (Escape, Backspace, PgDn…) go where the screen's would: Main's stack.
    property Item keyTarget: null
    Keys.forwardTo: keyTarget !== null ? [keyTarget] : []

    height: Theme.barHeight
    color: Theme.ground

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(1, Theme.px(2))
        color: Theme.line
    }

    // Swallow touches on the bar's empty parts so they never reach the screen underneath.
    TapHandler { gesturePolicy: TapHandler.WithinBounds }

    Row {
        anchors { left: parent.left; leftMargin: Theme.margin; verticalCenter: parent.verticalCenter }
        spacing: Theme.unit * 2

        KioskButton {
            objectName: "homeButton"
            icon: "mdi6.home-outline"
            text: qsTr("На главную")
            onActivated: bar.homeRequested()
        }
        KioskButton {
            objectName: "backButton"
            icon: "mdi6.arrow-left"
            text: qsTr("Назад")
            visible: bar.canGoBack
            onActivated: bar.backRequested()
        }
    }

    LanguageBar {
        id: languageBar
        objectName: "topLanguageBar"
        anchors { right: parent.right; rightMargin: Theme.margin; verticalCenter: parent.verticalCenter }
    }

    KText {
        kind: KText.Title
        anchors { right: languageBar.left; rightMargin: Theme.unit * 4; verticalCenter: parent.verticalCenter }
        // Gives way to the controls: hidden where the bar is too narrow (portrait) rather than squeezed.
        visible: width > Theme.px(200)
        width: Math.min(implicitWidth, bar.width - languageBar.width - Theme.px(700))
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignRight
        text: qsTr("Города трудовой доблести")
        color: Theme.paperDim
        font.pixelSize: Theme.labelSize
    }
}

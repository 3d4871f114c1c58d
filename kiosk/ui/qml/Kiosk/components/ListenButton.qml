import QtQuick
import Kiosk

// «Слушать»: reads `texts` aloud with the system's voice (the singleton Speech, kiosk/ui/services/speech.py).
// A second tap stops it; so do leaving the page (the button goes out of sight or away), a change of the text
// (a neighbouring city, another card), the idle reset and attract mode. Hidden where no voice is installed or
// the config turns read-aloud off. Pass the texts in reading order; each is read in its own language's voice.
KioskButton {
    id: control

    property list<string> texts: []
    readonly property int token: Speech.newToken()
    readonly property bool speaking: Speech.speakingToken === token

    function toggle() { Speech.toggle(token, texts) }

    visible: Speech.available && texts.length > 0
    checked: speaking
    icon: speaking ? "mdi6.stop-circle-outline" : "mdi6.volume-high"
    text: speaking ? qsTr("Остановить") : qsTr("Слушать")
    implicitHeight: Math.max(Theme.touch, Theme.px(64))
    activeFocusOnTab: true
    border.color: activeFocus ? Theme.gold : Theme.line
    onActivated: toggle()

    Accessible.name: speaking ? qsTr("Остановить чтение вслух") : qsTr("Слушать: прочитать текст вслух")
    Accessible.checkable: true
    Accessible.checked: speaking
    Accessible.onPressAction: toggle()
    Accessible.onToggleAction: toggle()
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space) {
            toggle()
            event.accepted = true
        }
    }

    // Another text (a neighbouring city, another card, the other language) ends the reading of this one.
    property string reading: ""
    onTextsChanged: {
        const now = texts.join("\n")
        if (now !== reading) {
            reading = now
            Speech.stop(token)
        }
    }
    onVisibleChanged: if (!visible) Speech.stop(token)
    Component.onDestruction: Speech.stop(token)

    // While it reads: the icon breathes, so the button says «speaking» without words too.
    SequentialAnimation on opacity {
        running: control.speaking
        loops: Animation.Infinite
        alwaysRunToEnd: true
        NumberAnimation { to: 0.7; duration: 700; easing.type: Easing.InOutSine }
        NumberAnimation { to: 1.0; duration: 700; easing.type: Easing.InOutSine }
    }
}
